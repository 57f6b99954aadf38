/** Requests of the planning workspace: JSON with the API's error shape kept (code, message, field list, details). */
import { getJson } from '../api/client.js';

export interface FieldError {
  field: string;
  message: string;
}

/** An HTTP error answer `{error: {code, message, details}}`, with its status. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[],
    readonly details: Record<string, unknown> | undefined,
  ) {
    super(message);
  }
}

/** Send `body` as JSON (or raw bytes when `raw` is set) and parse the JSON answer; throws RequestError on HTTP errors. */
export async function send<T>(method: string, path: string, body?: unknown, raw?: { bytes: BodyInit; type: string }): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (raw) {
    init.body = raw.bytes;
    init.headers = { ...init.headers, 'content-type': raw.type };
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new RequestError(0, 'network', (e as Error).message, [], undefined);
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
    const fields = Array.isArray(err?.details?.fields) ? (err.details.fields as FieldError[]) : [];
    throw new RequestError(res.status, err?.code ?? 'http', err?.message ?? `${res.status}`, fields, err?.details);
  }
  return json as T;
}

export { getJson };

export interface Me {
  role: 'public' | 'commander' | 'planner' | 'admin';
  user: { username: string; role: string } | null;
}

/** The signed-in user (role 'public' when anonymous). */
export const whoAmI = () => getJson<Me>('/api/auth/me');

/** Query string from defined values only. @example qs({ a: 1, b: undefined }) → '?a=1' */
export function qs(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
