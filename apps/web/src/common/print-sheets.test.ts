import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { translate, type Locale, type MessageKey } from '../i18n/index.js';
import { printFrameMm, pngFrameMm } from './print-frame.js';
import { commandLegend } from '../command/command-sheet.js';
import { planningLegend } from '../planning/planning-legend.js';
import { incidentLegend } from '../incident/incident-legend.js';
import type { Impact } from '../incident/types.js';

const T = (l: Locale) => (k: MessageKey) => translate(l, k);
const colours = { 1: '#f00', 2: '#f90', 3: '#ff0', 4: '#00f' } as const;
const pt = (props: Record<string, unknown>) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1] }, properties: props });
const fc = (...features: ReturnType<typeof pt>[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('printed frames', () => {
  it('gives the map the page less 10 mm margins and the sheet’s reserved height, A4 and A3 landscape', () => {
    expect(printFrameMm('A4', 'command')).toEqual({ widthMm: 277, heightMm: 150 });
    expect(printFrameMm('A4', 'planning')).toEqual({ widthMm: 277, heightMm: 120 });
    expect(printFrameMm('A4', 'incident')).toEqual({ widthMm: 277, heightMm: 70 });
    expect(printFrameMm('A3', 'command')).toEqual({ widthMm: 400, heightMm: 237 });
    expect(pngFrameMm('A3').widthMm).toBeGreaterThan(pngFrameMm('A4').widthMm);
  });
});

describe('legends list every symbol the map draws', () => {
  it('command: levels switched on, hazard sources major and ordinary, shelters by the statuses present, facilities, boundary', () => {
    const items = commandLegend(T('zh-CN'), 'zh-CN', colours, {
      visible: { townships: true, 'risk-points': true, 'hazard-sources': true, shelters: true, warehouses: false, 'fire-stations': true },
      levels: { 1: true, 2: true, 3: false, 4: true },
      mode: 'off',
      layers: { 'hazard-sources': fc(pt({ isMajor: true }), pt({ isMajor: false })), shelters: fc(pt({ status: 'open' }), pt({ status: 'built' })), 'fire-stations': fc(pt({})) } as never,
      incident: null,
      hiddenHazards: { hazards: { features: [{ properties: { grade: 'major', overdue: true } }] }, flags: { features: [] } },
    });
    const labels = items.map((i) => i.label);
    expect(labels.filter((l) => l.startsWith('风险点 · '))).toHaveLength(3);
    expect(labels).toEqual(expect.arrayContaining(['未销号重大隐患', '逾期隐患']));
    expect(labels).not.toContain('未销号一般隐患');
    expect(items.map((i) => i.icon).filter(Boolean)).toEqual(['hazard-major', 'hazard', 'shelter-open', 'shelter-built', 'fire-station']);
    expect(labels).toContain('乡镇（街道）界');
    expect(labels.some((l) => l.includes('物资'))).toBe(false);
  });
  it('planning: per-capita classes, reach, uncovered demand, shelters by status, fire stations, warehouses, proposed and uncoverable', () => {
    const items = planningLegend(T('en'), 'en', {
      pc: fc(pt({})),
      reach: fc(pt({ kind: 'short-term' }), pt({ kind: 'fire' })),
      uncovered: fc(pt({})),
      shelters: fc(pt({ status: 'open' }), pt({ status: 'planned' })),
      'fire-stations': fc(pt({})),
      warehouses: fc(pt({})),
      proposed: fc(pt({})),
      uncoverable: fc(pt({})),
      compare: fc(),
      draft: fc(),
    });
    const labels = items.map((i) => i.label);
    expect(labels.slice(0, 5)).toEqual(['Shelter area per person, share of target < 50%', '50–80%', '80–100%', '100–150%', '≥ 150%']);
    expect(labels).toEqual(expect.arrayContaining(['Uncovered demand point', 'Proposed site', 'Demand no site can cover']));
    expect(items.map((i) => i.icon).filter(Boolean)).toEqual(['shelter-open', 'shelter-planned', 'fire-station', 'warehouse']);
    expect(labels.filter((l) => l.startsWith('Service area'))).toHaveLength(2);
    expect(labels).not.toContain('Compared scenario site');
  });
  it('incident: each zone, the incident, villages evacuated and sheltering, routes and shelters used', () => {
    const r = {
      zones: { type: 'FeatureCollection', features: [1, 0].map((rank) => ({ type: 'Feature', geometry: null, properties: { rank, key: rank ? 'evacuate' : 'severe' } })) },
      villages: [{ evacuate: true }, { evacuate: false }],
      allocationLines: fc(pt({})),
      safeShelters: [{ allocated: 10 }],
      unsafeShelters: [],
    } as unknown as Impact;
    const labels = incidentLegend(T('zh-CN'), 'zh-CN', r).map((i) => i.label);
    expect(labels).toEqual(['重度伤害区', '疏散区', '事故点', '需疏散村庄', '就地避险村庄', '疏散路线', '安置用避难场所']);
  });
});
