/** The detail panel's audit history: who changed what and when (GET /api/audit?layer=&id=). */
import { useEffect, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { auditList } from '@riskmap/contract';
import { call } from '../api/client.js';
import { scoped, useI18n } from '../i18n/index.js';
import { auditQuery, changedFields, type AuditEntry } from './audit-diff.js';
import { fieldLabel, formatDateTime, formatValue } from './detail-fields.js';

export function AuditHistory({ layer, id }: { layer: string; id: number | string }) {
  const { locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setOpen(false);
    setEntries(null);
    setError(null);
  }, [layer, id]);
  useEffect(() => {
    if (!open || entries) return;
    call(auditList, { query: auditQuery(layer, id) }).then((r) => setEntries(r.entries), (e: unknown) => setError(errorText(e, locale)));
  }, [open, entries, layer, id]);
  return (
    <div className="audit">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="audit-link">
        {scoped(locale, 'cmd')('auditHistory')}
      </button>
      {open ? (
        <div data-testid="audit-history">
          {error ? <p className="error">{error}</p> : null}
          {entries && entries.length === 0 ? <p className="sub-note">{scoped(locale, 'cmd')('auditNone')}</p> : null}
          <ol className="audit-list">
            {entries?.map((e) => (
              <li key={e.id}>
                <div>
                  <strong>{scoped(locale, 'cmd')(`audit.${e.action}`)}</strong> · {e.actor} · {formatDateTime(e.at, locale)}
                </div>
                <ul>
                  {changedFields(e).slice(0, 8).map((c) => (
                    <li key={c.key}>
                      {fieldLabel(c.key, locale)}: {formatValue(c.key, c.beforeRaw, locale)} → {formatValue(c.key, c.afterRaw, locale)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
