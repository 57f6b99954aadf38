/** Import a file through the UI: dry run first (bad rows with reasons), then commit all-or-nothing. */
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { canCommit, formatOf, type ImportReport } from './import-logic.js';
import { RequestError, qs, send } from './planning-api.js';

const LAYERS = ['shelters', 'fire-stations', 'warehouses', 'candidate-sites', 'demand-points'] as const;
const CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [layer, setLayer] = useState<(typeof LAYERS)[number]>('shelters');
  const [crs, setCrs] = useState<(typeof CRS)[number]>('wgs84');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (dryRun: boolean) => {
    if (!file) return;
    const format = formatOf(file.name);
    if (!format) return setError(t('planning.import.badType'));
    setBusy(true);
    setError(null);
    try {
      const r = await send<ImportReport>('POST', `/api/imports/${layer}${qs({ dryRun, format, crs, filename: file.name })}`, undefined, { bytes: file, type: 'application/octet-stream' });
      setReport(r);
      if (!dryRun) onImported();
    } catch (e) {
      const err = e as RequestError;
      setError(err.message);
      if (Array.isArray(err.details?.errors)) setReport({ dryRun: true, layer, format, crs, rows: 0, valid: 0, invalidRows: (err.details.errors as unknown[]).length, errors: err.details.errors as ImportReport['errors'], warnings: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-panel" data-testid="import-panel">
      <label className="field">
        {t('planning.import.layer')}
        <select value={layer} onChange={(e) => (setLayer(e.target.value as typeof layer), setReport(null))} data-testid="import-layer">
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {t(`planning.import.layer.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('planning.import.crs')}
        <select value={crs} onChange={(e) => setCrs(e.target.value as typeof crs)}>
          {CRS.map((c) => (
            <option key={c} value={c}>
              {t(`planning.import.crs.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('planning.import.file')}
        <input type="file" accept=".geojson,.json,.csv,.xlsx,.zip" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setReport(null))} data-testid="import-file" />
      </label>
      <div className="row-buttons">
        <button type="button" className="primary" disabled={!file || busy} onClick={() => void upload(true)} data-testid="import-dry-run">
          {t('planning.import.check')}
        </button>
        <button type="button" disabled={!canCommit(report) || busy} onClick={() => void upload(false)} data-testid="import-commit">
          {t('planning.import.commit')}
        </button>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {report ? (
        <div className="import-report" data-testid="import-report">
          {report.dryRun ? (
            <p>
              {t('planning.import.summary').replace('{rows}', String(report.rows)).replace('{valid}', String(report.valid)).replace('{bad}', String(report.invalidRows))}
              {report.encoding ? ` · ${report.encoding}` : ''}
            </p>
          ) : (
            <p className="ok" data-testid="import-done">
              {t('planning.import.done').replace('{n}', String(report.imported ?? 0))}
            </p>
          )}
          {report.errors?.length ? (
            <table className="compare-table">
              <thead>
                <tr>
                  <th>{t('planning.import.row')}</th>
                  <th>{t('planning.edit.field')}</th>
                  <th>{t('planning.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.slice(0, 200).map((e, i) => (
                  <tr key={i}>
                    <td>{e.row}</td>
                    <td>{e.column ?? e.field}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {report.warnings.map((w) => (
            <p key={w} className="sub-note">
              ⚠ {w}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
