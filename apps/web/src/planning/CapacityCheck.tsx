/** Explains the capacity column against the per-capita area, and flags shelters whose stated capacity does not fit their area. */
import type { Feature, Point } from 'geojson';
import { domainDefaults } from '@riskmap/config';
import type { ShelterProps } from '../api/types.js';
import { fill, useI18n } from '../i18n/index.js';
import { fmt } from './per-capita-logic.js';

export interface Implausible {
  code: string;
  name: string;
  capacity: number;
  areaM2: number;
  perPersonM2: number;
  minM2: number;
}

/**
 * Shelters whose effective area ÷ capacity is below the larger of the class's m²/person and the
 * plausibility floor (shelters.plausibleMinM2PerPerson). @example implausibleShelters([SH-008 4,740 people on 2,370 m²]) → [{ perPersonM2: 0.5, … }]
 */
export function implausibleShelters(features: readonly Feature<Point, ShelterProps>[], cfg = domainDefaults.shelters): Implausible[] {
  const out: Implausible[] = [];
  for (const f of features) {
    const p = f.properties;
    if (!(p.capacity > 0)) continue;
    const per = p.effectiveAreaM2 / p.capacity;
    const min = Math.max(cfg.classes[p.shelterClass]?.perCapitaM2 ?? 0, cfg.plausibleMinM2PerPerson ?? 0);
    if (per < min) out.push({ code: p.code, name: p.name, capacity: p.capacity, areaM2: p.effectiveAreaM2, perPersonM2: per, minM2: min });
  }
  return out.sort((a, b) => a.perPersonM2 - b.perPersonM2);
}

export function CapacityCheck({ shelters, targetM2, capacityShare }: { shelters: readonly Feature<Point, ShelterProps>[]; targetM2: number; capacityShare: number }) {
  const { t } = useI18n();
  const bad = implausibleShelters(shelters);
  const line = (b: Implausible) => (
    <li key={b.code} data-testid={`implausible-${b.code}`}>
      {fill(t('plan.capacity.implausible'), { code: b.code, name: b.name, capacity: fmt(b.capacity), area: fmt(b.areaM2), per: fmt(b.perPersonM2, 2), min: fmt(b.minM2, 1), floor: fmt(domainDefaults.shelters.plausibleMinM2PerPerson ?? 0, 1) })}
    </li>
  );
  return (
    <div className="capacity-check" data-testid="capacity-check">
      <p className="capacity-explain">{fill(t('plan.capacity.explain'), { share: `${Math.round(capacityShare * 100)}%`, target: fmt(targetM2, 2) })}</p>
      {bad.length ? (
        <div className="implausible" role="note" data-testid="implausible">
          <strong>{t('plan.capacity.implausibleTitle')} ({bad.length})</strong>
          <ul>{bad.slice(0, 3).map(line)}</ul>
          {bad.length > 3 ? (
            <details>
              <summary>{fill(t('plan.capacity.more'), { n: bad.length - 3 })}</summary>
              <ul>{bad.slice(3).map(line)}</ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
