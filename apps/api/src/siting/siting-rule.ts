import type { DomainConfig } from '@riskmap/config';
import { facilityReach, InputError, type CoverageRule, type ImpedanceSpec, type SitingCandidate } from '@riskmap/geo';
import type { SitingRequest } from './siting-request.js';

/** The coverage rule a siting run applied, named in its answer (zh-CN and en). */
export interface SitingRuleUsed {
  rule: CoverageRule;
  /** True when the rule is exactly the coverage page's (so "before" is the coverage page's figure). */
  matchesCoveragePage: boolean;
  unit: 'm' | 'min';
  zh: string;
  en: string;
}

export interface SitingRulePlan {
  used: SitingRuleUsed;
  impedance: ImpedanceSpec;
  radiusM?: number;
  minutes?: number;
  /** Sets each site's own reach / speed / turn-out under the rule (existing facilities and candidates). */
  apply: (sites: SitingCandidate[], props: (k: number) => Record<string, unknown>, role: 'existing' | 'candidates') => void;
}

/**
 * The coverage rule of a siting request: by default exactly the coverage page's (shelters by class
 * radius with the walking detour; fire stations by each station's turn-out + driving at urban/rural
 * speed within the response standard); a radius, minutes or impedance in the request changes it and
 * the answer says how. Shelter minutes are walking minutes at the configured walking speed.
 * @example sitingRule({ problem: 'mclp', facility: 'shelter', p: 3 }, domain, urban).used.matchesCoveragePage // true
 */
