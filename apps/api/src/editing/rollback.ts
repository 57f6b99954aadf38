/**
 * Thrown inside an edit's transaction to roll it back and answer `outcome` (editTransaction returns it).
 * @example throw new Rollback({ ok: false, reason: 'stale', row: 3 })
 */
export class Rollback<T> extends Error {
  override name = 'Rollback';
  constructor(readonly outcome: T) {
    super('rolled back');
  }
}
