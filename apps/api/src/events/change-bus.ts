export interface Change {
  /** Monotonic sequence number (the SSE event id). */
  seq: number;
  layer: string;
  id: number | null;
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  version: number | null;
  at: string;
}

/**
 * In-process change notifications: editors publish, the SSE route, the tile cache and the nearest-shelter
 * index subscribe. Keeps the last `keep` changes so a reconnecting client can resume from Last-Event-ID.
 */
export class ChangeBus {
  private seq = 0;
  private readonly recent: Change[] = [];
  private readonly listeners = new Set<(c: Change) => void>();
  private readonly layerVersions = new Map<string, number>();

  constructor(private readonly keep = 1000) {}

  publish(change: Omit<Change, 'seq' | 'at'>): Change {
    const full: Change = { ...change, seq: ++this.seq, at: new Date().toISOString() };
    this.recent.push(full);
    if (this.recent.length > this.keep) this.recent.shift();
    this.layerVersions.set(change.layer, (this.layerVersions.get(change.layer) ?? 0) + 1);
    for (const l of this.listeners) l(full);
    return full;
  }

  subscribe(listener: (c: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes after `seq` still kept (for Last-Event-ID resumption). */
  since(seq: number): Change[] {
    return this.recent.filter((c) => c.seq > seq);
  }

  /** A counter that moves whenever the layer changes (cache keys, ETags). */
  layerVersion(layer: string): number {
    return this.layerVersions.get(layer) ?? 0;
  }
}
