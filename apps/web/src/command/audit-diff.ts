/** What an audit entry changed, for the detail panel's history list. */

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  layer: string;
  featureId: number | null;
  before: unknown;
  after: unknown;
}

const IGNORED = new Set(['version', 'updatedAt', 'createdAt']);

/** Flat property bag of a record snapshot (a GeoJSON feature's properties, or the object itself). */
function props(x: unknown): Record<string, unknown> {
  if (!x || typeof x !== 'object') return {};
  const o = x as { properties?: unknown };
  return (o.properties && typeof o.properties === 'object' ? o.properties : o) as Record<string, unknown>;
}

/** Keys whose value differs between before and after (bookkeeping fields left out), with both values as text. */
export function changedFields(e: Pick<AuditEntry, 'before' | 'after'>): { key: string; before: string; after: string }[] {
  const b = props(e.before);
  const a = props(e.after);
  const text = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !IGNORED.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((key) => ({ key, before: text(b[key]), after: text(a[key]) }));
}

/** Audit query path for a feature of a layer. */
export const auditPath = (layer: string, id: number | string): string => `/api/audit?${new URLSearchParams({ layer, id: String(id), limit: '50' })}`;
