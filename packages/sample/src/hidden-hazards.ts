/**
 * Sample hidden hazards (示例数据) over the sample risk points, and clearly invented plan-indicator values.
 * Deterministic: the same seed and risk points give the same hazards. Dates are fixed around
 * SAMPLE_HAZARD_DATE so the sample does not depend on the day it is loaded.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { RiskPointProps } from '@riskmap/geo';
import { layerRng, type Rng } from './prng.js';

/** The sample register's reference day: hazards are found up to it; some deadlines lie after it. */
export const SAMPLE_HAZARD_DATE = '2026-11-30';

export interface SampleHazardStep {
  code: string;
  step: string;
  fromStatus: string;
  toStatus: string;
  onDate: string;
  note: string;
  actor: string;
  role: string;
}

export interface SampleHazards {
  hazards: Feature<Point, Record<string, unknown>>[];
  steps: SampleHazardStep[];
}

const CATEGORY_BY_INDUSTRY: Record<string, string[]> = {
  'hazardous-chemicals': ['hazardous-chemicals', 'fire', 'special-equipment'],
  gas: ['gas', 'fire'],
  transport: ['transport', 'fire'],
  construction: ['construction', 'special-equipment'],
  metallurgy: ['industry', 'special-equipment'],
  fireworks: ['hazardous-chemicals', 'fire'],
  'ammonia-refrigeration': ['industry', 'special-equipment'],
  school: ['fire', 'construction'],
  'crowded-place': ['fire', 'special-equipment'],
  other: ['farm-machinery', 'industry', 'fire'],
};

const DESCRIPTIONS: Record<string, string[]> = {
  'hazardous-chemicals': ['可燃气体检测报警装置未定期检定', '罐区紧急切断阀未投用', '危险化学品混存，未分区分类储存', '特殊作业票证填写不规范'],
  fire: ['疏散通道堆放杂物', '消防栓水压不足', '应急照明损坏', '灭火器过期未更换'],
  'special-equipment': ['压力容器超期未检验', '起重机械安全保护装置失效', '叉车司机无证作业'],
  gas: ['燃气管道腐蚀未处理', '调压箱安全距离不足', '餐饮场所未安装燃气泄漏报警器'],
  transport: ['危险货物运输车辆卫星定位装置离线', '车辆安全检验逾期', '驾驶员超时驾驶记录'],
  construction: ['深基坑未按方案支护', '脚手架连墙件缺失', '临边防护不到位'],
  industry: ['液氨制冷车间未设置氨泄漏报警', '粉尘涉爆除尘系统未设锁气卸灰', '有限空间作业未审批'],
  'farm-machinery': ['拖拉机未年检上路', '联合收割机安全防护罩缺失'],
};

const pad = (n: number, w = 4) => String(n).padStart(w, '0');
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

function pickRiskPoints(rng: Rng, points: Feature<Point, RiskPointProps>[], count: number): Feature<Point, RiskPointProps>[] {
  // A few enterprises get several hazards in the last year (屡改屡犯); the rest spread over all risk points.
  const repeaters = rng.shuffle(points).slice(0, 10);
  const picks: Feature<Point, RiskPointProps>[] = [];
  for (const r of repeaters) for (let k = 0; k < rng.int(3, 5); k++) picks.push(r);
  while (picks.length < count) picks.push(rng.pick(points));
  return rng.shuffle(picks);
}

/**
 * Generate `count` sample hidden hazards in every status (some overdue, some recurring), with their steps.
 * @example generateSampleHazards(ds.riskPoints).hazards.length // 320
 */
