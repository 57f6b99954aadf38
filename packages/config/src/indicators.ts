/**
 * The plan's scoreboard: the seven 2025 indicators of 阳谷县“十四五”应急管理规划 (2022), with the target,
 * the comparison direction and where the value comes from. `computed` indicators are figured by riskmap
 * from data it holds; the others are entered per year by an administrator with their source
 * (统计公报, 应急局 annual figures).
 */
export type IndicatorComparison = 'le' | 'lt' | 'ge' | 'gt';

export interface IndicatorDef {
  key: string;
  no: number;
  zh: string;
  en: string;
  unit: string;
  target: number;
  targetYear: number;
  comparison: IndicatorComparison;
  /** 'per-capita-shelter-county-town' = the planning page's per-capita figure of the county town; 'entered' = admin entries. */
  basis: 'entered' | 'per-capita-shelter-county-town';
  /** What the figure is and how it is counted (口径). */
  definitionZh: string;
  source: string;
}

export interface IndicatorsConfig {
  planSource: string;
  items: IndicatorDef[];
}

const PLAN = '阳谷县“十四五”应急管理规划（2022）主要指标';

export const indicatorsDefaults: IndicatorsConfig = {
  planSource: PLAN,
  items: [
    { key: 'disaster-loss-gdp', no: 1, zh: '年均因灾直接经济损失占GDP比例', en: 'Direct disaster loss as share of GDP (annual mean)', unit: '%', target: 1, targetYear: 2025, comparison: 'le', basis: 'entered', definitionZh: '因自然灾害造成的直接经济损失 ÷ 地区生产总值 × 100%', source: PLAN },
    { key: 'disaster-deaths-per-million', no: 2, zh: '年均每百万人口因灾死亡率', en: 'Disaster deaths per million residents (annual mean)', unit: '人/百万人', target: 0.5, targetYear: 2025, comparison: 'le', basis: 'entered', definitionZh: '因自然灾害死亡（含失踪）人数 ÷ 常住人口（百万人）', source: PLAN },
    { key: 'forest-fire-damage', no: 3, zh: '森林火灾年均受害率', en: 'Forest-fire damage rate (annual mean)', unit: '‰', target: 0.45, targetYear: 2025, comparison: 'le', basis: 'entered', definitionZh: '森林火灾受害面积 ÷ 森林面积 × 1000‰', source: PLAN },
    { key: 'work-deaths-per-100m-gdp', no: 4, zh: '亿元国内生产总值生产安全事故死亡率', en: 'Work-accident deaths per 100 million yuan GDP', unit: '人/亿元', target: 0.01, targetYear: 2025, comparison: 'le', basis: 'entered', definitionZh: '生产安全事故死亡人数 ÷ 地区生产总值（亿元）', source: PLAN },
    { key: 'road-deaths-per-10k-vehicles', no: 5, zh: '道路交通万车死亡率', en: 'Road deaths per 10,000 vehicles', unit: '人/万车', target: 1.35, targetYear: 2025, comparison: 'le', basis: 'entered', definitionZh: '道路交通事故死亡人数 ÷ 机动车保有量（万辆）', source: PLAN },
    { key: 'fire-deaths-per-100k', no: 6, zh: '年度十万人口火灾死亡率', en: 'Fire deaths per 100,000 residents (annual)', unit: '人/10万人', target: 0.25, targetYear: 2025, comparison: 'lt', basis: 'entered', definitionZh: '火灾死亡人数 ÷ 常住人口（10万人）', source: PLAN },
    { key: 'shelter-per-capita-county-town', no: 7, zh: '县城常住人口人均应急避难场所面积', en: 'Shelter area per county-town resident', unit: 'm²/人', target: 2.5, targetYear: 2025, comparison: 'ge', basis: 'per-capita-shelter-county-town', definitionZh: '县城（街道）开放应急避难场所有效面积 ÷ 县城常住人口（与规划页同一函数）', source: PLAN },
  ],
};

/** Whether `value` meets `target` under `comparison`. @example meetsTarget(0.8, 1, 'le') → true */
export function meetsTarget(value: number, target: number, comparison: IndicatorComparison): boolean {
  if (comparison === 'le') return value <= target;
  if (comparison === 'lt') return value < target;
  if (comparison === 'ge') return value >= target;
  return value > target;
}
