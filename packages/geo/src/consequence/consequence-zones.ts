import type { IncidentConfig } from '@riskmap/config';
import type { IncidentType } from '../incident/types.js';
import { explosionRadii } from './explosion-radii.js';
import { fireballRadii } from './fireball-radii.js';
import { poolFireRadii } from './pool-fire-radii.js';
import { toxicReleaseRadii } from './toxic-release-radii.js';

export interface ConsequenceSubstance { name: string; formula?: string; category?: string; quantityT?: number }

export interface ConsequenceZones {
  /** 'generic' = the configured placeholder radii (no substance or quantity to compute from). */
  method: string;
  /** Inner → outer (m), strictly increasing, at most the configured maximum. */
  radiiM: number[];
  /** True when a zone reached the maximum radius (the model would draw it farther). */
  capped: boolean;
  /** The substance (and quantity) that gave the largest zones. */
  basis: { substance: string; quantityT: number } | null;
  /** Thresholds of the zones, inner → outer, with their unit. */
  thresholds: { value: number; unit: string }[];
  source: string;
  zh: string;
  en: string;
  /** Model-specific figures (release rate, TNT mass, fireball diameter …) and the ERG row for toxic gases. */
  details: Record<string, unknown>;
}

const r0 = (v: number) => Math.round(v);

/**
 * Consequence-based zones of an incident from the substances and quantities of its hazard source:
 * toxic release — Gaussian plume to ERPG-3/2/1 (with the ERG Table 1 row alongside); explosion — TNT
 * equivalence with Kinney–Graham overpressure; fire — BLEVE fireball (flammable gas) or pool fire
 * (flammable liquid) radiation. The substance giving the largest outer zone decides.
 * @example consequenceZones('toxic-release', [{ name: '氯', formula: 'Cl2', category: 'toxic-gas', quantityT: 35 }], cfg).method // → 'gaussian-plume-erpg'
 */
