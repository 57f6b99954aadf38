/** Left panel: layer toggles with counts, per-level toggles, e-map mode, and a legend that follows what is shown. */
import type { LayerSet, PointLayerId, RiskLevel } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { iconDataUrl } from '../map/icons.js';
import { countByLevel } from './level-counts.js';
import type { EmapMethod, EmapMode } from './use-emap.js';

export type Visible = Record<PointLayerId | 'townships', boolean>;
const LEVELS: RiskLevel[] = [1, 2, 3, 4];
const ORDER: (PointLayerId | 'townships')[] = ['risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations', 'townships'];
const ICON: Partial<Record<PointLayerId, string>> = { 'hazard-sources': 'hazard-major', shelters: 'shelter-open', warehouses: 'warehouse', 'fire-stations': 'fire-station' };
export const CELL_SIZES = [500, 1000, 2000];

interface Props {
  layers: Partial<LayerSet>;
  errors: Partial<Record<keyof LayerSet, string>>;
  /** Layers this visitor may not read (shown disabled, "sign in to see"). */
  restricted?: (keyof LayerSet)[];
  colours: Record<RiskLevel, string>;
  visible: Visible;
  setVisible: (v: Visible) => void;
  levels: Record<RiskLevel, boolean>;
  setLevels: (l: Record<RiskLevel, boolean>) => void;
  mode: EmapMode;
  setMode: (m: EmapMode) => void;
  cellM: number;
  setCellM: (c: number) => void;
  method: EmapMethod;
  setMethod: (m: EmapMethod) => void;
  emapSource: 'api' | 'unavailable' | null;
}

