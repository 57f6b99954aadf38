/** Import a file through the UI: template, dry run (mapping, changes, bad rows with reasons), then commit all-or-nothing. */
import { useRef, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { fill, useI18n, type MessageKey } from '../i18n/index.js';
import { canCommit, formatOf, rememberMapping, rememberedMapping, type ImportReport, type UserMapping } from './import-logic.js';
import { ApiError, qs, send } from '../api/client.js';
import { ImportMapping } from './ImportMapping.js';
import { ImportChanges } from './ImportChanges.js';

const LAYERS = ['shelters', 'fire-stations', 'warehouses', 'candidate-sites', 'demand-points', 'townships', 'risk-points', 'hazard-sources', 'hidden-hazards'] as const;
const CRS = ['auto', 'wgs84', 'cgcs2000', 'gcj02', 'bd09', 'EPSG:4548', 'EPSG:4527', 'EPSG:3857'] as const;

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t, locale } = useI18n();
  const [layer, setLayer] = useState<(typeof LAYERS)[number]>('shelters');
  const [crs, setCrs] = useState<(typeof CRS)[number]>('auto');
  const [mode, setMode] = useState<'create' | 'update'>('create');
  const [absent, setAbsent] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mapping, setMapping] = useState<UserMapping>({});
  const [remembered, setRemembered] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const jobRef = useRef<{ id: string; dryRun: boolean } | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);

  const reset = () => (setReport(null), setMapping({}), setRemembered(false), setNote(null), setError(null));

  const upload = async (dryRun: boolean, userMapping: UserMapping = mapping) => {
    if (!file) return;
    const format = formatOf(file.name);
    if (!format) return setError(t('planning.import.badType'));
    setBusy(true);
    setError(null);
    setNote(null);
    const controller = new AbortController();
    abort.current = controller;
    const job = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    jobRef.current = { id: job, dryRun };
    setProgress(null);
    const poll = setInterval(() => {
      void send<{ phase: string; done: number; total: number }>('GET', `/api/imports/jobs/${job}`).then(setProgress, () => undefined);
    }, 700);
    try {
      const query = { job, dryRun, format, crs: crs === 'auto' ? undefined : crs, mode, absent: mode === 'update' && absent ? true : undefined, filename: file.name, lang: locale, mapping: Object.keys(userMapping).length ? JSON.stringify(userMapping) : undefined };
      let r = await send<ImportReport>('POST', `/api/imports/${layer}${qs(query)}`, undefined, { bytes: file, type: 'application/octet-stream' }, controller.signal);
      if (dryRun && r.mapping && !Object.keys(userMapping).length) {
        const headings = r.mapping.map((m) => m.column);
        const saved = rememberedMapping(layer, headings);
        if (Object.keys(saved).length) {
          setMapping(saved);
          setRemembered(true);
          r = await send<ImportReport>('POST', `/api/imports/${layer}${qs({ ...query, mapping: JSON.stringify(saved) })}`, undefined, { bytes: file, type: 'application/octet-stream' }, controller.signal);
        }
      }
      setReport(r);
      if (!dryRun) onImported();
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'aborted' || err.code === 'import_cancelled') {
        setNote(t('planning.import.cancelled'));
        return;
      }
      setError(errorText(err, locale));
      if (Array.isArray(err.details?.errors)) setReport({ dryRun: true, layer, format, crs: crs === 'auto' ? '' : crs, rows: 0, valid: 0, invalidRows: (err.details.errors as unknown[]).length, errors: err.details.errors as ImportReport['errors'], warnings: [] });
    } finally {
      clearInterval(poll);
      abort.current = null;
      jobRef.current = null;
      setProgress(null);
      setBusy(false);
    }
  };

  /** Cancel: the server rolls a running commit back at its next batch; a dry run is simply abandoned. */
  const cancel = () => {
    const job = jobRef.current;
    if (!job) return;
    // too late (the import is committing, or ended): say so; the upload's own answer then shows its result
    void send('DELETE', `/api/imports/jobs/${job.id}`).catch((e: ApiError) => {
      if (e.code === 'import_committing' || e.code === 'import_ended') setNote(errorText(e, locale));
    });
    if (job.dryRun) abort.current?.abort();
  };

  const recheck = () => {
    if (report?.mapping) rememberMapping(layer, report.mapping.map((m) => m.column), mapping);
    void upload(true, mapping);
  };

  return (
    <div className="import-panel" data-testid="import-panel">
      <label className="field">
        {t('planning.import.layer')}
        <select value={layer} onChange={(e) => (setLayer(e.target.value as typeof layer), reset())} data-testid="import-layer">
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {t(`planning.import.layer.${l}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <p className="sub-note">
        <a href={`/api/imports/${layer}/template.xlsx?lang=${locale}`} download data-testid="import-template">
          {t('planning.import.template')}
        </a>
        {' · '}
        {t('planning.import.templateNote')}
      </p>
      <label className="field">
        {t('planning.import.mode')}
        <select value={mode} onChange={(e) => (setMode(e.target.value as typeof mode), setReport(null))} data-testid="import-mode">
          <option value="create">{t('planning.import.mode.create')}</option>
          <option value="update">{t('planning.import.mode.update')}</option>
        </select>
      </label>
      {mode === 'update' ? (
        <label className="check">
          <input type="checkbox" checked={absent} onChange={(e) => setAbsent(e.target.checked)} /> {t('planning.import.absent')}
        </label>
      ) : null}
      <label className="field">
        {t('planning.import.crs')}
        <select value={crs} onChange={(e) => setCrs(e.target.value as typeof crs)}>
          {CRS.map((c) => (
            <option key={c} value={c}>
              {t(`planning.import.crs.${c}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('planning.import.file')}
        <input type="file" accept=".geojson,.json,.csv,.xlsx,.zip,.gpkg,.kml,.kmz" onChange={(e) => (setFile(e.target.files?.[0] ?? null), reset())} data-testid="import-file" />
      </label>
      <div className="row-buttons">
        <button type="button" className="primary" disabled={!file || busy} onClick={() => void upload(true)} data-testid="import-dry-run">
          {t('planning.import.check')}
        </button>
        <button type="button" disabled={!canCommit(report) || busy} onClick={() => void upload(false)} data-testid="import-commit">
          {t('planning.import.commit')}
        </button>
        {busy ? (
          <button type="button" onClick={cancel} disabled={progress?.phase === 'committing'} data-testid="import-cancel">
            {t('planning.import.cancel')}
          </button>
        ) : null}
      </div>
      {busy ? (
        <p role="status" className="sub-note" data-testid="import-progress">
          {t('planning.import.working')}
          {progress ? ` ${t(`planning.import.phase.${progress.phase}` as MessageKey)}${progress.total ? ` ${progress.done} / ${progress.total}` : ''}` : ''}
        </p>
      ) : null}
      {note ? <p role="status" className="sub-note">{note}</p> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      {report ? (
        <div className="import-report" data-testid="import-report">
          {report.dryRun ? (
            <p>
              {fill(t('planning.import.summary'), { rows: report.rows, valid: report.valid, bad: report.invalidRows })}
              {report.encoding ? ` · ${report.encoding}` : ''}
            </p>
          ) : (
            <p className="ok" data-testid="import-done">
              {report.updated ? fill(t('planning.import.doneUpdate'), { created: report.created ?? 0, updated: report.updated }) : fill(t('planning.import.done'), { n: report.imported ?? 0 })}
            </p>
          )}
          {report.dryRun && report.mapping?.length && report.fields ? (
            <>
              {remembered ? <p className="sub-note">{t('planning.import.remembered')}</p> : null}
              <ImportMapping mapping={report.mapping} fields={report.fields} user={mapping} onChange={setMapping} />
              <button type="button" disabled={busy} onClick={recheck} data-testid="import-recheck">
                {t('planning.import.recheck')}
              </button>
            </>
          ) : null}
          {report.dryRun && report.changes && mode === 'update' ? <ImportChanges changes={report.changes} /> : null}
          {report.errors?.length ? (
            <table className="compare-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th>{t('planning.import.row')}</th>
                  <th>{t('planning.edit.field')}</th>
                  <th>{t('planning.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.slice(0, 200).map((e, i) => (
                  <tr key={i} title={e.message}>
                    <td>{e.row}</td>
                    <td>{e.column ?? e.field}</td>
                    <td>{e.reason ?? e.message}</td>
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
