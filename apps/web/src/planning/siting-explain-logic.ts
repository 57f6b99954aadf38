/** The words a siting result is explained in (rule, demand basis and its total, uncoverable demand, excluded candidates): one wording for the screen, the printed sheet and the export. */
import { fill, zhT, type Locale, type Translate } from '../i18n/index.js';
import { fmt } from './per-capita-logic.js';
import { unitLabel, type SitingResult } from './siting-logic.js';

export interface SitingExplanation {
  /** The coverage rule used (class radius, walking minutes, turn-out + driving…), in the locale. */
  rule: string | null;
  /** What the demand figures count (people or risk-weighted demand). */
  basis: string | null;
  /** The denominator of the shares: Σ demand with its unit. */
  total: string | null;
  /** Demand no site can reach: count and people. */
  uncoverable: string | null;
  /** Candidates left out by the hazard safety distance: a summary, the first rows, and how many more. */
  excluded: { summary: string; rows: string[]; more: string | null } | null;
}

/** Candidates excluded by the hazard safety distance (the reason the screen and the sheet list). */
export function hazardExcluded(result: Pick<SitingResult, 'excludedCandidates'>): SitingResult['excludedCandidates'] {
  return (result.excludedCandidates ?? []).filter((e) => e.reason === 'hazard-distance');
}

/**
 * A siting result's explanation in the locale, with at most `maxRows` excluded candidates listed.
 * @example sitingExplanation(result, zhT, 'zh-CN', 3).uncoverable // '无法覆盖的需求点 2 个，共 1,230 人：…'
 */
export function sitingExplanation(result: SitingResult, t: Translate = zhT, locale: Locale = 'zh-CN', maxRows = 8): SitingExplanation {
  const text = (x: { zh: string; en: string } | null | undefined) => (x ? (locale === 'en' ? x.en : x.zh) : null);
  const u = result.uncoverable;
  const hazard = hazardExcluded(result);
  const unit = result.demandBasis?.kind === 'risk-weighted' ? 'weighted' : 'people';
  return {
    rule: text(result.coverageRule),
    basis: text(result.demandBasis),
    total: result.demandBasis && typeof result.totalWeight === 'number' ? fill(t('planning.siting.print.total'), { n: fmt(result.totalWeight), unit: unitLabel(unit, t) }) : null,
    uncoverable: u && u.count > 0 ? fill(t('planning.siting.uncoverable'), { n: u.count, people: fmt(u.population) }) : null,
    excluded:
      hazard.length > 0
        ? {
            summary: fill(t('planning.siting.excludedHazard'), { n: hazard.length }),
            rows: hazard.slice(0, maxRows).map((e) => fill(t('planning.siting.excludedRow'), { id: excludedName(e, t), hazard: e.hazardName ?? '—', d: fmt(e.distanceM ?? null), min: fmt(e.minDistanceM ?? null) })),
            more: hazard.length > maxRows ? fill(t('planning.list.more'), { n: hazard.length - maxRows }) : null,
          }
        : null,
  };
}

/** An excluded candidate as listed: its name and code when the answer names it, else its code. */
export function excludedName(e: SitingResult['excludedCandidates'][number], t: Translate = zhT): string {
  return e.name && e.name !== String(e.id) ? `${e.name}${fill(t('planning.unit.wrap'), { unit: String(e.id) })}` : String(e.id);
}
