/** What an audit entry changed, for the detail panel's history list. */
import type { auditList, LAYER_IDS, RouteAnswer } from '@riskmap/contract';

/** One entry of `GET /api/audit` (the route's contract). */
export type AuditEntry = RouteAnswer<typeof auditList>['entries'][number];

const IGNORED = new Set(['version', 'updatedAt', 'createdAt']);

/** Flat property bag of a record snapshot (a GeoJSON feature's properties, or the object itself). */
function props(x: unknown): Record<string, unknown> {
  if (!x || typeof x !== 'object') return {};
  const o = x as { properties?: unknown };
  return (o.properties && typeof o.properties === 'object' ? o.properties : o) as Record<string, unknown>;
}

/** Keys whose value differs between before and after (bookkeeping fields left out), with both values as text. */
export function changedFields(e: Pick<AuditEntry, 'before' | 'after'>): { key: string; before: string; after: string; beforeRaw: unknown; afterRaw: unknown }[] {
  const b = props(e.before);
  const a = props(e.after);
  const text = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !IGNORED.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((key) => ({ key, before: text(b[key]), after: text(a[key]), beforeRaw: b[key], afterRaw: a[key] }));
}

/** Audit query path for a feature of a layer. */
/** The query of one feature's history (the layer is one the detail panel shows: a layer id). */
export const auditQuery = (layer: string, id: number | string) => ({ layer: layer as (typeof LAYER_IDS)[number], id: Number(id), limit: 50 });
