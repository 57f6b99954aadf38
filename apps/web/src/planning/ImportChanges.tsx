/** What an update-by-code import would change: counts, and field by field old → new. */
import { fill, useI18n } from '../i18n/index.js';
import { shownValue, type ImportChanges as Changes } from './import-logic.js';

export function ImportChanges({ changes }: { changes: Changes }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-changes">
      <p>{fill(t('planning.import.changes'), { created: changes.created, updated: changes.updated, unchanged: changes.unchanged })}</p>
      {changes.updatedRows.length ? (
        <table className="compare-table">
          <thead>
            <tr>
              <th>{t('planning.import.row')}</th>
              <th>{t('planning.import.code')}</th>
              <th>{t('planning.import.changedFields')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.updatedRows.slice(0, 200).map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.code}</td>
                <td>
                  {r.fields.map((f) => (
                    <div key={f.field}>
                      {f.label}：{shownValue(f.old)} → {shownValue(f.new)}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {changes.absent !== undefined ? (
        <p className="sub-note" data-testid="import-absent">
          {fill(t('planning.import.absentN'), { n: changes.absent })}
          {changes.absentRecords?.length ? `：${changes.absentRecords.slice(0, 20).map((r) => `${r.code} ${r.name}`).join('、')}${changes.absentRecords.length > 20 ? '…' : ''}` : ''}
        </p>
      ) : null}
    </div>
  );
}
