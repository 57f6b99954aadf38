/** The per-township table: sortable, short rows marked, uncovered population (shelter service areas), the county town (the plan's indicator) highlighted, county total last with both county shortfalls named. */
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import type { CoverageAnswer } from './coverage-logic.js';
import { countyShortfalls, fmt, nextSort, sortRows, type PerCapitaAnswer, type PlanRow, type Sort, type SortKey } from './per-capita-logic.js';

interface Props {
  answer: PerCapitaAnswer;
  urbanCodes: ReadonlySet<string>;
  /** Shelter coverage: its per-township rows give the uncovered-population column (joined by township code). */
  coverage: CoverageAnswer | null;
  onZoom: (code: string) => void;
}

export function PerCapitaTable({ answer, urbanCodes, coverage, onZoom }: Props) {
  const { t } = useI18n();
  const uncoveredByCode = new Map((coverage?.townships ?? []).map((r) => [r.townshipCode, r.uncoveredPopulation]));
  const uncoveredOf = (r: PlanRow, kind: 'township' | 'county-town' | 'county'): number | null => {
    if (!coverage) return null;
    if (kind === 'county') return coverage.uncoveredPopulation;
    // The county town is the urban townships together.
    if (kind === 'county-town') return [...urbanCodes].reduce((s, c) => s + (uncoveredByCode.get(c) ?? 0), 0);
    return uncoveredByCode.get(r.townshipCode) ?? null;
  };
  const [sort, setSort] = useState<Sort>({ key: 'perCapitaM2', desc: false });
  const rows = sortRows(answer.townships, sort);
  const head = (key: SortKey, label: string, note?: string) => (
    <th scope="col" title={note} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => setSort(nextSort(sort, key))} data-testid={`sort-${key}`}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const line = (r: PlanRow, kind: 'township' | 'county-town' | 'county') => (
    <tr key={`${kind}-${r.townshipCode}`} className={`${kind}${r.meetsTarget === false ? ' short' : ''}${urbanCodes.has(r.townshipCode) ? ' urban' : ''}`} data-testid={`pc-row-${r.townshipCode}`}>
      <th scope="row">
        {kind === 'township' ? (
          <button type="button" className="link" onClick={() => onZoom(r.townshipCode)}>
            {r.name}
          </button>
        ) : (
          <strong>{kind === 'county-town' ? `${t('planning.countyTown')} ★` : t('county')}</strong>
        )}
      </th>
      <td>{fmt(r.population)}</td>
      <td>{fmt(r.shelterCount)}</td>
      <td>{fmt(r.effectiveAreaM2)}</td>
      <td className={r.meetsTarget === false ? 'warn' : 'ok'}>{fmt(r.perCapitaM2, 2)}</td>
      <td>{fmt(answer.targetM2, 1)}</td>
      <td className={r.shortfallM2 > 0 ? 'warn' : ''} title={kind === 'county' ? t('planning.shortfall.net') : undefined}>
        {fmt(r.shortfallM2)}
      </td>
      <td className={r.meetsCapacity ? 'ok' : 'warn'} title={`${fmt(r.capacity)} / ${fmt(r.capacityRequired)}`}>
        {fmt(r.capacity)} / {fmt(r.capacityRequired)} {r.meetsCapacity ? '✓' : '✗'}
      </td>
      <td className={(uncoveredOf(r, kind) ?? 0) > 0 ? 'warn' : ''} data-testid={`pc-uncovered-${r.townshipCode}`}>
        {fmt(uncoveredOf(r, kind))}
      </td>
    </tr>
  );
  return (
    <div className="pc-table-wrap">
      <table className="pc-table" data-testid="per-capita-table">
        <caption>
          {t('planning.tableCaption')} · {t('planning.areaBasis')} · {t('planning.capacityRule').replace('{share}', String(Math.round(answer.capacityShare * 100)))}
        </caption>
        <thead>
          <tr>
            {head('name', t('planning.col.township'))}
            {head('population', t('planning.col.population'))}
            <th scope="col">{t('planning.col.shelters')}</th>
            {head('effectiveAreaM2', t('planning.col.area'))}
            {head('perCapitaM2', t('planning.col.perCapita'))}
            <th scope="col">{t('planning.col.target')}</th>
            {head('shortfallM2', t('planning.col.shortfall'), t('planning.col.shortfallNote'))}
            {head('capacity', t('planning.col.places'))}
            <th scope="col" title={t('planning.col.uncoveredNote')}>
              {t('planning.col.uncovered')}
            </th>
          </tr>
        </thead>
        <tbody>{rows.map((r) => line(r, 'township'))}</tbody>
        <tfoot>
          {answer.countyTown ? line(answer.countyTown, 'county-town') : null}
          {line(answer.county, 'county')}
          <tr className="pc-shortfalls" data-testid="pc-shortfalls">
            <td colSpan={9}>
              {countyShortfalls(answer, t).map((s) => (
                <span key={s.key} className="pc-shortfall" data-testid={`pc-shortfall-${s.key}`}>
                  {s.label}
                  {t('planning.list.colon')}
                  <strong className={s.m2 > 0 ? 'warn' : ''}>{fmt(s.m2)} m²</strong>
                </span>
              ))}
              <small className="pc-shortfall-note">{t('planning.shortfall.note')}</small>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The plan's indicator: the county town's m² per person now, with planned shelters, and the target. */
export function IndicatorCards({ current, withPlanned }: { current: PerCapitaAnswer | null; withPlanned: PerCapitaAnswer | null }) {
  const { t } = useI18n();
  const ct = current?.countyTown;
  const cp = withPlanned?.countyTown;
  const target = current?.targetM2;
  const card = (label: string, v: number | null | undefined, testid: string, good: boolean | null | undefined) => (
    <div className={`kpi ${good === false ? 'warn' : good ? 'ok' : ''}`} data-testid={testid}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{fmt(v, 2)}</span>
      <span className="kpi-unit">{t('planning.unit.m2PerPerson')}</span>
    </div>
  );
  return (
    <div className="kpis" aria-label={t('planning.indicator')}>
      {card(t('planning.kpiNow'), ct?.perCapitaM2, 'kpi-now', ct?.meetsTarget)}
      {card(t('planning.kpiPlanned'), cp?.perCapitaM2, 'kpi-planned', cp?.meetsTarget)}
      {card(t('planning.kpiTarget'), target, 'kpi-target', null)}
      <div className="kpi">
        <span className="kpi-label">{t('planning.kpiShort')}</span>
        <span className="kpi-value" data-testid="kpi-short">{current ? current.townships.filter((r) => r.meetsTarget === false).length : '—'}</span>
        <span className="kpi-unit">/ {current?.townships.length ?? '—'}</span>
      </div>
    </div>
  );
}
