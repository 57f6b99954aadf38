import { pruneChanges, type ChangeRetention, type Database, type Kysely, type PruneResult } from '@riskmap/db';

export interface ChangePrunerOptions extends ChangeRetention {
  /** Milliseconds between attempts (0: never prune). The first attempt is one interval after the start. */
  pruneMs: number;
  onPruned?: (result: PruneResult) => void;
  onError?: (err: Error) => void;
}

/**
 * Keep the change table bounded (CHANGES_KEEP_DAYS / CHANGES_KEEP_ROWS): every process tries every `pruneMs`;
 * the database lets one at a time do it (pruneChanges takes an advisory lock, the others skip). Returns stop().
 * @example const stop = startChangePruner(db, { keepDays: 30, keepRows: 100_000, pruneMs: 3_600_000 })
 */
export function startChangePruner(db: Kysely<Database>, options: ChangePrunerOptions): () => Promise<void> {
  if (options.pruneMs <= 0) return async () => {};
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = Promise.resolve()
      .then(() => pruneChanges(db, options))
      .then((r) => (r.ran && r.deleted > 0 ? options.onPruned?.(r) : undefined), (err: unknown) => options.onError?.(err as Error))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, options.pruneMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
