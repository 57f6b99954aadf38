/** Right panel: every field of the clicked feature the commander may see. */
import { useI18n } from '../i18n/index.js';
import type { Picked } from './CommandMap.js';
import { detailRows } from './detail-fields.js';

interface Props {
  picked: Picked;
  townshipName: (code: string) => string | undefined;
  onClose: () => void;
}

export function DetailPanel({ picked, townshipName, onClose }: Props) {
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
      {picked.layer !== 'emap' ? (
        <p className="sub-note" title={t('auditPending')}>
          {t('auditPending')}
        </p>
      ) : null}
    </aside>
  );
}
