import { LAYERS, warmTileRanking, type LayerDescriptor } from '@riskmap/db';
import type { AppDeps } from '../deps.js';

/** After a change, the ranking is read once changes to the layer have paused this long. */
const SETTLE_MS = 500;
/** Only layers whose thinned tiles someone asked for within this long are warmed. */
const VIEWED_WITHIN_MS = 15 * 60_000;

/**
 * Keeps the thinning ranking of the layers being viewed current: when a layer whose thinned tiles were asked for
 * lately changes, its ranking for the new revision is read in the background (once its changes pause), so the first
 * thinned tile after an edit or an import answers without ranking the layer again. Failures are left to the tile
 * that next needs the ranking (it reads it itself).
 * @example const warmer = rankingWarmer(deps); warmer.viewed(d, false)
 */
export function rankingWarmer(deps: Pick<AppDeps, 'db' | 'backend' | 'changes'>): { viewed(d: LayerDescriptor, publicOnly: boolean): void } {
  const lastViewed = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  const warm = (key: string, d: LayerDescriptor, publicOnly: boolean) => {
    timers.delete(key);
    void warmTileRanking(deps.db, deps.backend, d, publicOnly, deps.changes.layerVersion(d.id)).catch(() => undefined);
  };
  deps.changes.subscribe((c) => {
    const d = (LAYERS as Record<string, LayerDescriptor | undefined>)[c.layer];
    if (!d) return;
    for (const publicOnly of [false, true]) {
      const key = `${d.id}|${publicOnly}`;
      const at = lastViewed.get(key);
      if (at === undefined || Date.now() - at > VIEWED_WITHIN_MS) continue;
      clearTimeout(timers.get(key));
      const t = setTimeout(() => warm(key, d, publicOnly), SETTLE_MS);
      t.unref();
      timers.set(key, t);
    }
  });
  return { viewed: (d, publicOnly) => void lastViewed.set(`${d.id}|${publicOnly}`, Date.now()) };
}
