/** Right-column panel of the incident tool: where, what, wind → headline figures and the tables. */
import { ZoneModelNote } from './ZoneModelNote.js';
import type { RiskLevel } from '../api/types.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, useScoped } from '../i18n/index.js';
import type { IncidentTool } from './use-incident.js';
import { INCIDENT_TYPES, type IncidentType } from './types.js';
import { IncidentTables } from './IncidentTables.js';
import { summarize, WIND_DIRECTIONS } from './incident-logic.js';

interface Props {
  incident: IncidentTool;
  colours: Record<RiskLevel, string>;
  onPrint: () => void;
}

export function IncidentPanel({ incident, colours, onPrint }: Props) {
  const w = useScoped('incident');
  const { locale } = useI18n();
  const { origin, form, result, status } = incident;
  const sum = result ? summarize(result) : null;
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <section className="panel incident-panel" aria-label={w('tool')} data-testid="incident-panel" data-state={status}>
      <header className="incident-head">
        <h2>{w('tool')}</h2>
        <button type="button" className="icon-button" onClick={incident.close} aria-label={w('close')} data-testid="incident-close">
          ×
        </button>
      </header>
      <p className="sub-note" data-testid="incident-origin">
        {origin ? `${w('origin')}: ${origin.kind === 'source' ? origin.name : `${w('point')} ${origin.lonLat[0].toFixed(5)}, ${origin.lonLat[1].toFixed(5)}`}` : w('toolHint')}
      </p>
      <div className="incident-form">
        <label>
          {w('type')}
          <select value={form.type ?? ''} onChange={(e) => incident.setForm({ type: (e.target.value || null) as IncidentType | null })} data-testid="incident-type">
            <option value="">{origin?.kind === 'point' ? w('type.fire') : w('type.auto')}</option>
            {INCIDENT_TYPES.map((k) => (
              <option key={k} value={k}>
                {w(`type.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {w('wind')}
          <select value={form.windFromDeg ?? ''} onChange={(e) => incident.setForm({ windFromDeg: e.target.value === '' ? null : Number(e.target.value) })} data-testid="incident-wind">
            <option value="">{w('wind.none')}</option>
            {WIND_DIRECTIONS.map((d) => (
              <option key={d.key} value={d.deg}>
                {w(`wind.${d.key}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {w('windSpeed')}
          <input type="number" min={0} max={60} step={0.5} value={form.windSpeedMs} disabled={form.windFromDeg === null} onChange={(e) => incident.setForm({ windSpeedMs: Number(e.target.value) || 0 })} data-testid="incident-wind-speed" />
        </label>
      </div>
      {status === 'running' ? <p className="sub-note">{w('running')}</p> : null}
      {status === 'error' ? <p className="error" role="alert">{w('failed')}: {errorText(incident.error, locale)}</p> : null}
      {result && sum ? (
        <div data-testid="incident-result">
          <div className="incident-figures">
            <Figure label={w('population')} value={n(sum.population)} testid="incident-population" />
            <Figure label={w('evacuees')} value={n(sum.evacuees)} />
            <Figure label={w('unplaced')} value={n(sum.unplaced)} warn={sum.unplaced > 0} />
            <Figure label={w('domino')} value={n(sum.dominoRisks)} warn={sum.dominoMajor > 0} />
            <Figure label={w('firstEta')} value={sum.firstEtaMinutes === null ? '—' : `${sum.firstEtaMinutes} ${w('minutes')}`} />
          </div>
          <p className="sub-note">
            {w('computedIn')} {result.timeMs} ms · {w(`type.${result.scenario.type}`)}
          </p>
          <ZoneModelNote model={result.consequence} />
          <button type="button" className="incident-print" onClick={onPrint} data-testid="incident-print">
            {w('printBrief')}
          </button>
          <IncidentTables r={result} colours={colours} />
        </div>
      ) : null}
    </section>
  );
}

function Figure({ label, value, warn, testid }: { label: string; value: string; warn?: boolean; testid?: string }) {
  return (
    <div className={`figure${warn ? ' warn' : ''}`} data-testid={testid}>
      <span className="n">{value}</span>
      <span>{label}</span>
    </div>
  );
}
