import type { DomainConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';

/**
 * The coverage rule: how far a facility reaches. The coverage page uses the default of each facility
 * (`class-radius` for shelters, `response-time` for fire stations); siting starts from the same rule
 * and names any change.
 */
export type CoverageRule =
  /** Each shelter reaches its class's service radius (walking, × the walking detour). */
  | { facility: 'shelter'; basis: 'class-radius' }
  /** Every shelter reaches the same radius (m, × the walking detour). */
  | { facility: 'shelter'; basis: 'radius'; radiusM: number }
  /** Every shelter reaches `minutes` of walking at the configured walking speed (× the walking detour). */
  | { facility: 'shelter'; basis: 'walking-time'; minutes: number }
  /** Turn-out (each station's own) + driving at urban/rural speed (or `speedKmh`) within `minutes` (default: the response standard). */
  | { facility: 'fire-station'; basis: 'response-time'; minutes?: number; speedKmh?: number }
  /** Every station reaches the same road distance (m, × the driving detour). */
  | { facility: 'fire-station'; basis: 'radius'; radiusM: number };

/** The configuration slice the rule reads (passed in, never imported). */
export interface ReachConfig {
  shelters?: Pick<DomainConfig['shelters'], 'classes' | 'walkingSpeedMPerMin' | 'walkingDetourFactor' | 'newSiteClass'>;
  fireStations?: Pick<DomainConfig['fireStations'], 'responseMinutes' | 'turnoutMinutes' | 'speedKmh' | 'detourFactor'>;
}

/** A facility (existing or candidate) as the rule sees it. */
export interface ReachSite {
  /** Shelter class; a candidate without one gets `shelters.newSiteClass`. */
  shelterClass?: string | null;
  /** Fire station's own turn-out (min); the configured default when absent. */
  turnoutMinutes?: number | null;
  townshipCode?: string | null;
}

export interface FacilityReach {
  /** Reach in metres of impedance (straight line × detourFactor ≤ reachM means covered). */
  reachM: number;
  detourFactor: number;
  /** Fire stations and walking time: the speed (km/h) the reach was computed at. */
  speedKmh: number | null;
  /** Fire stations: the turn-out minutes taken off the response time. */
  turnoutMinutes: number | null;
  /** Time rules: the time standard (min) the reach is for. */
  minutes: number | null;
}

/**
 * One coverage model: the reach of a shelter or fire station under a coverage rule and the
 * configuration slice given. Used by the coverage page, siting's before/after, the indicators, the
 * print sheets and the ledger figures.
 * @example facilityReach({ shelterClass: 'emergency' }, { facility: 'shelter', basis: 'class-radius' }, cfg).reachM // → 500
 * @example facilityReach({ turnoutMinutes: 1, townshipCode: 'U' }, { facility: 'fire-station', basis: 'response-time' }, cfg, { urbanTownshipCodes: ['U'] }).reachM // → 2000 (4 min × 30 km/h)
 */
export function facilityReach(site: ReachSite, rule: CoverageRule, cfg: ReachConfig, ctx: { urbanTownshipCodes?: readonly string[]; field?: string } = {}): FacilityReach {
  const field = ctx.field ?? 'site';
  if (rule.facility === 'shelter') {
    const shelters = cfg.shelters;
    if (!shelters) throw new Error('facilityReach: the shelters configuration slice is required');
    const detourFactor = shelters.walkingDetourFactor;
    if (rule.basis === 'radius') return { reachM: positive(rule.radiusM, 'radiusM'), detourFactor, speedKmh: null, turnoutMinutes: null, minutes: null };
    if (rule.basis === 'walking-time') {
      const minutes = positive(rule.minutes, 'minutes');
      return { reachM: minutes * shelters.walkingSpeedMPerMin, detourFactor, speedKmh: (shelters.walkingSpeedMPerMin * 60) / 1000, turnoutMinutes: null, minutes };
    }
    const key = site.shelterClass ?? shelters.newSiteClass;
    const cls = shelters.classes[key];
    if (!cls) {
      const classes = Object.keys(shelters.classes);
      throw new InputError(`${field}.shelterClass must be one of ${classes.join(', ')}; got ${String(key)}`, `${field}.shelterClass`, classes);
    }
    return { reachM: cls.radiusM, detourFactor, speedKmh: null, turnoutMinutes: null, minutes: null };
  }
  const fire = cfg.fireStations;
  if (!fire) throw new Error('facilityReach: the fireStations configuration slice is required');
  const detourFactor = fire.detourFactor;
  if (rule.basis === 'radius') return { reachM: positive(rule.radiusM, 'radiusM'), detourFactor, speedKmh: null, turnoutMinutes: null, minutes: null };
  const minutes = rule.minutes === undefined ? fire.responseMinutes : positive(rule.minutes, 'minutes');
  // Without a list of urban townships, use the (slower, so stricter) urban speed.
  const urban = ctx.urbanTownshipCodes;
  const speedKmh =
    rule.speedKmh !== undefined ? positive(rule.speedKmh, 'speedKmh') : urban && !(site.townshipCode && urban.includes(site.townshipCode)) ? fire.speedKmh.rural : fire.speedKmh.urban;
  const t = site.turnoutMinutes;
  const turnoutMinutes = typeof t === 'number' && Number.isFinite(t) && t >= 0 ? t : fire.turnoutMinutes;
  const drivingMin = Math.max(0, minutes - turnoutMinutes);
  return { reachM: (drivingMin * speedKmh * 1000) / 60, detourFactor, speedKmh, turnoutMinutes, minutes };
}

function positive(v: number, field: string): number {
  if (!(Number.isFinite(v) && v > 0)) throw new InputError(`${field} must be > 0; got ${String(v)}`, field);
  return v;
}

/** The rule each facility's coverage page uses (and siting starts from). */
export const DEFAULT_RULES = {
  shelter: { facility: 'shelter', basis: 'class-radius' },
  'fire-station': { facility: 'fire-station', basis: 'response-time' },
} as const satisfies Record<string, CoverageRule>;
