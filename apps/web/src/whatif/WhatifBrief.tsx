/** The one-page printed brief: title, scenario, time stamp, headline figures and tables (the map prints above it). */
import type { RiskLevel } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { useWt } from './messages.js';
import type { Impact } from './types.js';
import { WhatifTables } from './WhatifTables.js';
import { stamp, summarize } from './whatif-logic.js';

export function WhatifBrief({ r, origin, colours, sample }: { r: Impact; origin: string; colours: Record<RiskLevel, string>; sample: boolean }) {
  const w = useWt();
  const { t, locale } = useI18n();
  const s = summarize(r);
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <div className="whatif-brief" data-testid="whatif-brief">
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
      <div className="whatif-brief-tables">
        <WhatifTables r={r} colours={colours} limit={5} />
      </div>
    </div>
  );
}
