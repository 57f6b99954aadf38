/** Title, legend (every symbol the command map draws now), date, source and watermark of the printed / exported command map. */
import type { LayerSet, RiskLevel } from '../api/types.js';
import type { Locale, MessageKey, Translate } from '../i18n/index.js';
import type { SheetText } from '../common/print-map.js';
import type { LegendItem } from '../common/legend.js';
import type { Impact } from '../incident/types.js';
import { incidentLegend } from '../incident/incident-legend.js';
import { HAZARD_COLOURS } from '../hazards/hazard-map-layers.js';

/** What the command map shows (layer toggles, levels, four-colour mode, the incident answer). */
export interface CommandDrawn {
  visible: Partial<Record<keyof LayerSet, boolean>>;
  levels: Record<RiskLevel, boolean>;
  mode: 'off' | 'township' | 'grid' | 'heat';
  layers: Partial<LayerSet>;
  incident: Impact | null;
  /** The hidden-hazard overlay (signed-in roles): open hazards by grade, overdue ones, flagged risk points. */
  hiddenHazards?: { hazards: { features: { properties: unknown }[] } | null; flags: { features: unknown[] } | null };
}

const ALL_ON: CommandDrawn = {
  visible: { townships: true, 'risk-points': true, 'hazard-sources': true, shelters: true, warehouses: true, 'fire-stations': true },
  levels: { 1: true, 2: true, 3: true, 4: true },
  mode: 'off',
  layers: {},
  incident: null,
};

const props = (d: CommandDrawn, id: keyof LayerSet) => (d.layers[id]?.features ?? []).map((f) => f.properties as unknown as Record<string, unknown>);
const shown = (d: CommandDrawn, id: keyof LayerSet) => d.visible[id] !== false && (d.layers[id] === undefined || d.layers[id]!.features.length > 0);

/** The legend of what the command map draws (`drawn` defaults to every layer on). */
export function commandLegend(t: Translate, locale: Locale, colours: Record<RiskLevel, string>, drawn: CommandDrawn = ALL_ON): LegendItem[] {
  const out: LegendItem[] = [];
  const levels = ([1, 2, 3, 4] as RiskLevel[]).filter((l) => drawn.levels[l]);
  if (shown(drawn, 'risk-points') && drawn.mode !== 'heat') out.push(...levels.map((l) => ({ colour: colours[l], label: `${drawn.mode === 'off' ? `${t('print.legend.riskPoint')} · ` : ''}${t(`level.${l}` as MessageKey)}${drawn.mode === 'off' ? '' : ` · ${t('print.legend.emap')}`}`, shape: drawn.mode === 'off' ? ('dot' as const) : ('box' as const), stroke: '#ffffff' })));
  if (shown(drawn, 'risk-points') && drawn.mode === 'heat') out.push({ colour: colours[1], label: t('print.legend.heat'), shape: 'box' });
  if (shown(drawn, 'hazard-sources')) {
    const hs = props(drawn, 'hazard-sources');
    if (!drawn.layers['hazard-sources'] || hs.some((p) => p.isMajor === true)) out.push({ icon: 'hazard-major', colour: '#8b0000', label: t('print.legend.hazardMajor') });
    if (!drawn.layers['hazard-sources'] || hs.some((p) => p.isMajor !== true)) out.push({ icon: 'hazard', colour: '#a0522d', label: t('print.legend.hazard') });
  }
  if (shown(drawn, 'shelters')) {
    const present = new Set(props(drawn, 'shelters').map((p) => String(p.status)));
    for (const s of ['open', 'built', 'planned', 'closed']) if (!drawn.layers.shelters ? s === 'open' : present.has(s)) out.push({ icon: `shelter-${s}`, colour: '#1a9850', label: `${t('print.legend.shelter')} · ${t(`status.${s}` as MessageKey)}` });
  }
  if (shown(drawn, 'warehouses')) out.push({ icon: 'warehouse', colour: '#6a3d9a', label: t('layer.warehouses') });
  if (shown(drawn, 'fire-stations')) out.push({ icon: 'fire-station', colour: '#c51b1b', label: t('layer.fire-stations') });
  const hh = drawn.hiddenHazards;
  if (hh?.hazards && hh.hazards.features.length > 0) {
    const ps = hh.hazards.features.map((f) => (f.properties ?? {}) as { grade?: string; overdue?: boolean });
    if (ps.some((p) => p.grade === 'major')) out.push({ colour: HAZARD_COLOURS.major, stroke: '#ffffff', label: t('print.legend.hiddenMajor'), shape: 'dot' });
    if (ps.some((p) => p.grade !== 'major')) out.push({ colour: HAZARD_COLOURS.general, stroke: '#ffffff', label: t('print.legend.hiddenGeneral'), shape: 'dot' });
    if (ps.some((p) => p.overdue === true)) out.push({ colour: HAZARD_COLOURS.overdue, label: t('print.legend.hiddenOverdue'), shape: 'ring' });
  }
  if (hh?.flags && hh.flags.features.length > 0) out.push({ colour: HAZARD_COLOURS.flag, label: t('print.legend.hiddenFlag'), shape: 'ring' });
  if (drawn.visible.townships !== false) out.push({ colour: '#6b7c8f', label: t('print.legend.townships'), shape: 'dash' });
  if (drawn.incident) out.push(...incidentLegend(t, locale, drawn.incident));
  return out;
}

export function commandSheet(t: Translate, locale: Locale, colours: Record<RiskLevel, string>, sample: boolean, drawn?: CommandDrawn): SheetText {
  return {
    title: t('printTitle'),
    legend: commandLegend(t, locale, colours, drawn),
    date: `${t('printDate')}: ${new Date().toLocaleDateString(locale)}`,
    source: t('printSource'),
    watermark: sample ? t('sample') : null,
  };
}
