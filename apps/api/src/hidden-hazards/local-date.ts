/**
 * The calendar date (YYYY-MM-DD) of an instant in a timezone.
 * @example localDate(new Date('2026-12-01T17:00:00Z'), 'Asia/Shanghai') // '2026-12-02'
 */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). @example daysBetween('2026-01-01', '2026-01-31') // 30 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `date` (YYYY-MM-DD). @example addDays('2026-12-30', 3) // '2027-01-02' */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
