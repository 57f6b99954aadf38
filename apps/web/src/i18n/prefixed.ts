/** A screen's table under its key prefix, typed: prefixed('incident', { tool: '…' }) → { 'incident.tool': '…' }. */
export function prefixed<const P extends string, T extends Record<string, string>>(prefix: P, table: T): { [K in keyof T & string as `${P}.${K}`]: T[K] } {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}.${k}`, v])) as never;
}