export function sitingRule(req: SitingRequest, domain: DomainConfig, urbanTownshipCodes: readonly string[]): SitingRulePlan {
  const cfg = { shelters: domain.shelters, fireStations: domain.fireStations };
  const imp = req.impedance;
  const ctx = { urbanTownshipCodes };
  const noop: SitingRulePlan['apply'] = () => {};
  if (imp?.kind === 'network') {
    if (!imp.network) throw new InputError('no road network is loaded; give impedance.network as GeoJSON lines', 'impedance.network');
    const minutes = req.minutes ?? (req.facility === 'fire-station' ? domain.fireStations.responseMinutes : undefined);
    const rule: CoverageRule = { facility: 'fire-station', basis: 'response-time', ...(minutes !== undefined ? { minutes } : {}) };
    return {
      used: { rule, matchesCoveragePage: false, unit: 'min', zh: `路网行车时间 ≤ ${minutes ?? '—'} 分钟（与覆盖页不同：覆盖页为直线距离 × 绕行系数）`, en: `road-network driving time ≤ ${minutes ?? '—'} min (differs from the coverage page, which uses straight line × detour)` },
      impedance: imp as ImpedanceSpec,
      ...(minutes !== undefined ? { minutes } : {}),
      ...(req.radiusM !== undefined ? { radiusM: req.radiusM } : {}),
      apply: req.facility === 'fire-station' ? turnoutOnly(domain) : noop,
    };
  }
  if (req.facility === 'shelter') {
    const walk = cfg.shelters;
    const detour = imp?.detourFactor ?? walk.walkingDetourFactor;
    const detourNote = detour === walk.walkingDetourFactor ? '' : `，步行绕行系数 ${detour}`;
    const detourNoteEn = detour === walk.walkingDetourFactor ? '' : `, walking detour ${detour}`;
    if (req.minutes !== undefined || imp?.kind === 'time') {
      const minutes = req.minutes;
      if (minutes === undefined) throw new InputError('minutes is required with time impedance', 'minutes');
      const speedKmh = (imp?.kind === 'time' ? imp.speedKmh : undefined) ?? (walk.walkingSpeedMPerMin * 60) / 1000;
      const rule: CoverageRule = { facility: 'shelter', basis: 'walking-time', minutes };
      const mPerMin = (speedKmh * 1000) / 60;
      return {
        used: {
          rule, matchesCoveragePage: false, unit: 'min',
          zh: `步行 ${minutes} 分钟（${Math.round(mPerMin)} 米/分钟，约 ${Math.round(minutes * mPerMin)} 米${detourNote}），所有避难场所相同；覆盖页按等级服务半径`,
          en: `${minutes} min walk (${Math.round(mPerMin)} m/min, about ${Math.round(minutes * mPerMin)} m${detourNoteEn}) for every shelter; the coverage page uses each class's radius`,
        },
        impedance: { kind: 'time', speedKmh, detourFactor: detour, turnoutMinutes: 0 },
        minutes,
        apply: noop,
      };
    }
    if (req.radiusM !== undefined) {
      const rule: CoverageRule = { facility: 'shelter', basis: 'radius', radiusM: req.radiusM };
      return {
        used: { rule, matchesCoveragePage: false, unit: 'm', zh: `所有避难场所统一服务半径 ${req.radiusM} 米${detourNote}；覆盖页按等级服务半径`, en: `one ${req.radiusM} m radius for every shelter${detourNoteEn}; the coverage page uses each class's radius` },
        impedance: { kind: 'geodesic', detourFactor: detour },
        radiusM: req.radiusM,
        apply: noop,
      };
    }
    const rule: CoverageRule = { facility: 'shelter', basis: 'class-radius' };
    const radiusM = facilityReach({}, rule, cfg).reachM;
    const newClass = walk.classes[walk.newSiteClass];
    return {
      used: {
        rule, matchesCoveragePage: detour === walk.walkingDetourFactor, unit: 'm',
        zh: `与覆盖页相同：现有避难场所按等级服务半径，新选址按${newClass?.zh ?? walk.newSiteClass}半径 ${radiusM} 米${detourNote}`,
        en: `as the coverage page: existing shelters by their class radius, new sites at the ${newClass?.en ?? walk.newSiteClass} radius ${radiusM} m${detourNoteEn}`,
      },
      impedance: { kind: 'geodesic', detourFactor: detour },
      radiusM,
      apply: (sites, props, role) => {
        if (role !== 'existing') return;
        sites.forEach((s, k) => {
          const cls = props(k).shelterClass;
          s.reach = facilityReach({ shelterClass: typeof cls === 'string' ? cls : null }, rule, cfg, { field: `existing.features.${k}.properties` }).reachM;
        });
      },
    };
  }
  const fire = cfg.fireStations;
  const detour = imp?.detourFactor ?? fire.detourFactor;
  if (req.radiusM !== undefined || imp?.kind === 'geodesic') {
    const radiusM = req.radiusM;
    if (radiusM === undefined) throw new InputError('radiusM is required with geodesic impedance', 'radiusM');
    const rule: CoverageRule = { facility: 'fire-station', basis: 'radius', radiusM };
    return {
      used: { rule, matchesCoveragePage: false, unit: 'm', zh: `所有消防站统一 ${radiusM} 米（直线 × 绕行系数 ${detour}）；覆盖页按出动 + 行车 ${fire.responseMinutes} 分钟`, en: `one ${radiusM} m (straight line × detour ${detour}) for every station; the coverage page uses turn-out + driving within ${fire.responseMinutes} min` },
      impedance: { kind: 'geodesic', detourFactor: detour },
      radiusM,
      apply: noop,
    };
  }
  const minutes = req.minutes ?? fire.responseMinutes;
  const speedKmh = imp?.kind === 'time' ? imp.speedKmh : undefined;
  const turnout = imp?.kind === 'time' ? imp.turnoutMinutes : undefined;
  const rule: CoverageRule = { facility: 'fire-station', basis: 'response-time', minutes, ...(speedKmh !== undefined ? { speedKmh } : {}) };
  const same = minutes === fire.responseMinutes && speedKmh === undefined && turnout === undefined && detour === fire.detourFactor;
  const speedZh = speedKmh !== undefined ? `统一 ${speedKmh} km/h` : `城区 ${fire.speedKmh.urban} / 乡村 ${fire.speedKmh.rural} km/h`;
  const speedEn = speedKmh !== undefined ? `${speedKmh} km/h everywhere` : `urban ${fire.speedKmh.urban} / rural ${fire.speedKmh.rural} km/h`;
  const turnZh = turnout !== undefined ? `出动 ${turnout} 分钟` : `各站自身出动时间（新站 ${fire.turnoutMinutes} 分钟）`;
  const turnEn = turnout !== undefined ? `${turnout} min turn-out` : `each station's own turn-out (new sites ${fire.turnoutMinutes} min)`;
  return {
    used: {
      rule, matchesCoveragePage: same, unit: 'min',
      zh: `${same ? '与覆盖页相同：' : '与覆盖页不同：'}${turnZh} + 行车（直线 × 绕行系数 ${detour}，${speedZh}）≤ ${minutes} 分钟`,
      en: `${same ? 'as the coverage page: ' : 'differs from the coverage page: '}${turnEn} + driving (straight line × detour ${detour}, ${speedEn}) ≤ ${minutes} min`,
    },
    impedance: { kind: 'time', speedKmh: speedKmh ?? fire.speedKmh.urban, detourFactor: detour, turnoutMinutes: turnout ?? fire.turnoutMinutes },
    minutes,
    apply: (sites, props, role) => {
      sites.forEach((s, k) => {
        const p = props(k);
        const r = facilityReach(
          { turnoutMinutes: role === 'existing' && typeof p.turnoutMinutes === 'number' ? p.turnoutMinutes : (turnout ?? null), townshipCode: s.townshipCode ?? null },
          rule,
          cfg,
          ctx,
        );
        s.speedKmh = r.speedKmh!;
        s.turnoutMinutes = turnout ?? r.turnoutMinutes!;
      });
    },
  };
}

function turnoutOnly(domain: DomainConfig): SitingRulePlan['apply'] {
  return (sites, props, role) => {
    if (role !== 'existing') return;
    sites.forEach((s, k) => {
      const t = props(k).turnoutMinutes;
      s.turnoutMinutes = typeof t === 'number' && t >= 0 ? t : domain.fireStations.turnoutMinutes;
    });
  };
}
