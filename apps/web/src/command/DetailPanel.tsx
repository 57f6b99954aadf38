/** Right panel: every field of the clicked feature the commander may see. */
import { fill, translate, useI18n } from '../i18n/index.js';
import type { Picked } from './CommandMap.js';
import { detailRows } from './detail-fields.js';
import { AuditHistory } from './AuditHistory.js';

interface Props {
  picked: Picked;
  townshipName: (code: string) => string | undefined;
  onClose: () => void;
  /** Open the i-th feature of the click's stack (the "1 / N" chooser). */
  onChoose?: (i: number) => void;
  /** Compute an incident at this hazard source. */
  onIncident?: () => void;
}

export function DetailPanel({ picked, townshipName, onClose, onChoose, onIncident }: Props) {
  const { t, locale } = useI18n();
  const rows = detailRows(picked.properties, locale, townshipName, picked.layer);
  const title = String(picked.properties.name ?? picked.properties.code ?? '');
  const kind = picked.layer === 'emap' ? t('emap') : t(`cmd.hit.${picked.layer}`);
  const n = picked.stack?.length ?? 0;
  const at = picked.index ?? 0;
  return (
    <aside className="panel detail-panel" aria-label={t('details')} data-testid="detail-panel">
      <header>
        <div>
          <div className="kind">{kind}</div>
          <h2>{title}</h2>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      {Number(picked.properties.clusterCount) > 1 ? (
        <p className="stands-for" data-testid="stands-for">
          {fill(t('cmd.standsFor'), { n: Number(picked.properties.clusterCount).toLocaleString(locale) })}
          <small>{fill(t('cmd.standsForBasis'), { n: Number(picked.properties.clusterCount).toLocaleString(locale) })}</small>
        </p>
      ) : null}
      {n > 1 && onChoose ? (
        <nav className="chooser" aria-label={fill(t('cmd.choose'), { n })} data-testid="overlap-chooser">
          <button type="button" onClick={() => onChoose((at - 1 + n) % n)} aria-label={t('cmd.prev')} data-testid="chooser-prev">
            ‹
          </button>
          <span data-testid="chooser-position">
            {at + 1} / {n}
          </span>
          <button type="button" onClick={() => onChoose((at + 1) % n)} aria-label={t('cmd.next')} data-testid="chooser-next">
            ›
          </button>
          <ul className="chooser-list">
            {picked.stack!.map((p, i) => (
              <li key={i}>
                <button type="button" aria-current={i === at} className={i === at ? 'on' : ''} onClick={() => onChoose(i)}>
                  {String(p.properties.name ?? p.properties.code ?? '')} <small>{p.layer === 'emap' ? t('emap') : t(`cmd.hit.${p.layer}`)}</small>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {picked.properties.sample ? <div className="badge sample">{t('sample')}</div> : null}
      <dl>
        {rows.map((r) => (
          <div key={r.key} className="row">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {picked.layer === 'hazard-sources' && onIncident ? (
        <button type="button" className="incident-start" onClick={onIncident} data-testid="incident-from-source">
          {translate(locale, 'incident.fromSource')}
        </button>
      ) : null}
      {picked.layer !== 'emap' && picked.layer !== 'coordinates' && picked.layer !== 'demand-points' && picked.properties.id !== undefined ? <AuditHistory layer={picked.layer} id={picked.properties.id as number} /> : null}
    </aside>
  );
}
