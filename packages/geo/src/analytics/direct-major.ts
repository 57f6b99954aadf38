/** Facts about a risk point that make it 重大 by rule, whatever its score. */
export interface DirectMajorFacts {
  /** The risk point contains or is a 重大危险源 (GB 18218 S ≥ 1). */
  hasMajorHazardSource: boolean;
  /** Past accidents at the point; fatal or serious ones whose conditions persist make it 重大. */
  accidents?: { severity: 'fatal' | 'serious' | 'general'; conditionsPersist: boolean }[];
}

export interface DirectMajorResult {
  level: 1;
  reasonCode: 'major-hazard-source' | 'persisting-serious-accident';
  /** Stored as RiskPointProps.directMajorReason. */
  reason: string;
}

/**
 * The direct-major (直接判定为重大风险) rule: a risk point with a 重大危险源, or with a fatal/serious
 * accident whose conditions persist, is level 1 with a reason; null when the rule does not apply.
 * @example directMajor({ hasMajorHazardSource: true }) // → { level: 1, reasonCode: 'major-hazard-source', reason: '涉及重大危险源' }
 */
export function directMajor(facts: DirectMajorFacts): DirectMajorResult | null {
  if (facts.hasMajorHazardSource) return { level: 1, reasonCode: 'major-hazard-source', reason: '涉及重大危险源' };
  const persisting = (facts.accidents ?? []).find((a) => a.severity !== 'general' && a.conditionsPersist);
  if (persisting) {
    return {
      level: 1,
      reasonCode: 'persisting-serious-accident',
      reason: persisting.severity === 'fatal' ? '发生过死亡事故且事故条件仍存在' : '发生过重伤事故且事故条件仍存在',
    };
  }
  return null;
}