export function generateSampleHazards(riskPoints: FeatureCollection<Point, RiskPointProps>, seed = 20220101, count = 320): SampleHazards {
  const rng = layerRng(seed, 'hidden-hazards');
  const hazards: SampleHazards['hazards'] = [];
  const steps: SampleHazardStep[] = [];
  const points = riskPoints.features.filter((f) => f.geometry?.type === 'Point');
  if (points.length === 0) return { hazards, steps };
  pickRiskPoints(rng, points, count).forEach((rp, i) => {
    const p = rp.properties;
    const category = rng.pick(CATEGORY_BY_INDUSTRY[p.industry] ?? ['other']);
    const grade = rng.chance(p.level <= 2 ? 0.12 : 0.04) ? 'major' : 'general';
    const source = rng.weighted(['self-inspection', 'department-inspection', 'expert-inspection', 'public-report'], [4, 3, 2, 1]);
    const foundOn = addDays(SAMPLE_HAZARD_DATE, -rng.int(0, 400));
    const deadline = addDays(foundOn, grade === 'major' ? rng.int(30, 120) : rng.int(7, 60));
    const age = (Date.parse(SAMPLE_HAZARD_DATE) - Date.parse(foundOn)) / 86_400_000;
    const status = age < 5 ? 'found' : rng.weighted(['found', 'rectifying', 'awaiting-acceptance', 'closed'], [1, 3, 1.5, age > 60 ? 9 : 3]);
    const assigned = status !== 'found';
    const code = `YH-${pad(i + 1)}`;
    const assignOn = minDate(addDays(foundOn, rng.int(1, 5)), SAMPLE_HAZARD_DATE);
    const reportOn = minDate(addDays(assignOn, rng.int(3, Math.max(4, Math.round(age / 2)))), SAMPLE_HAZARD_DATE);
    const closeOn = minDate(addDays(reportOn, rng.int(1, 10)), SAMPLE_HAZARD_DATE);
    const desc = rng.pick(DESCRIPTIONS[category] ?? DESCRIPTIONS.fire!);
    const [lon, lat] = rp.geometry.coordinates as [number, number];
    hazards.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Math.round((lon + rng.range(-4e-4, 4e-4)) * 1e6) / 1e6, Math.round((lat + rng.range(-4e-4, 4e-4)) * 1e6) / 1e6] },
      properties: {
        code, name: `${p.enterprise}：${desc}`, sample: true, riskPointCode: p.code, hazardSourceCode: p.hazardSourceCode, enterprise: p.enterprise,
        place: p.name, townshipCode: p.townshipCode, category, grade, discoverySource: source,
        finder: source === 'public-report' ? '12345热线（示例）' : source === 'self-inspection' ? `${p.enterprise}安全员（示例）` : '县应急局检查组（示例）',
        foundOn, description: `${desc}（示例数据）`,
        responsibleUnit: assigned ? p.responsibleUnit || p.enterprise : '', responsiblePerson: assigned ? p.responsiblePerson : '',
        measures: assigned ? `立即整改：${desc.replace(/未|不/, '')}落实到位（示例）` : '', fundsYuan: assigned ? rng.int(1, 200) * 500 : null,
        deadline: assigned ? deadline : null, contingencyPlan: assigned ? '整改期间落实临时管控措施并纳入企业现场处置方案（示例）' : '',
        status, supervised: grade === 'major', closedOn: status === 'closed' ? closeOn : null,
      },
    });
    const step = (key: string, from: string, to: string, onDate: string, actor: string, role: string, note: string) => steps.push({ code, step: key, fromStatus: from, toStatus: to, onDate, note, actor, role });
    step('record', '', 'found', foundOn, 'sample-planner', 'planner', '示例数据');
    if (assigned) step('assign', 'found', 'rectifying', assignOn, 'sample-planner', 'planner', '落实五到位（示例）');
    if (status === 'awaiting-acceptance' || status === 'closed') step('report', 'rectifying', 'awaiting-acceptance', reportOn, 'sample-planner', 'planner', '整改完成，申请验收（示例）');
    if (status === 'closed') step('close', 'awaiting-acceptance', 'closed', closeOn, 'sample-commander', 'commander', '验收合格，予以销号（示例）');
  });
  return { hazards, steps };
}

/** Invented indicator values for 2021–2025 (示例数据, not any county's figures): key → year → value. */
export function sampleIndicatorValues(seed = 20220101): { indicatorKey: string; year: number; value: number }[] {
  const rng = layerRng(seed, 'plan-indicators');
  const around: Record<string, [number, number]> = {
    'disaster-loss-gdp': [0.4, 1.3],
    'disaster-deaths-per-million': [0, 0.9],
    'forest-fire-damage': [0.05, 0.5],
    'work-deaths-per-100m-gdp': [0.004, 0.016],
    'road-deaths-per-10k-vehicles': [0.9, 1.6],
    'fire-deaths-per-100k': [0.05, 0.35],
    'shelter-per-capita-county-town': [1.2, 2.4],
  };
  const out: { indicatorKey: string; year: number; value: number }[] = [];
  for (const [key, [lo, hi]] of Object.entries(around)) {
    for (let year = 2021; year <= 2025; year++) out.push({ indicatorKey: key, year, value: Math.round(rng.range(lo, hi) * 1000) / 1000 });
  }
  return out;
}
