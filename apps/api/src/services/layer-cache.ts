import type { FeatureCollection } from 'geojson';
import { getLayer, LAYERS, type Database, type Kysely } from '@riskmap/db';
import type { LayerId } from '@riskmap/geo';
import type { ChangeBus } from '../events/change-bus.js';

/**
 * Whole layers read once and kept until the layer changes (the change bus moves its version), so
 * analytics and the nearest-shelter index do not re-read the database on every request.
 * Derived values (e.g. a spatial index) can be memoised per layer version with `derive`.
 */
export class LayerCache {
  private readonly layers = new Map<LayerId, { version: number; fc: Promise<FeatureCollection> }>();
  private readonly derived = new Map<string, { version: number; value: unknown }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeBus,
  ) {}

  /** The layer's current version (moves whenever it changes; what `get` and `derive` key on). */
  version(id: LayerId): number {
    return this.changes.layerVersion(id);
  }

  /** The layer as a FeatureCollection (all columns; callers filter for the public role). */
  get(id: LayerId): Promise<FeatureCollection> {
    const version = this.changes.layerVersion(id);
    const hit = this.layers.get(id);
    if (hit && hit.version === version) return hit.fc;
    const fc = getLayer(this.db, LAYERS[id]);
    fc.catch(() => this.layers.delete(id));
    this.layers.set(id, { version, fc });
    return fc;
  }

  /**
   * A value computed from layers, recomputed only when one of them changed; callers asking while it is being computed
   * share that one computation (so a burst of finder requests after a change builds its index once, not per request).
   */
  derive<T>(key: string, layers: LayerId[], compute: () => Promise<T> | T): Promise<T> {
    const version = layers.reduce((s, l) => s * 1_000_003 + this.changes.layerVersion(l), 0);
    const hit = this.derived.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = Promise.resolve().then(compute);
    value.catch(() => {
      if (this.derived.get(key)?.value === value) this.derived.delete(key);
    });
    this.derived.set(key, { version, value });
    return value;
  }
}