export function consequenceZones(type: IncidentType, substances: readonly ConsequenceSubstance[] | null | undefined, cfg: IncidentConfig): ConsequenceZones {
  const c = cfg.consequence;
  const max = cfg.maxRadiusM;
  const results: Omit<ConsequenceZones, 'radiiM' | 'capped'>[] & { raw?: number[] }[] = [];
  const push = (r: Omit<ConsequenceZones, 'radiiM' | 'capped'>, raw: number[]) => results.push({ ...r, raw } as never);
  for (const s of substances ?? []) {
    const q = s.quantityT;
    if (!(typeof q === 'number' && q > 0)) continue;
    const basis = { substance: s.formula ?? s.name, quantityT: q };
    if (type === 'toxic-release' && s.category === 'toxic-gas' && s.formula && c.toxic.substances[s.formula]) {
      const t = toxicReleaseRadii(s.formula, q, c.toxic, max);
      const sub = c.toxic.substances[s.formula]!;
      push({
        method: c.toxic.method, basis, source: c.toxic.source,
        thresholds: sub.erpgPpm.slice().reverse().map((v) => ({ value: v, unit: 'ppm' })),
        zh: `毒气泄漏：${sub.zh} ${q} 吨在 ${c.toxic.releaseMinutes} 分钟内全部释放（${t.rateKgS.toFixed(1)} kg/s），高斯烟羽（${c.toxic.stability} 类稳定度，风速 ${c.toxic.windSpeedMs} m/s），分区边界为 ERPG-3/2/1（${sub.erpgPpm[2]}/${sub.erpgPpm[1]}/${sub.erpgPpm[0]} ppm）。简化：中性浮力气体、平坦地形，未计重气效应与建筑物${sub.erpgChecked ? '' : `。${sub.zh}的 ERPG 值尚未与权威表核对（见 docs/incident-zones.md）`}`,
        en: `toxic release: ${q} t of ${sub.en} released in ${c.toxic.releaseMinutes} min (${t.rateKgS.toFixed(1)} kg/s), Gaussian plume (stability ${c.toxic.stability}, wind ${c.toxic.windSpeedMs} m/s), zone edges at ERPG-3/2/1 (${sub.erpgPpm[2]}/${sub.erpgPpm[1]}/${sub.erpgPpm[0]} ppm). Simplification: neutrally buoyant gas over flat open country; dense-gas behaviour and buildings are ignored${sub.erpgChecked ? '' : `. The ERPG values of ${sub.en.toLowerCase()} are not yet checked against an authoritative table (docs/incident-zones.md)`}`,
        details: { rateKgS: t.rateKgS, endpointsMgM3: t.endpointsMgM3, ergTable1: { un: sub.un, ...t.erg, source: c.toxic.ergSource } },
      }, t.radiiM);
    } else if (type === 'explosion' && (s.category === 'flammable-gas' || s.category === 'explosive')) {
      const explosive = s.category === 'explosive';
      const heat = explosive ? c.explosion.tntMjPerKg : (c.explosion.heatOfCombustionMjPerKg[s.name] ?? (s.formula ? c.explosion.heatOfCombustionMjPerKg[s.formula] : undefined) ?? c.explosion.defaultHeatOfCombustionMjPerKg);
      const e = explosionRadii(q, heat, c.explosion, explosive ? 1 : c.explosion.yieldFactor);
      const [p1, p2, p3] = c.explosion.overpressureKpa;
      push({
        method: c.explosion.method, basis, source: c.explosion.source,
        thresholds: c.explosion.overpressureKpa.map((v) => ({ value: v, unit: 'kPa' })),
        zh: `爆炸：${s.name} ${q} 吨，TNT 当量 = ${explosive ? 1 : c.explosion.yieldFactor} × 质量 × ${heat} MJ/kg ÷ ${c.explosion.tntMjPerKg} MJ/kg = ${r0(e.tntKg)} kg TNT，Kinney–Graham 超压 ${p1}/${p2}/${p3} kPa。简化：TNT 当量法不计云团形状与受限程度`,
        en: `explosion: ${q} t of ${s.name}, TNT equivalent = ${explosive ? 1 : c.explosion.yieldFactor} × mass × ${heat} MJ/kg ÷ ${c.explosion.tntMjPerKg} MJ/kg = ${r0(e.tntKg)} kg TNT, Kinney–Graham overpressure ${p1}/${p2}/${p3} kPa. Simplification: TNT equivalence ignores cloud shape and confinement`,
        details: { tntKg: e.tntKg, heatOfCombustionMjPerKg: heat },
      }, e.radiiM);
    } else if (type === 'fire' && s.category === 'flammable-gas') {
      const f = fireballRadii(q, c.thermal);
      const [a, b, d] = c.thermal.fluxKwPerM2;
      push({
        method: 'fireball', basis, source: c.thermal.source,
        thresholds: c.thermal.fluxKwPerM2.map((v) => ({ value: v, unit: 'kW/m²' })),
        zh: `沸腾液体扩展蒸气爆炸（火球）：${s.name} ${q} 吨，火球直径 ${r0(f.diameterM)} 米、持续 ${f.durationS.toFixed(1)} 秒，表面辐射 ${c.thermal.fireballSepKwPerM2} kW/m²，热辐射 ${a}/${b}/${d} kW/m²。简化：全部存量参与火球`,
        en: `BLEVE fireball: ${q} t of ${s.name}, diameter ${r0(f.diameterM)} m, duration ${f.durationS.toFixed(1)} s, surface emissive power ${c.thermal.fireballSepKwPerM2} kW/m², radiation ${a}/${b}/${d} kW/m². Simplification: the whole inventory feeds the fireball`,
        details: { diameterM: f.diameterM, durationS: f.durationS },
      }, f.radiiM);
    } else if (type === 'fire' && s.category === 'flammable-liquid') {
      const rate = c.thermal.pool.burningRateKgPerM2S[s.name] ?? c.thermal.pool.defaultBurningRateKgPerM2S;
      const heat = c.explosion.heatOfCombustionMjPerKg[s.name] ?? c.explosion.defaultHeatOfCombustionMjPerKg;
      const p = poolFireRadii(rate, heat, c.thermal);
      const [a, b, d] = c.thermal.fluxKwPerM2;
      push({
        method: 'pool-fire', basis, source: c.thermal.source,
        thresholds: c.thermal.fluxKwPerM2.map((v) => ({ value: v, unit: 'kW/m²' })),
        zh: `池火：${s.name}，池径 ${c.thermal.pool.diameterM} 米（围堰），燃烧速率 ${rate} kg/(m²·s)，点源模型，热辐射 ${a}/${b}/${d} kW/m²。简化：池径取配置值，与存量无关`,
        en: `pool fire: ${s.name}, pool ${c.thermal.pool.diameterM} m across (bund), burning rate ${rate} kg/(m²·s), point-source model, radiation ${a}/${b}/${d} kW/m². Simplification: the pool size is configured, not derived from the quantity`,
        details: { heatReleaseMw: p.heatReleaseMw, burningRateKgPerM2S: rate },
      }, p.radiiM);
    }
  }
  if (results.length === 0) {
    return {
      method: 'generic', radiiM: cfg.zones[type].map((z) => z.radiusM), capped: false, basis: null, thresholds: [], source: 'configuration (incident.zones)', details: {},
      zh: '通用示意半径：未按物质与数量计算（无可用的物质、数量或模型），仅作示意', en: 'generic placeholder radii: not computed from substance and quantity (none usable), indicative only',
    };
  }
  const best = (results as (ConsequenceZones & { raw: number[] })[]).reduce((a, b) => (b.raw[2]! > a.raw[2]! ? b : a));
  const { raw, ...rest } = best;
  const radii: number[] = [];
  raw.forEach((r, i) => radii.push(Math.max(Math.min(Math.round(r), max - (raw.length - 1 - i)), (radii[i - 1] ?? 0) + 1)));
  return { ...rest, radiiM: radii, capped: raw.some((r) => r >= max - 1) };
}
