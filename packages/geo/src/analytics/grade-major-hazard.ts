import type { DomainConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';
import type { Substance } from '../model.js';

type Gb18218 = DomainConfig['gb18218'];

/** β of one substance: toxic gases by formula (category default when the formula is not listed), others by category. */
function betaOf(s: Substance, cfg: Gb18218): number {
  if (s.category === 'toxic-gas' && s.formula !== undefined && cfg.toxicGasBeta[s.formula] !== undefined) return cfg.toxicGasBeta[s.formula]!;
  return cfg.beta[s.category] ?? cfg.beta.other ?? 1;
}

function alphaOf(people: number, cfg: Gb18218): number {
  const row = cfg.alpha.find((r) => people >= r.minPeople);
  if (!row) throw new Error(`gb18218.alpha has no row for ${people} people; the last row must have minPeople: 0`);
  return row.alpha;
}

/**
 * Identifies and grades a 重大危险源 (GB 18218-2018): S = Σ q/Q (t/t), major when S ≥ 1;
 * R = α · Σ β·q/Q with α from the people within 500 m of the plant boundary; grade 1–4 (一级–四级).
 * @example gradeMajorHazard([{ name: '二氧化硫', formula: 'SO2', category: 'toxic-gas', quantityT: 200, thresholdT: 20 }], 60, config.domain.gb18218)
 * // → { sValue: 10, isMajor: true, alpha: 1.5, rValue: 30, grade: 3, … }
 */
export function gradeMajorHazard(
  substances: Substance[],
  peopleNearby: number,
  cfg: Gb18218,
): { sValue: number; isMajor: boolean; alpha: number | null; rValue: number | null; grade: 1 | 2 | 3 | 4 | null; methodVersion: string } {
  if (!Number.isInteger(peopleNearby) || peopleNearby < 0) {
    throw new InputError(`peopleNearby must be a whole number ≥ 0; got ${String(peopleNearby)}`, 'peopleNearby');
  }
  let sValue = 0;
  let betaSum = 0;
  substances.forEach((s, i) => {
    if (!(Number.isFinite(s.quantityT) && s.quantityT >= 0)) {
      throw new InputError(`substances[${i}].quantityT must be a number ≥ 0 (t); got ${String(s.quantityT)}`, `substances[${i}].quantityT`);
    }
    if (!(Number.isFinite(s.thresholdT) && s.thresholdT > 0)) {
      throw new InputError(`substances[${i}].thresholdT must be a number > 0 (t); got ${String(s.thresholdT)}`, `substances[${i}].thresholdT`);
    }
    const ratio = s.quantityT / s.thresholdT;
    sValue += ratio;
    betaSum += betaOf(s, cfg) * ratio;
  });
  sValue = Number(sValue.toPrecision(12));
  const isMajor = sValue >= 1;
  if (!isMajor) return { sValue, isMajor, alpha: null, rValue: null, grade: null, methodVersion: cfg.methodVersion };
  const alpha = alphaOf(peopleNearby, cfg);
  const rValue = Number((alpha * betaSum).toPrecision(12));
  const band = cfg.gradeBands.find((b) => rValue >= b.minR);
  if (!band) throw new Error(`gb18218.gradeBands has no band for R = ${rValue}; the last band must have minR: -Infinity`);
  return { sValue, isMajor, alpha, rValue, grade: band.grade, methodVersion: cfg.methodVersion };
}
