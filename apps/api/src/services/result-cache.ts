import type { Request, Response } from 'express';
import { HttpError } from '../http/http-error.js';
import { roleOf } from '../http/role.js';

/**
 * Serialized answers of expensive routes, kept per data revision + route + role class + parameters (least
 * recently used first out). A change anywhere moves the revision, so nothing stale is served; repeated
 * identical requests cost a map lookup instead of seconds of CPU.
 * @example cache.send(req, res, 'application/geo+json', () => computeEmap(q))
 */
export class ResultCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly computing = new Map<string, Promise<Buffer>>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly revision: () => number,
    private readonly maxEntries: number,
    /** Anonymous answers larger than this are refused with 413 `response_too_large`. */
    private readonly publicMaxBytes: number,
  ) {}

  /** The key of a request: revision, path, role class and the sorted query parameters. */
  key(req: Request, res: Response, revision?: string): string {
    const role = roleOf(req, res) === 'public' ? 'public' : 'signed-in';
    const params = new URLSearchParams(Object.entries(req.query as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1))).toString();
    return `${revision ?? this.revision()}|${req.path}|${role}|${params}`;
  }

  /**
   * Answer from the cache or compute, serialize (unless `compute` gives the serialized body, a Buffer), cap (anonymous
   * callers) and keep. `revision`, when given, keys the answer instead of the global revision: the versions of exactly
   * the layers the answer reads, so a change to another layer keeps it.
   */
  async send(req: Request, res: Response, type: string, compute: () => Promise<unknown>, sizeField = 'query', revision?: string): Promise<void> {
    const key = this.key(req, res, revision);
    let body = this.entries.get(key);
    const hit = body !== undefined;
    if (body) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, body);
    } else {
      this.misses += 1;
      // Callers asking the same thing at once share one computation.
      let pending = this.computing.get(key);
      if (!pending) {
        pending = compute().then((v) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))));
        this.computing.set(key, pending);
        pending.then(() => this.computing.delete(key), () => this.computing.delete(key));
      }
      body = await pending;
      if (this.maxEntries > 0) {
        this.entries.set(key, body);
        while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      }
    }
    if (roleOf(req, res) === 'public' && body.length > this.publicMaxBytes) {
      const message = `the answer would be ${body.length} bytes; anonymous answers are capped at ${this.publicMaxBytes} bytes (PUBLIC_MAX_RESPONSE_BYTES): ask for coarser cells or sign in`;
      throw new HttpError(413, 'response_too_large', message, { fields: [{ field: sizeField, message }], bytes: body.length, maxBytes: this.publicMaxBytes });
    }
    res.set('X-Cache', hit ? 'hit' : 'miss');
    res.type(type).send(body);
  }
}
