/**
 * Type parsers shared by both backends so that a value reads the same from PGlite and from pg:
 * int8 and numeric as numbers (counts and sums are far below 2^53), dates as ISO text.
 */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: (v) => Number(v), // int8
  1700: (v) => Number(v), // numeric
  1082: (v) => v, // date
};
