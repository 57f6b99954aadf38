/** snake_case column name → camelCase property name (`effective_area_m2` → `effectiveAreaM2`). */
export function toCamel(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
