/**
 * The web app's one HTTP client (same origin, session cookie): JSON or raw bodies, AbortSignal, and one error type
 * carrying the API's `{error: {code, message, details}}`. Routes with a contract in @riskmap/contract are called
 * through `call`, typed from the contract (`RouteAnswer`). What a screen shows for an error comes from its code
 * (`errorText` in i18n/errors.ts), never from the server's English `message`.
 */
import { authLogin, authMe, type RouteAnswer, type RouteContract } from '@riskmap/contract';
import type { z } from 'zod';
import { cached, invalidate } from './query-cache.js';

/** One field at fault, as the API names it (`properties.capacity`), with the rule's key and figures when it sends them. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
  key?: string;
  params?: Record<string, unknown>;
  allowed?: readonly unknown[];
}

/** A failed call: the HTTP status (0 = no answer), the API's error code, the fields at fault and the details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The API's `error.code`; `network` (no answer), `aborted`, or `http` (an answer without the error shape). */
    readonly code: string,
    /** The server's English message: for logs and tooltips, never for the screen. */
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  /** A JSON body. */
  json?: unknown;
  /** A raw body (a file upload) with its media type. */
  raw?: { bytes: BodyInit; type: string };
  signal?: AbortSignal;
  cache?: RequestCache;
  headers?: Record<string, string>;
}

/** Send a request and parse its JSON answer (null for an empty one); throws ApiError on HTTP errors and when there is no answer. */
export async function request<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
  const init: RequestInit = { method, headers, ...(o.signal ? { signal: o.signal } : {}), ...(o.cache ? { cache: o.cache } : {}) };
  if (o.raw) {
    init.body = o.raw.bytes;
    headers['content-type'] = o.raw.type;
  } else if (o.json !== undefined) {
    init.body = JSON.stringify(o.json);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new ApiError(0, 'aborted', (e as Error).message);
    throw new ApiError(0, 'network', `no answer from ${path}: ${(e as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    if (res.ok) throw new ApiError(res.status, 'http', `${path} did not answer JSON`);
  }
  if (!res.ok) throw errorOf(res.status, json);
  return json as T;
}

/** The ApiError of an error answer (the one error shape, or a bare status). */
export function errorOf(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const details = err?.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : undefined;
  const fields = Array.isArray(details?.fields) ? (details.fields as FieldError[]) : [];
  return new ApiError(status, err?.code ?? 'http', err?.message ?? `HTTP ${status}`, fields, details);
}

/** GET a JSON document. */
export const getJson = <T>(path: string, o: Omit<RequestOptions, 'json' | 'raw'> = {}): Promise<T> => request<T>('GET', path, o);

/** Send `body` as JSON (or raw bytes when `raw` is set) and parse the JSON answer. */
export const send = <T>(method: string, path: string, body?: unknown, raw?: { bytes: BodyInit; type: string }, signal?: AbortSignal): Promise<T> =>
  request<T>(method, path, { json: body, ...(raw ? { raw } : {}), ...(signal ? { signal } : {}) });

export type Optional<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Like getJson, but resolves to `{ok:false}` instead of throwing (a panel that shows "not available" instead). */
export async function getOptional<T>(path: string, o: Omit<RequestOptions, 'json' | 'raw'> = {}): Promise<Optional<T>> {
  try {
    return { ok: true, value: await getJson<T>(path, o) };
  } catch (e) {
    return { ok: false, error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)) };
  }
}

type Scalar = string | number | boolean | undefined;

/** Query string from defined values only. @example qs({ a: 1, b: undefined }) → '?a=1' */
export function qs(params: Record<string, Scalar>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

/** The contract's path with its `:params` filled in. @example pathOf('/api/layers/:id', { id: 'shelters' }) → '/api/layers/shelters' */
export function pathOf(pattern: string, params: Record<string, string | number> = {}): string {
  return pattern.replace(/:(\w+)/g, (_, k: string) => {
    if (!(k in params)) throw new Error(`path parameter "${k}" missing for ${pattern}`);
    return encodeURIComponent(String(params[k]));
  });
}

type Input<T, Else> = T extends z.ZodType ? z.input<T> : Else;

/** What a call sends, typed from the contract's zod schemas (their input side: what may be written). */
export interface CallOptions<C extends RouteContract = RouteContract> {
  params?: Input<C['params'], Record<string, string | number>> & Record<string, string | number>;
  query?: Input<C['query'], Record<string, Scalar>>;
  body?: C['body'] extends { schema: z.ZodType } ? z.input<C['body']['schema']> : unknown;
  signal?: AbortSignal;
  cache?: RequestCache;
}

/**
 * Call a route by its contract; the answer is typed from the contract's 200 (or 201) response.
 * @example const near = await call(nearestShelters, { query: { lon, lat, k: 3 } })
 */
export function call<C extends RouteContract>(contract: C, o: CallOptions<C> = {}): Promise<RouteAnswer<C, 200 extends keyof C['responses'] ? 200 : keyof C['responses']>> {
  const path = pathOf(contract.path, o.params) + qs((o.query ?? {}) as Record<string, Scalar>);
  return request(contract.method, path, { json: o.body, ...(o.signal ? { signal: o.signal } : {}), ...(o.cache ? { cache: o.cache } : {}) });
}

/**
 * A GET through the query cache: answered from memory until the event stream announces a change of one of
 * `deps` (the layers the answer is computed from) or a reset. The signal only stops this caller's wait.
 * @example const map = await callCached(analyticsRiskMap, ['risk-points', 'townships'], { query: { by: 'grid' } })
 */
export function callCached<C extends RouteContract>(contract: C, deps: readonly string[], o: Omit<CallOptions<C>, 'body' | 'cache'> = {}): Promise<RouteAnswer<C>> {
  if (contract.method !== 'GET') throw new Error(`only GET answers are cached, not ${contract.method} ${contract.path}`);
  const path = pathOf(contract.path, o.params) + qs((o.query ?? {}) as Record<string, Scalar>);
  return abortable(cached(path, deps, () => request<RouteAnswer<C>>('GET', path)), o.signal);
}

/** getJson through the query cache (for answers without a contract yet, e.g. layers by id). */
export function getCached<T>(path: string, deps: readonly string[], signal?: AbortSignal): Promise<T> {
  return abortable(cached(path, deps, () => getJson<T>(path)), signal);
}

/** The shared answer, or ApiError 'aborted' as soon as this caller's signal fires (the shared request goes on). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new ApiError(0, 'aborted', 'aborted'));
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new ApiError(0, 'aborted', 'aborted'));
    signal.addEventListener('abort', stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** `GET /api/auth/me`: the role ('public' when anonymous) and the signed-in user. */
export type Me = RouteAnswer<typeof authMe>;

/** The signed-in user (role 'public' when anonymous); not from the HTTP cache (it changes on sign-in). */
export const whoAmI = (): Promise<Me> => call(authMe, { cache: 'no-store' });

/** Sign in (the answer sets the session cookie). */
export const signIn = (username: string, password: string): Promise<RouteAnswer<typeof authLogin>> =>
  call(authLogin, { body: { username, password } }).then((answer) => {
    invalidate('all'); // answers depend on who asks
    return answer;
  });
