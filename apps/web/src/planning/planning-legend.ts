/** Legend of what the planning map draws now (from the map's own data): per-capita classes, reach, facilities by kind and status, siting marks. */
import type { FeatureCollection } from 'geojson';
import type { Locale, MessageKey, Translate } from '../i18n/index.js';
import type { LegendItem } from '../common/legend.js';
import { REACH_COLOURS } from './coverage-logic.js';
import { CLASSES } from './per-capita-logic.js';

const any = (fc: FeatureCollection | undefined) => (fc?.features.length ?? 0) > 0;

export function planningLegend(t: Translate, locale: Locale, data: Record<string, FeatureCollection | undefined>): LegendItem[] {
  const out: LegendItem[] = [];
  // The classes read as one scale: the quantity named once, on the first class.
  if (any(data.pc)) out.push(...CLASSES.map((c, i) => ({ colour: c.colour, stroke: '#4d5b69', label: `${i === 0 ? `${t('print.legend.perCapita')} ` : ''}${locale === 'en' ? c.en : c.zh}`, shape: 'box' as const })));
  const kinds = [...new Set((data.reach?.features ?? []).map((f) => String(f.properties?.kind ?? '')))];
  for (const k of kinds) out.push({ colour: REACH_COLOURS[k] ?? '#4575b4', label: `${t('print.legend.reach')}${k && k !== 'fire' && k !== 'warehouse' ? ` · ${t(`shelterClass.${k}` as MessageKey)}` : ''}`, shape: 'ring' });
  if (any(data.uncovered)) out.push({ colour: '#ff7f00', stroke: '#5a2d00', label: t('print.legend.uncovered'), shape: 'dot' });
  const statuses = new Set((data.shelters?.features ?? []).map((f) => String(f.properties?.status)));
  for (const s of ['open', 'built', 'planned', 'closed']) if (statuses.has(s)) out.push({ icon: `shelter-${s}`, colour: '#1a9850', label: `${t('print.legend.shelter')} · ${t(`status.${s}` as MessageKey)}` });
  if (any(data['fire-stations'])) out.push({ icon: 'fire-station', colour: '#c51b1b', label: t('layer.fire-stations') });
  if (any(data.warehouses)) out.push({ icon: 'warehouse', colour: '#6a3d9a', label: t('layer.warehouses') });
  if (any(data.proposed)) out.push({ colour: '#ffd400', stroke: '#1a1a1a', label: t('print.legend.proposed'), shape: 'dot' });
  if (any(data.compare)) out.push({ colour: '#1a1a1a', label: t('print.legend.compare'), shape: 'ring' });
  if (any(data.uncoverable)) out.push({ colour: '#8c8c8c', stroke: '#262626', label: t('print.legend.uncoverable'), shape: 'dot' });
  if (any(data.draft)) out.push({ colour: 'rgba(0,229,255,0.35)', stroke: '#00a3b8', label: t('print.legend.draft'), shape: 'dot' });
  out.push({ colour: '#6b7c8f', label: t('print.legend.townships'), shape: 'dash' });
  return out;
}
