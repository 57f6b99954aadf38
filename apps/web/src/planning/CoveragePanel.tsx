/** Coverage views: shelter service areas by class, fire-station 5-minute reach, uncovered villages per township. */
import { translateLoose, useI18n } from '../i18n/index.js';
import { REACH_COLOURS, uncoveredByTownship, type CoverageAnswer } from './coverage-logic.js';
import { fmt } from './per-capita-logic.js';

export type CoverageView = 'none' | 'shelters' | 'fire-stations';

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
  return (
    <div data-testid="coverage-panel">
      <div className="mode-group three" role="radiogroup" aria-label={t('coverage')}>
        {(['none', 'shelters', 'fire-stations'] as const).map((v) => (
          <button key={v} type="button" role="radio" aria-checked={view === v} className={view === v ? 'on' : ''} onClick={() => setView(v)} data-testid={`coverage-${v}`}>
            {t(`planning.coverage.${v}`)}
          </button>
        ))}
      </div>
      {view !== 'none' && answer ? (
        <>
          <p data-testid="coverage-share">
            {t('coveredShare')}: <strong>{(answer.coveredShare * 100).toFixed(1)}%</strong>（{fmt(answer.coveredPopulation)} / {fmt(answer.population)}）
          </p>
          <p className="sub-note">
            {view === 'shelters' ? t('planning.coverage.shelterNote') : t('planning.coverage.fireNote').replace('{min}', String(answer.impedance.responseMinutes ?? 5))} · {t('planning.coverage.detour')} {answer.impedance.detourFactor}
          </p>
          <ul className="legend">
            {(view === 'shelters' ? Object.entries(answer.impedance.radiusMByClass ?? {}) : [['fire', 0] as const]).map(([k, r]) => (
              <li key={k}>
                <span className="swatch box" style={{ background: REACH_COLOURS[k], opacity: 0.6 }} />
                {k === 'fire' ? t('planning.coverage.fireReach') : `${translateLoose(locale, `shelterClass.${k}`, k)} ${fmt(Number(r))} m`}
              </li>
            ))}
            <li>
              <span className="swatch dot" style={{ background: '#ff7f00' }} /> {t('planning.coverage.uncoveredVillage')}
            </li>
          </ul>
          <h3>
            {t('planning.coverage.uncovered')}（{fmt(answer.uncovered.features.length)}）
          </h3>
          <ul className="uncovered-list" data-testid="uncovered-list">
            {groups.map((g) => (
              <li key={g.townshipCode}>
                <details>
                  <summary>
                    {g.name}：{fmt(g.uncoveredPopulation)} 人 · {g.villages.length} 个
                  </summary>
                  <ul>
                    {g.villages.map((v) => (
                      <li key={v.code}>
                        <button type="button" className="link" onClick={() => onFocus(v.lonLat)}>
                          {v.name}
                        </button>{' '}
                        <span className="sub-note">{fmt(v.population)} 人</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
