import type { Request } from 'express';

export const SESSION_COOKIE = 'riskmap_session';

/**
 * The cookies of a `Cookie` header as name → value (values URI-decoded; malformed pairs skipped).
 * @example parseCookies('a=1; riskmap_session=abc') // { a: '1', riskmap_session: 'abc' }
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * The session token a request carries: `Authorization: Bearer …` first, else the session cookie.
 * @example sessionTokenOf(req) // 'n2F…' or undefined
 */
export function sessionTokenOf(req: Request): string | undefined {
  const auth = req.get('authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? parseCookies(req.get('cookie'))[SESSION_COOKIE];
}

/**
 * A Set-Cookie value for the session: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS; maxAgeS 0 clears it.
 * @example res.append('Set-Cookie', sessionCookie(token, 43200, req.secure))
 */
export function sessionCookie(token: string, maxAgeS: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Max-Age=${maxAgeS}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
