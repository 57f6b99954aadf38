/** Indicator panel: per-township shelter area per resident against the target line, the county town, risk counts. */
import type { CoverageSummary } from '../api/normalize.js';
import type { LayerSet, PerCapitaResult, RiskLevel } from '../api/types.js';
import { translateLoose, useI18n } from '../i18n/index.js';
import { countByLevel } from './emap-local.js';

interface Props {
  layers: Partial<LayerSet>;
  perCapita: PerCapitaResult | null;
  fromApi: boolean;
  targetM2: number;
  colours: Record<RiskLevel, string>;
  coverage: CoverageSummary[];
}

export function IndicatorPanel({ layers, perCapita, fromApi, targetM2, colours, coverage }: Props) {
  const { t, locale } = useI18n();
  const rows = [...(perCapita?.rows ?? [])].sort((a, b) => b.perCapitaM2 - a.perCapitaM2);
  const max = Math.max(targetM2 * 1.6, ...rows.map((r) => r.perCapitaM2));
  const counts = countByLevel(layers['risk-points']?.features ?? []);
  const ct = perCapita?.countyTown;
  const fmt = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
  return (
    <section className="panel indicator-panel" aria-label={t('indicators')} data-testid="indicator-panel">
      <h2>{t('riskCounts')}</h2>
      <div className="level-counts">
        {([1, 2, 3, 4] as RiskLevel[]).map((l) => (
          <div key={l} className="level-count" style={{ borderColor: colours[l] }}>
            <span className="n">{counts[l]}</span>
            <span>{t(`level.${l}`)}</span>
          </div>
        ))}
      </div>
      <h2>{t('perCapita')}</h2>
      {ct ? (
        <p className={ct.perCapitaM2 >= targetM2 ? 'ok' : 'warn'}>
          {t('countyTown')}: <strong>{fmt(ct.perCapitaM2)}</strong> m² / {t('perCapitaTarget')} {targetM2} m²
        </p>
      ) : null}
      <div className="bars" role="list">
        {rows.map((r) => (
          <div key={r.townshipCode} className="bar-row" role="listitem" aria-label={`${r.name} ${fmt(r.perCapitaM2)} m²`}>
            <span className="bar-name">{r.name}</span>
            <span className="bar-track">
              <span className={`bar ${r.perCapitaM2 >= targetM2 ? 'ok' : 'warn'}`} style={{ width: `${(r.perCapitaM2 / max) * 100}%` }} />
              <span className="target-line" style={{ left: `${(targetM2 / max) * 100}%` }} title={`${t('perCapitaTarget')} ${targetM2}`} />
            </span>
            <span className="bar-value">{fmt(r.perCapitaM2)}</span>
          </div>
        ))}
      </div>
      <p className="sub-note">{t(fromApi ? 'perCapitaApi' : 'perCapitaLocal')}</p>
      <h2>{t('coverage')}</h2>
      {coverage.length === 0 ? <p className="sub-note">{t('notAvailable')}</p> : null}
      {coverage.map((c) => (
        <p key={c.facility} data-testid={`coverage-${c.facility}`}>
          {translateLoose(locale, `coverage.${c.facility}`, c.facility)}: <strong>{(c.coveredShare * 100).toFixed(1)}%</strong>{' '}
          <span className="sub-note">
            ({c.coveredPopulation.toLocaleString(locale)} / {c.population.toLocaleString(locale)}
            {c.method ? ` · ${translateLoose(locale, `impedance.${c.method}`, c.method)}` : ''})
          </span>
        </p>
      ))}
    </section>
  );
}
