/**
 * The web app's query cache: GET answers kept by URL with the layers they are computed from, so a screen
 * that switches modes or tabs back does not ask again for what has not changed. The event stream's client
 * (common/event-stream.ts) invalidates the entries of the layers a change names, and everything on `reset`
 * (or a reconnect that could not replay); a sign-in clears it (answers depend on the caller).
 */

interface Entry {
  /** Layers the answer is computed from; empty = any change invalidates it. */
  deps: ReadonlySet<string>;
  answer: Promise<unknown>;
}

const entries = new Map<string, Entry>();
let fetches = 0;

/**
 * The cached answer of `url`, or `load()`'s (kept until a change of one of `deps`). A failed load is not kept.
 * Concurrent callers of the same URL share one request.
 * @example cached('/api/analytics/risk-map?by=township', ['risk-points', 'townships'], () => getJson(url))
 */
export function cached<T>(url: string, deps: readonly string[], load: () => Promise<T>): Promise<T> {
  const hit = entries.get(url);
  if (hit) return hit.answer as Promise<T>;
  fetches++;
  const answer = load();
  const entry: Entry = { deps: new Set(deps), answer };
  entries.set(url, entry);
  answer.catch(() => {
    if (entries.get(url) === entry) entries.delete(url);
  });
  return answer;
}

/** Drop the answers computed from any of `layers` ('all': every answer). */
export function invalidate(layers: ReadonlySet<string> | readonly string[] | 'all'): void {
  if (layers === 'all') return entries.clear();
  const changed = [...layers];
  for (const [url, e] of entries) if (e.deps.size === 0 || changed.some((l) => e.deps.has(l))) entries.delete(url);
}

/** What the cache holds and how many loads it let through (for the e2e's window.__queryCache and for tests). */
export function cacheStats(): { urls: string[]; fetches: number } {
  return { urls: [...entries.keys()], fetches };
}

if (typeof window !== 'undefined') (window as unknown as { __queryCache?: typeof cacheStats }).__queryCache = cacheStats;
