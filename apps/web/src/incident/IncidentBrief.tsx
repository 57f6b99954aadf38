/** The one-page printed brief: title, scenario, time stamp, headline figures, the legend of what the map draws and tables (the map prints above it). */
import type { RiskLevel } from '../api/types.js';
import { useI18n, useScoped } from '../i18n/index.js';
import type { Impact } from './types.js';
import { IncidentTables } from './IncidentTables.js';
import { ZoneModelNote } from './ZoneModelNote.js';
import { PrintLegend } from '../common/PrintLegend.js';
import { incidentLegend } from './incident-legend.js';
import { stamp, summarize } from './incident-logic.js';

export function IncidentBrief({ r, origin, colours, sample }: { r: Impact; origin: string; colours: Record<RiskLevel, string>; sample: boolean }) {
  const w = useScoped('incident');
  const { t, locale } = useI18n();
  const s = summarize(r);
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <div className="incident-brief" data-testid="incident-brief">
      <h1>{w('briefTitle')}</h1>
      <p>
        {w('origin')}: <strong>{origin}</strong> · {w(`type.${r.scenario.type}`)}
        {r.scenario.windFromDeg !== null ? ` · ${w('wind')} ${r.scenario.windFromDeg}° ${r.scenario.windSpeedMs ?? ''} m/s` : ''} · {w('generatedAt')}: {stamp(new Date())}
        {sample ? ` · ${t('sample')}` : ''}
      </p>
      <p>
        {w('population')} {n(s.population)} · {w('evacuees')} {n(s.evacuees)} · {w('placed')} {n(s.placed)} · {w('unplaced')} {n(s.unplaced)} · {w('domino')} {n(s.dominoRisks)}
        {s.firstEtaMinutes !== null ? ` · ${w('firstEta')} ${s.firstEtaMinutes} ${w('minutes')}` : ''}
      </p>
      <ZoneModelNote model={r.consequence} />
      <PrintLegend items={incidentLegend(t, locale, r)} title={t('print.legend')} />
      <div className="incident-brief-tables">
        <IncidentTables r={r} colours={colours} limit={5} />
      </div>
    </div>
  );
}
