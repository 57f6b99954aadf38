/**
 * The one-page printed brief: title, scenario, time stamp, headline figures, the legend of what the map
 * draws, tables and the data source (the map prints above it). The brief is laid out off screen at the
 * paper's width; while it is taller than the room the page leaves under the map, every table lists one
 * row fewer, and each cut table says how many it left out (另有 N 个), so no row is lost unsaid.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { RiskLevel } from '../api/types.js';
import { useI18n, useScoped } from '../i18n/index.js';
import type { Impact } from './types.js';
import { IncidentTables } from './IncidentTables.js';
import { ZoneModelNote } from './ZoneModelNote.js';
import { PrintLegend } from '../common/PrintLegend.js';
import { incidentLegend } from './incident-legend.js';
import { stamp, summarize } from './incident-logic.js';
import { PAGE_MARGIN_MM, PAGE_MM, PX_PER_MM, usePaper } from '../common/print-frame.js';

/** Height (mm) the brief may take under the map (the page keeps 120 mm for it: print-frame.ts; 10 mm spare). */
export const BRIEF_HEIGHT_MM = 110;
/** Rows per table when they fit. */
const MOST_ROWS = 5;

export function IncidentBrief({ r, origin, colours, sample }: { r: Impact; origin: string; colours: Record<RiskLevel, string>; sample: boolean }) {
  const w = useScoped('incident');
  const { t, locale } = useI18n();
  const s = summarize(r);
  const n = (x: number) => x.toLocaleString(locale);
  const [paper] = usePaper();
  const ref = useRef<HTMLDivElement>(null);
  const layout = `${paper}|${locale}`;
  const [fit, setFit] = useState({ r, layout, limit: MOST_ROWS });
  const limit = fit.r === r && fit.layout === layout ? fit.limit : MOST_ROWS;
  useLayoutEffect(() => {
    const el = ref.current;
    // Not laid out (printing, or hidden): nothing to measure.
    if (!el || el.getClientRects().length === 0 || limit <= 1) return;
    if (el.scrollHeight > BRIEF_HEIGHT_MM * PX_PER_MM) setFit({ r, layout, limit: limit - 1 });
  }, [r, layout, limit]);
  const widthMm = PAGE_MM[paper][0] - 2 * PAGE_MARGIN_MM;
  return (
    <div className="incident-brief" data-testid="incident-brief" data-rows={limit} ref={ref} style={{ '--brief-w': `${widthMm}mm` } as CSSProperties}>
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
        <IncidentTables r={r} colours={colours} limit={limit} />
      </div>
      <p className="incident-brief-source" data-testid="incident-brief-source">
        {t('printSource')}
        {sample ? ` · ${t('sample')}` : ''}
      </p>
    </div>
  );
}
