import { z } from 'zod';

/** A text in the two languages the product speaks: Chinese first, English available. */
export interface Label {
  zh: string;
  en: string;
}

export type Locale = 'zh-CN' | 'en';

/** The label in a locale (zh-CN unless `en` is asked for). */
export function labelIn(label: Label, locale: Locale | string = 'zh-CN'): string {
  return locale === 'en' ? label.en : label.zh;
}

/**
 * One enumerated vocabulary: the stored values (`as const`), their zod schema, a label per value in both
 * languages, and further words a file may use for a value (import value mapping).
 */
export interface Enumeration<V extends string | number = string | number> {
  /** What the values are, in both languages (e.g. 场所类别 / Shelter class). */
  label: Label;
  values: readonly V[];
  labels: Readonly<Record<V, Label>>;
  /** Other words for a value (besides its code and both labels), e.g. 已建 for `built`. */
  synonyms: Readonly<Partial<Record<V, readonly string[]>>>;
  schema: z.ZodType<V>;
}

/** An enumeration of text codes. */
export function textEnum<const V extends readonly [string, ...string[]]>(
  label: Label,
  values: V,
  labels: Record<V[number], Label>,
  synonyms: Partial<Record<V[number], readonly string[]>> = {},
): Enumeration<V[number]> & { schema: z.ZodEnum<{ [K in V[number]]: K }> } {
  return { label, values, labels, synonyms, schema: z.enum(values) as never };
}

/** An enumeration of numeric codes (risk level 1–4, hazard-source grade 1–4). */
export function numberEnum<const V extends readonly [number, ...number[]]>(
  label: Label,
  values: V,
  labels: Record<V[number], Label>,
  synonyms: Partial<Record<V[number], readonly string[]>> = {},
): Enumeration<V[number]> {
  return { label, values, labels, synonyms, schema: z.literal(values as unknown as V[number][]) as unknown as z.ZodType<V[number]> };
}
