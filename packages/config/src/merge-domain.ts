import type { DomainConfig } from './domain.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** Deep-merge site overrides into the domain defaults; arrays replace, objects merge. Returns a frozen copy. */
export function mergeDomain(base: DomainConfig, overrides: DeepPartial<DomainConfig> | undefined): Readonly<DomainConfig> {
  return deepFreeze(merge(structuredClone(base), overrides ?? {})) as DomainConfig;
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
