/** Thin fetch helpers: JSON with a typed "missing" result so screens can tolerate endpoints that do not exist yet. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET a JSON document; throws ApiError on HTTP errors (status 0 = network). */
export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  } catch (e) {
    throw new ApiError(0, `network error for ${path}: ${(e as Error).message}`);
  }
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

export type Optional<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

/** Like getJson, but resolves to `{ok:false}` instead of throwing (for endpoints that may be absent). */
export async function getOptional<T>(path: string): Promise<Optional<T>> {
  try {
    return { ok: true, value: await getJson<T>(path) };
  } catch (e) {
    const err = e as ApiError;
    return { ok: false, status: err.status ?? 0, message: err.message };
  }
}
