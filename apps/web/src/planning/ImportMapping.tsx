/** The mapping step of an import: which column of the file went into which field; the user can change it. */
import { useI18n, type MessageKey } from '../i18n/index.js';
import type { ColumnMatch, UserMapping } from './import-logic.js';

export function ImportMapping({ mapping, fields, user, onChange }: { mapping: ColumnMatch[]; fields: { key: string; label: string }[]; user: UserMapping; onChange: (m: UserMapping) => void }) {
  const { t } = useI18n();
  return (
    <table className="compare-table" data-testid="import-mapping">
      <caption>{t('planning.import.mapping')}</caption>
      <thead>
        <tr>
          <th>{t('planning.import.mapping.column')}</th>
          <th>{t('planning.import.mapping.field')}</th>
          <th>{t('planning.import.mapping.how')}</th>
        </tr>
      </thead>
      <tbody>
        {mapping.map((m) => {
          const value = m.column in user ? (user[m.column] ?? '') : (m.field ?? '');
          return (
            <tr key={m.column} className={m.field ? undefined : 'muted'}>
              <td>{m.column}</td>
              <td>
                <select value={value} aria-label={m.column} data-testid={`map-${m.column}`} onChange={(e) => onChange({ ...user, [m.column]: e.target.value || null })}>
                  <option value="">{t('planning.import.mapping.skip')}</option>
                  {fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>{t(`planning.import.how.${m.how}` as MessageKey)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
