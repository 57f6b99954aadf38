const camel = new Map<string, string>();

/**
 * snake_case column name → camelCase property name (`effective_area_m2` → `effectiveAreaM2`). Called for every
 * column of every row read, so names seen before are answered from a table (column names are a small, fixed set).
 */
export function toCamel(column: string): string {
  let name = camel.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (camel.size < 10_000) camel.set(column, name);
  }
  return name;
}