export function LayerPanel(p: Props) {
  const { t } = useI18n();
  const rp = p.layers['risk-points']?.features ?? [];
  const counts = countByLevel(rp);
  const hs = p.layers['hazard-sources']?.features ?? [];
  const sh = p.layers.shelters?.features ?? [];
  const statusCounts = (['open', 'built', 'planned', 'closed'] as const).map((s) => [s, sh.filter((f) => f.properties.status === s).length] as const);

  return (
    <aside className="panel layer-panel" aria-label={t('layers')}>
      <h2>{t('layers')}</h2>
      <ul className="layer-list">
        {ORDER.map((id) => {
          const locked = p.restricted?.includes(id) ?? false;
          return (
          <li key={id} className={locked ? 'locked' : ''}>
            <label className="layer-toggle">
              <input type="checkbox" checked={p.visible[id] && !locked} disabled={locked} onChange={(e) => p.setVisible({ ...p.visible, [id]: e.target.checked })} data-testid={`toggle-${id}`} />
              {id !== 'townships' && id !== 'risk-points' && ICON[id] ? <img src={iconDataUrl(ICON[id]!)} alt="" width={16} height={16} /> : null}
              <span>{t(`layer.${id}`)}</span>
              <span className="count" data-testid={`count-${id}`}>
                {locked ? t('cmd.needsSignIn') : p.errors[id] ? '!' : (p.layers[id]?.features.length ?? '…')}
              </span>
            </label>
            {p.errors[id] ? <div className="error">{t('loadFailed')}: {p.errors[id]}</div> : null}
            {id === 'risk-points' && !locked ? (
              <ul className="sub-list">
                {LEVELS.map((l) => (
                  <li key={l}>
                    <label className={p.visible[id] ? '' : 'disabled'}>
                      <input type="checkbox" checked={p.levels[l] && p.visible[id]} disabled={!p.visible[id]} onChange={(e) => p.setLevels({ ...p.levels, [l]: e.target.checked })} data-testid={`toggle-level-${l}`} />
                      <span className="swatch dot" style={{ background: p.colours[l] }} />
                      <span>{t(`level.${l}`)}</span>
                      <span className="count">{counts[l]}</span>
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
            {id === 'hazard-sources' && p.visible[id] ? (
              <div className="sub-note">
                {t('majorHazard')} {hs.filter((f) => f.properties.isMajor).length} · {t('otherHazard')} {hs.filter((f) => !f.properties.isMajor).length}
              </div>
            ) : null}
            {id === 'shelters' && p.visible[id] ? (
              <div className="sub-note">
                {statusCounts.map(([s, n]) => (
                  <span key={s} className="status-chip">
                    <img src={iconDataUrl(`shelter-${s}`)} alt="" width={12} height={12} /> {t(`status.${s}`)} {n}
                  </span>
                ))}
              </div>
            ) : null}
          </li>
          );
        })}
      </ul>

      <h2>{t('emap')}</h2>
      <div role="radiogroup" aria-label={t('emap')} className="mode-group">
        {(['off', 'township', 'grid', 'heat'] as EmapMode[]).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={p.mode === m} className={p.mode === m ? 'on' : ''} onClick={() => p.setMode(m)} data-testid={`emap-${m}`}>
            {t(`emap.${m}`)}
          </button>
        ))}
      </div>
      {p.mode === 'grid' ? (
        <label className="inline">
          {t('emap.cell')}
          <select value={p.cellM} onChange={(e) => p.setCellM(Number(e.target.value))} data-testid="emap-cell">
            {CELL_SIZES.map((c) => (
              <option key={c} value={c}>
                {c >= 1000 ? `${c / 1000} km` : `${c} m`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {p.mode === 'township' || p.mode === 'grid' ? (
        <>
          <label className="inline">
            {t('emap.method')}
            <select value={p.method} onChange={(e) => p.setMethod(e.target.value as EmapMethod)}>
              <option value="max">{t('emap.method.max')}</option>
              <option value="weighted">{t('emap.method.weighted')}</option>
            </select>
          </label>
          {p.emapSource ? <div className="sub-note" data-testid="emap-source">{t(p.emapSource === 'api' ? 'emap.source.api' : 'analyticsUnavailable')}</div> : null}
        </>
      ) : null}

      <h2>{t('legend')}</h2>
      {p.mode === 'heat' ? (
        <div className="heat-legend" data-testid="heat-legend">
          <div>{t('cmd.heatLegend')}</div>
          <div className="heat-ramp" style={{ background: `linear-gradient(to right, rgba(44,123,182,0.15), ${p.colours[4]}, ${p.colours[3]}, ${p.colours[2]}, ${p.colours[1]})` }} aria-hidden="true" />
          <div className="heat-ends">
            <span>{t('cmd.heatLow')}</span>
            <span>{t('cmd.heatHigh')}</span>
          </div>
        </div>
      ) : null}
      <ul className="legend" data-testid="legend">
        {p.visible['risk-points'] || p.mode !== 'off'
          ? LEVELS.filter((l) => p.levels[l] || p.mode !== 'off').map((l) => (
              <li key={l}>
                <span className={`swatch ${p.mode === 'township' || p.mode === 'grid' ? 'box' : 'dot'}`} style={{ background: p.colours[l] }} /> {t(`level.${l}`)}
              </li>
            ))
          : null}
        {p.visible['hazard-sources'] ? <LegendIcon id="hazard-major" label={t('majorHazard')} /> : null}
        {p.visible['hazard-sources'] ? <LegendIcon id="hazard" label={t('otherHazard')} /> : null}
        {p.visible.shelters ? statusCounts.map(([s]) => <LegendIcon key={s} id={`shelter-${s}`} label={`${t('layer.shelters')} · ${t(`status.${s}`)}`} />) : null}
        {p.visible.warehouses ? <LegendIcon id="warehouse" label={t('layer.warehouses')} /> : null}
        {p.visible['fire-stations'] ? <LegendIcon id="fire-station" label={t('layer.fire-stations')} /> : null}
        {p.visible.townships ? (
          <li>
            <span className="swatch line" /> {t('layer.townships')}
          </li>
        ) : null}
      </ul>
    </aside>
  );
}

function LegendIcon({ id, label }: { id: string; label: string }) {
  return (
    <li>
      <img src={iconDataUrl(id)} alt="" width={16} height={16} /> {label}
    </li>
  );
}
