import type { Feature, FeatureCollection } from 'geojson';
import { getLayer, LAYERS, type Database, type Kysely } from '@riskmap/db';
import type { LayerId } from '@riskmap/geo';
import type { Change, ChangeBus } from '../events/change-bus.js';

/**
 * A layer whose changed rows are re-read instead of the whole layer while they are at most this many, or a quarter of
 * the cached layer if that is more: beyond it one full read (a single ordered scan) costs less than an id list.
 */
const PATCH_MIN_ROWS = 1_000;

/** What `derive` may answer while a newer value is being computed. */
export interface DeriveOptions {
  /**
   * Answer with the last computed value while the one for the layers' new versions is being computed, if that value
   * was computed from layers read at most this many milliseconds ago (0 or absent: always wait for the new one).
   */
  staleMs?: number;
}

interface Derived {
  version: number;
  value: Promise<unknown>;
  settled: boolean;
}

/**
 * Whole layers read once and kept until the layer changes (the change bus moves its version), so
 * analytics and the nearest-shelter index do not re-read the database on every request. After a change,
 * only the changed rows are read again (the change bus names each changed feature) and merged into the
 * kept layer, so an import of 500 rows into a layer of 10,000 costs 500 rows, not 10,500.
 * Derived values (e.g. a spatial index) can be memoised per layer version with `derive`.
 */
export class LayerCache {
  private readonly layers = new Map<LayerId, { version: number; fc: Promise<FeatureCollection> }>();
  /** Per kept layer, the features changed since its kept copy was read ('all' when a change named no feature). */
  private readonly changed = new Map<LayerId, Set<number> | 'all'>();
  private readonly derived = new Map<string, Derived>();
  /** Per derived key, the last value computed and when its computation started (what `staleMs` is measured from). */
  private readonly lastGood = new Map<string, { value: unknown; readAt: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeBus,
  ) {
    changes.subscribe((c) => this.note(c));
  }

  /** The layer's current version (moves whenever it changes; what `get` and `derive` key on). */
  version(id: LayerId): number {
    return this.changes.layerVersion(id);
  }

  /** The layer as a FeatureCollection (all columns; callers filter for the public role). */
  get(id: LayerId): Promise<FeatureCollection> {
    const version = this.changes.layerVersion(id);
    const hit = this.layers.get(id);
    if (hit && hit.version === version) return hit.fc;
    const changed = this.changed.get(id);
    this.changed.set(id, new Set());
    const fc = hit && changed instanceof Set ? hit.fc.then((base) => this.patched(id, base, changed)) : getLayer(this.db, LAYERS[id]);
    fc.catch(() => {
      if (this.layers.get(id)?.fc === fc) this.layers.delete(id);
    });
    this.layers.set(id, { version, fc });
    return fc;
  }

  /**
   * A value computed from layers, recomputed only when one of them changed; callers asking while it is being computed
   * share that one computation (so a burst of finder requests after a change builds its index once, not per request).
   * With `staleMs`, callers asking while it is being recomputed get the previous value if it is recent enough, so a
   * change never makes them wait for the database (the public finder during an import).
   */
  derive<T>(key: string, layers: LayerId[], compute: () => Promise<T> | T, options: DeriveOptions = {}): Promise<T> {
    const version = layers.reduce((s, l) => s * 1_000_003 + this.changes.layerVersion(l), 0);
    const staleMs = options.staleMs ?? 0;
    const current = this.derived.get(key);
    const last = this.lastGood.get(key);
    const usable = staleMs > 0 && last !== undefined && Date.now() - last.readAt <= staleMs;
    if (current && current.version === version) {
      return !current.settled && usable ? Promise.resolve(last.value as T) : (current.value as Promise<T>);
    }
    // One recomputation at a time while the previous value may be answered: the next starts from the layers as they
    // are when this one ends, instead of several building indexes of versions already outdated.
    if (usable && current && !current.settled) return Promise.resolve(last.value as T);
    const readAt = Date.now();
    const entry: Derived = { version, value: Promise.resolve().then(compute), settled: false };
    entry.value.then(
      (value) => {
        entry.settled = true;
        const prev = this.lastGood.get(key);
        if (!prev || prev.readAt <= readAt) this.lastGood.set(key, { value, readAt });
      },
      () => {
        entry.settled = true;
        if (this.derived.get(key) === entry) this.derived.delete(key);
      },
    );
    this.derived.set(key, entry);
    return usable ? Promise.resolve(last.value as T) : (entry.value as Promise<T>);
  }

  /** Remember which features of a kept layer changed, for the next `get`. */
  private note(c: Change): void {
    const id = c.layer as LayerId;
    if (!this.layers.has(id)) return;
    const set = this.changed.get(id);
    if (set === 'all') return;
    if (c.id === null) this.changed.set(id, 'all');
    else if (set) set.add(c.id);
    else this.changed.set(id, new Set([c.id]));
  }

  /** `base` with the rows in `changed` read again: new ones added, changed ones replaced, deleted ones dropped (id order kept). */
  private async patched(id: LayerId, base: FeatureCollection, changed: Set<number>): Promise<FeatureCollection> {
    if (changed.size === 0) return base;
    if (changed.size > Math.max(PATCH_MIN_ROWS, base.features.length / 4)) return getLayer(this.db, LAYERS[id]);
    const fresh = await getLayer(this.db, LAYERS[id], { ids: [...changed] });
    const features: Feature[] = base.features.filter((f) => !changed.has(f.id as number));
    const appended = fresh.features.length > 0 && (features.length === 0 || (fresh.features[0]!.id as number) > (features[features.length - 1]!.id as number));
    features.push(...fresh.features);
    if (!appended) features.sort((a, b) => (a.id as number) - (b.id as number));
    return { type: 'FeatureCollection', features };
  }
}
