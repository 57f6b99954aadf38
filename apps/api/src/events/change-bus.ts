import { changeHorizon, changesSince, layerRevisions, type Database, type Kysely, type Listen } from '@riskmap/db';

/** A committed change to a layer row, as read from the database's change table. */
export interface Change {
  /** The database's change id (the SSE event id for signed-in callers). */
  seq: number;
  /** Its position among public changes (the SSE event id for anonymous callers); null when hidden. */
  publicSeq: number | null;
  layer: string;
  id: number | null;
  action: 'create' | 'update' | 'delete' | 'restore';
  version: number | null;
  public: boolean;
  at: string;
}

export interface ChangeBusOptions {
  /** Safety-net poll of the change table (LISTEN/NOTIFY is the fast path). */
  pollMs?: number;
  /** Told when catching up fails (the database is away); the bus keeps trying. */
  onError?: (err: Error) => void;
}

/** The NOTIFY channel the change trigger announces on. */
export const CHANGES_CHANNEL = 'riskmap_changes';
const BATCH = 1000;

/**
 * The database is the clock: this process's view of the change table. It LISTENs for the trigger's
 * NOTIFY (and polls as a safety net), reads every change after the last one it saw — so nothing is
 * lost across reconnects — moves each layer's revision to its latest change id, and tells subscribers
 * (the SSE streams). Caches key on `layerVersion` / `revision`, which are the same in every process.
 * @example const bus = await ChangeBus.start(db, listen); bus.layerVersion('shelters')
 */
export class ChangeBus {
  private latest = 0;
  private latestPublic = 0;
  private readonly layerVersions = new Map<string, number>();
  private readonly listeners = new Set<(c: Change) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  /** When this process last heard from the change table (ms since epoch). */
  lastSyncAt = 0;

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly options: ChangeBusOptions,
  ) {}

  /** Read the current revisions, LISTEN, and start the safety-net poll. */
  static async start(db: Kysely<Database>, listen: Listen | undefined, options: ChangeBusOptions = {}): Promise<ChangeBus> {
    const bus = new ChangeBus(db, options);
    const r = await layerRevisions(db);
    bus.latest = r.latest;
    bus.latestPublic = r.latestPublic;
    for (const [layer, id] of r.layers) bus.layerVersions.set(layer, id);
    bus.lastSyncAt = Date.now();
    if (listen) bus.unlisten = await listen(CHANGES_CHANNEL, () => void bus.catchUp());
    bus.timer = setInterval(() => void bus.catchUp(), options.pollMs ?? 5_000);
    bus.timer.unref();
    return bus;
  }

  /**
   * Read the changes committed since the last one seen and announce them. Calls made while a read is
   * under way coalesce into one more read; resolves once this process has seen everything committed
   * before the call (so a route that just wrote reads its own write).
   */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          let batch;
          do {
            batch = await changesSince(this.db, this.latest, { limit: BATCH });
            for (const row of batch) this.apply({ seq: row.id, publicSeq: row.publicSeq, layer: row.layer, id: row.featureId, action: row.action, version: row.version, public: row.public, at: row.at });
          } while (batch.length === BATCH);
          this.lastSyncAt = Date.now();
        } while (this.again);
      } catch (err) {
        this.options.onError?.(err as Error);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private apply(c: Change): void {
    if (c.seq <= this.latest) return;
    this.latest = c.seq;
    if (c.publicSeq !== null) this.latestPublic = Math.max(this.latestPublic, c.publicSeq);
    this.layerVersions.set(c.layer, c.seq);
    for (const l of this.listeners) l(c);
  }

  subscribe(listener: (c: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes after position `after` from the change table (public positions when `publicOnly`), for Last-Event-ID. */
  async since(after: number, publicOnly: boolean, limit = BATCH): Promise<Change[]> {
    const rows = await changesSince(this.db, after, { publicOnly, limit });
    return rows.map((row) => ({ seq: row.id, publicSeq: row.publicSeq, layer: row.layer, id: row.featureId, action: row.action, version: row.version, public: row.public, at: row.at }));
  }

  /**
   * The highest change id (or public position) pruned from the change table: a stream resuming from below it
   * cannot be replayed (its missed changes are gone) and is told to reload.
   */
  async prunedThrough(publicOnly: boolean): Promise<number> {
    const h = await changeHorizon(this.db);
    return publicOnly ? h.publicPrunedThrough : h.prunedThrough;
  }

  /** The latest change id this process has seen, or the latest public position. */
  position(publicOnly: boolean): number {
    return publicOnly ? this.latestPublic : this.latest;
  }

  /** The layer's revision: the id of its latest change (cache keys, ETags; equal in every process). */
  layerVersion(layer: string): number {
    return this.layerVersions.get(layer) ?? 0;
  }

  /** The database-wide revision (the latest change id): the key for caches that read many layers. */
  revision(): number {
    return this.latest;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.unlisten?.().catch(() => {});
    await this.running;
  }
}
