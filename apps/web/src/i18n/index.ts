import { createContext, useContext } from 'react';
import { en } from './en.js';
import { zhCN, type MessageKey } from './zh-CN.js';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey) => string;

const STORAGE_KEY = 'riskmap.locale';

/** Look a key up in the locale's table, falling back to Chinese. */
export function translate(locale: Locale, key: MessageKey): string {
  return (locale === 'en' ? en[key] : undefined) ?? zhCN[key];
}

/** Translate a key that may not exist (e.g. built from data); returns `fallback` when unknown. */
export function translateLoose(locale: Locale, key: string, fallback: string): string {
  return key in zhCN ? translate(locale, key as MessageKey) : fallback;
}

export type Vars = Record<string, string | number>;

/**
 * A screen's view of the one table: `scoped(locale, 'incident')('tool')` is `translate(locale, 'incident.tool')`, with
 * `{name}` filled from `vars`; a key the table does not have (e.g. a value from data) comes back without its prefix.
 */
export function scoped(locale: Locale, prefix: string): (key: string, vars?: Vars) => string {
  return (key, vars) => {
    const full = `${prefix}.${key}`;
    const m = full in zhCN ? translate(locale, full as MessageKey) : key.replace(/^[a-z]+\./, '');
    return vars ? fill(m, vars) : m;
  };
}

/** The label of a configured value ({zh, en}) in the locale. */
export function label(locale: Locale, l: { zh: string; en: string } | undefined, fallback: string): string {
  return l ? (locale === 'en' ? l.en : l.zh) : fallback;
}

/** The locale saved on this device, else from `?lang=`, else zh-CN. */
export function initialLocale(): Locale {
  try {
    const q = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
    if (q === 'en' || q === 'zh-CN') return q;
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* storage blocked */
  }
  return 'zh-CN';
}

/** The locale the app shows now (the root sets the page's lang), for hooks that word a message outside a component. */
export function currentLocale(): Locale {
  return globalThis.document?.documentElement.lang === 'en' ? 'en' : 'zh-CN';
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage blocked */
  }
  if (globalThis.document) document.documentElement.lang = locale;
}

export interface I18n {
  locale: Locale;
  t: Translate;
  setLocale: (l: Locale) => void;
}

export const I18nContext = createContext<I18n>({ locale: 'zh-CN', t: (k) => zhCN[k], setLocale: () => {} });
export const useI18n = (): I18n => useContext(I18nContext);

/** Hook form of `scoped` bound to the current locale. */
export function useScoped(prefix: string): (key: string, vars?: Vars) => string {
  return scoped(useI18n().locale, prefix);
}

/** The Chinese translator: the default of logic functions that build user-visible text. */
export const zhT: Translate = (k) => zhCN[k];

/** Fill `{name}` placeholders of a message. */
export function fill(message: string, vars: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
