/** Right panel: every field of the clicked feature the commander may see. */
import { useI18n } from '../i18n/index.js';
import type { Picked } from './CommandMap.js';
import { detailRows } from './detail-fields.js';
import { AuditHistory } from './AuditHistory.js';
import { wt } from '../whatif/messages.js';

interface Props {
  picked: Picked;
  townshipName: (code: string) => string | undefined;
  onClose: () => void;
  /** Start the incident what-if at this hazard source. */
  onWhatIf?: () => void;
}

export function DetailPanel({ picked, townshipName, onClose, onWhatIf }: Props) {
  const { t, locale } = useI18n();
  const rows = detailRows(picked.properties, locale, townshipName);
  const title = String(picked.properties.name ?? picked.properties.code ?? '');
  const kind = picked.layer === 'emap' ? t('emap') : t(`layer.${picked.layer}`);
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
      {picked.properties.sample ? <div className="badge sample">{t('sample')}</div> : null}
      <dl>
        {rows.map((r) => (
          <div key={r.key} className="row">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {picked.layer === 'hazard-sources' && onWhatIf ? (
        <button type="button" className="whatif-start" onClick={onWhatIf} data-testid="whatif-from-source">
          {wt(locale, 'fromSource')}
        </button>
      ) : null}
      {picked.layer !== 'emap' && picked.properties.id !== undefined ? <AuditHistory layer={picked.layer} id={picked.properties.id as number} /> : null}
    </aside>
  );
}
