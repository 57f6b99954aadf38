/** The detail panel's audit history: who changed what and when (GET /api/audit?layer=&id=). */
import { useEffect, useState } from 'react';
import { getJson } from '../api/client.js';
import { useI18n } from '../i18n/index.js';
import { auditPath, changedFields, type AuditEntry } from './audit-diff.js';
import { cmt } from './command-messages.js';

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
    getJson<{ entries: AuditEntry[] }>(auditPath(layer, id)).then((r) => setEntries(r.entries), (e: Error) => setError(e.message));
  }, [open, entries, layer, id]);
  return (
    <div className="audit">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="audit-link">
        {cmt(locale, 'auditHistory')}
      </button>
      {open ? (
        <div data-testid="audit-history">
          {error ? <p className="error">{error}</p> : null}
          {entries && entries.length === 0 ? <p className="sub-note">{cmt(locale, 'auditNone')}</p> : null}
          <ol className="audit-list">
            {entries?.map((e) => (
              <li key={e.id}>
                <div>
                  <strong>{cmt(locale, `audit.${e.action}`)}</strong> · {e.actor} · {new Date(e.at).toLocaleString(locale)}
                </div>
                <ul>
                  {changedFields(e).slice(0, 8).map((c) => (
                    <li key={c.key}>
                      {c.key}: {c.before} → {c.after}
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
