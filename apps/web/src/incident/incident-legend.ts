/** Legend of what the incident layers draw for an answer: its zones, villages, evacuation lines, the incident and the shelters. */
import { scoped, type Locale, type Translate } from '../i18n/index.js';
import type { LegendItem } from '../common/legend.js';
import type { Impact } from './types.js';
import { zoneColour } from './incident-logic.js';

export function incidentLegend(t: Translate, locale: Locale, r: Impact): LegendItem[] {
  const wt = scoped(locale, 'incident');
  const zones = [...r.zones.features].sort((a, b) => a.properties.rank - b.properties.rank);
  const out: LegendItem[] = zones.map((z) => ({ colour: zoneColour(z.properties.rank), stroke: zoneColour(z.properties.rank), label: wt(`zone.${z.properties.key}`), shape: 'box' }));
  out.push({ colour: '#b2182b', stroke: '#ffffff', label: t('print.legend.incident'), shape: 'dot' });
  if (r.villages.some((v) => v.evacuate)) out.push({ colour: '#542788', stroke: '#1a1a1a', label: t('print.legend.evacuated'), shape: 'dot' });
  if (r.villages.some((v) => !v.evacuate)) out.push({ colour: '#fdb863', stroke: '#1a1a1a', label: t('print.legend.sheltering'), shape: 'dot' });
  if (r.allocationLines.features.length > 0) out.push({ colour: '#1a5fb4', label: t('print.legend.evacRoute'), shape: 'dash' });
  if (r.safeShelters.some((s) => s.allocated > 0)) out.push({ colour: '#1a9850', label: t('print.legend.safeShelter'), shape: 'ring' });
  if (r.unsafeShelters.length > 0) out.push({ colour: '#b2182b', label: t('print.legend.unsafeShelter'), shape: 'ring' });
  return out;
}
