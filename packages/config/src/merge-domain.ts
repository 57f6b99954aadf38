import type { DomainConfig } from './domain.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/**
 * Maps whose keys are data, not settings: a site may add entries (a substance's β, a shelter class,
 * a station type's district area); each new entry must have the shape of the existing ones.
 */
const OPEN_MAPS = new Set(['gb18218.beta', 'gb18218.toxicGasBeta', 'shelters.classes', 'fireStations.districtMaxKm2']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A site override that does not fit the domain configuration; `path` names the key (`shelters.perCapitaTargetM2`). */
export class DomainConfigError extends Error {
  override name = 'DomainConfigError';
  constructor(readonly path: string, message: string) {
    super(`${path ? `"${path}" ` : ''}${message}`);
  }
}

/**
 * Deep-merge site overrides into the domain defaults; arrays replace, objects merge. The overrides
 * are checked strictly against the shape of the defaults first: an unknown key, a wrong type or a
 * prototype key throws a DomainConfigError naming it. JSON has no infinities: write "-Infinity".
 * Returns a frozen copy.
 * @example mergeDomain(domainDefaults, { shelters: { perCapitaTargetM2: 3 } }).shelters.perCapitaTargetM2 // 3
 */
export function mergeDomain(base: DomainConfig, overrides: DeepPartial<DomainConfig> | unknown): Readonly<DomainConfig> {
  const checked = overrides === undefined || overrides === null ? {} : checkObject(base as unknown as Record<string, unknown>, overrides, '', false);
  return deepFreeze(merge(structuredClone(base), checked)) as DomainConfig;
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function checkObject(base: Record<string, unknown>, value: unknown, path: string, complete: boolean): Record<string, unknown> {
  if (kind(value) !== 'object') throw new DomainConfigError(path, `must be an object (got ${kind(value)})`);
  const out: Record<string, unknown> = {};
  const open = OPEN_MAPS.has(path);
  const template = open ? Object.values(base)[0] : undefined;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) throw new DomainConfigError(at, 'is not allowed');
    const known = Object.prototype.hasOwnProperty.call(base, key);
    if (!known && !open) throw new DomainConfigError(at, `is not a setting (known here: ${Object.keys(base).join(', ')})`);
    out[key] = checkValue(known ? base[key] : template, v, at, complete || !known);
  }
  if (complete) {
    const missing = Object.keys(base).filter((k) => !(k in out));
    if (missing.length && !open) throw new DomainConfigError(path, `needs ${missing.join(', ')}`);
  }
  return out;
}

function checkValue(base: unknown, v: unknown, path: string, complete: boolean): unknown {
  switch (kind(base)) {
    case 'number':
      if (v === '-Infinity' || v === 'Infinity') return Number(v);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new DomainConfigError(path, `must be a number (got ${kind(v)})`);
      return v;
    case 'string':
    case 'null':
      if (typeof v !== 'string' && v !== null) throw new DomainConfigError(path, `must be a string or null (got ${kind(v)})`);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw new DomainConfigError(path, `must be true or false (got ${kind(v)})`);
      return v;
    case 'array': {
      if (!Array.isArray(v)) throw new DomainConfigError(path, `must be an array (got ${kind(v)})`);
      const element = (base as unknown[])[0];
      return element === undefined ? v : v.map((item, i) => checkValue(element, item, `${path}[${i}]`, true));
    }
    case 'object':
      return checkObject(base as Record<string, unknown>, v, path, complete);
    default:
      return v;
  }
}

function merge(target: any, source: any): any {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

export type { DeepPartial };
