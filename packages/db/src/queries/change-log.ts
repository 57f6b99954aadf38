import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A change as the event stream and the caches see it. */
export interface ChangeRow {
  id: number;
  publicSeq: number | null;
  layer: string;
  featureId: number | null;
  action: 'create' | 'update' | 'delete' | 'restore';
  version: number | null;
  public: boolean;
  at: string;
}

/**
 * Changes after a position, oldest first: after change id `after` (everyone but the public), or after
 * public position `after` and public changes only (`publicOnly`).
 * @example await changesSince(db, 120, { limit: 500 })
 */
export async function changesSince(db: Kysely<Database>, after: number, options: { publicOnly?: boolean; limit?: number } = {}): Promise<ChangeRow[]> {
  let q = db.selectFrom('changes').select(['id', 'public_seq', 'layer', 'feature_id', 'action', 'version', 'public', 'at']);
  q = options.publicOnly ? q.where('public_seq', '>', after).orderBy('public_seq') : q.where('id', '>', after).orderBy('id');
  const rows = await q.limit(options.limit ?? 1000).execute();
  return rows.map((r) => ({
    id: r.id,
    publicSeq: r.public_seq,
    layer: r.layer,
    featureId: r.feature_id,
    action: r.action,
    version: r.version,
    public: r.public,
    at: new Date(r.at as unknown as string).toISOString(),
  }));
}

/** The latest change id per layer, the latest change id, and the latest public position. */
export async function layerRevisions(db: Kysely<Database>): Promise<{ layers: Map<string, number>; latest: number; latestPublic: number }> {
  const rows = await db.selectFrom('changes').select(['layer', (eb) => eb.fn.max('id').as('id')]).groupBy('layer').execute();
  const top = await db
    .selectFrom('changes')
    .select([(eb) => eb.fn.max('id').as('latest'), (eb) => eb.fn.max('public_seq').as('latestPublic')])
    .executeTakeFirst();
  return {
    layers: new Map(rows.map((r) => [r.layer, Number(r.id)])),
    latest: Number(top?.latest ?? 0),
    latestPublic: Number(top?.latestPublic ?? 0),
  };
}
