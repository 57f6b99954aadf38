/** Coverage views: shelter service areas by class, fire-station 5-minute reach, warehouse reach, uncovered villages per township. */
import { translateLoose, useI18n } from '../i18n/index.js';
import { REACH_COLOURS, uncoveredByTownship, warehouseRadiusM, type CoverageAnswer } from './coverage-logic.js';
import { fmt } from './per-capita-logic.js';

export type CoverageView = 'none' | 'shelters' | 'fire-stations' | 'warehouses';
const VIEWS: CoverageView[] = ['none', 'shelters', 'fire-stations', 'warehouses'];

interface Props {
  view: CoverageView;
  setView: (v: CoverageView) => void;
  answer: CoverageAnswer | null;
  townshipName: (code: string) => string;
  onFocus: (lonLat: [number, number]) => void;
}

export function CoveragePanel({ view, setView, answer, townshipName, onFocus }: Props) {
  const { t, locale } = useI18n();
  const groups = answer ? uncoveredByTownship(answer, townshipName) : [];
  const imp = answer?.impedance;
  const note =
    view === 'shelters'
      ? t('planning.coverage.shelterNote')
      : view === 'warehouses'
        ? t('planning.coverage.warehouseNote').replace('{speed}', String(imp?.speedKmh ?? '—'))
        : t('planning.coverage.fireNote').replace('{min}', String(imp?.responseMinutes ?? '—'));
  const legend: { kind: string; label: string }[] =
    view === 'shelters'
      ? Object.entries(imp?.radiusMByClass ?? {}).map(([k, r]) => ({ kind: k, label: `${translateLoose(locale, `shelterClass.${k}`, k)} ${fmt(r)} m` }))
      : view === 'warehouses'
        ? Object.entries(imp?.reachMinutesByLevel ?? {}).map(([level, min]) => ({
            kind: 'warehouse',
            label: `${translateLoose(locale, `planning.warehouseLevel.${level}`, level)} ${min} ${t('planning.unit.minutes')} ≈ ${fmt(warehouseRadiusM(min, imp?.speedKmh ?? 0, imp?.detourFactor ?? 1))} m`,
          }))
        : [{ kind: 'fire', label: t('planning.coverage.fireReach') }];
  return (
    <div data-testid="coverage-panel">
      <div className="mode-group coverage-views" role="radiogroup" aria-label={t('coverage')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" role="radio" aria-checked={view === v} className={view === v ? 'on' : ''} onClick={() => setView(v)} data-testid={`coverage-${v}`}>
            {t(`planning.coverage.${v}`)}
          </button>
        ))}
      </div>
      {view !== 'none' && answer ? (
        <>
          <p data-testid="coverage-share">
            {t('coveredShare')}: <strong>{(answer.coveredShare * 100).toFixed(1)}%</strong> ({fmt(answer.coveredPopulation)} / {fmt(answer.population)})
          </p>
          <p className="sub-note" data-testid="coverage-note">
            {note} · {t('planning.coverage.detour')} {answer.impedance.detourFactor}
          </p>
          <ul className="legend" data-testid="coverage-legend">
            {legend.map((l) => (
              <li key={l.label}>
                <span className="swatch box" style={{ background: REACH_COLOURS[l.kind], opacity: 0.6 }} />
                {l.label}
              </li>
            ))}
            <li>
              <span className="swatch dot" style={{ background: '#ff7f00' }} /> {t('planning.coverage.uncoveredVillage')}
            </li>
          </ul>
          <h3>
            {t('planning.coverage.uncovered')} ({fmt(answer.uncovered.features.length)})
          </h3>
          <ul className="uncovered-list" data-testid="uncovered-list">
            {groups.map((g) => (
              <li key={g.townshipCode}>
                <details>
                  <summary>
                    {g.name}: {fmt(g.uncoveredPopulation)} {t('planning.unit.people')} · {g.villages.length} {t('planning.unit.places')}
                  </summary>
                  <ul>
                    {g.villages.map((v) => (
                      <li key={v.code}>
                        <button type="button" className="link" onClick={() => onFocus(v.lonLat)}>
                          {v.name}
                        </button>{' '}
                        <span className="sub-note">
                          {fmt(v.population)} {t('planning.unit.people')}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
          {answer.uncovered.features.length === 0 ? <p className="sub-note">{t('planning.coverage.allCovered')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
