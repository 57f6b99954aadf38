/**
 * Per-industry vocabulary for generated risk points: how many, where, what kind of enterprise,
 * which units, accident types (GB 6441 wording), control measures and the likely level mix.
 */
import type { Industry, RiskLevel } from '@riskmap/geo';

/** Where risk points of an industry are placed. */
export type Placement = 'park' | 'seat' | 'anywhere';

export interface IndustryProfile {
  industry: Industry;
  /** Number of risk points not tied to a hazard source. */
  count: number;
  placement: Placement;
  /** Kinds of enterprise for EnterpriseNamer, e.g. '化工企业'. */
  enterpriseKinds: string[];
  units: string[];
  hazardTypes: string[];
  controlMeasures: string;
  /** Allowed LEC consequence factors C for this industry. */
  lecC: number[];
  /** Chance of each target level, indexed 1–4. */
  levelOdds: Record<RiskLevel, number>;
  /** Share graded with the risk matrix instead of LEC. */
  matrixShare: number;
  responsibleUnit?: string;
}

const INDUSTRIAL_ODDS: Record<RiskLevel, number> = { 1: 0.03, 2: 0.15, 3: 0.4, 4: 0.42 };
const ORDINARY_ODDS: Record<RiskLevel, number> = { 1: 0.01, 2: 0.07, 3: 0.34, 4: 0.58 };

/** The 280 risk points not tied to a hazard source, by industry. */
export const INDUSTRY_PROFILES: IndustryProfile[] = [
  {
    industry: 'hazardous-chemicals', count: 40, placement: 'park', enterpriseKinds: ['化工企业', '危化品经营企业'],
    units: ['储罐区', '装卸区', '反应釜车间', '危化品仓库', '合成车间'], hazardTypes: ['火灾', '其他爆炸', '中毒和窒息', '灼烫'],
    controlMeasures: '落实重点监管工艺自动化控制，设置可燃有毒气体检测报警，定期开展应急演练（示例）', lecC: [7, 15, 40], levelOdds: INDUSTRIAL_ODDS, matrixShare: 0,
  },
  {
    industry: 'gas', count: 25, placement: 'seat', enterpriseKinds: ['燃气企业'], units: ['门站', '调压站', '加气站', '中压管网阀室'],
    hazardTypes: ['火灾', '其他爆炸', '中毒和窒息'], controlMeasures: '管网定期巡检，阀室泄漏报警联动切断，第三方施工监护（示例）',
    lecC: [7, 15, 40], levelOdds: INDUSTRIAL_ODDS, matrixShare: 0,
  },
  {
    industry: 'transport', count: 30, placement: 'anywhere', enterpriseKinds: ['运输企业', '客运站'],
    units: ['危险货物运输停车场', '货运站场', '候车大厅', '公交场站'], hazardTypes: ['车辆伤害', '火灾', '其他爆炸'],
    controlMeasures: '车辆动态监控，驾驶员岗前培训，危货车辆专用停车区（示例）', lecC: [3, 7, 15, 40], levelOdds: ORDINARY_ODDS, matrixShare: 0.1,
  },
  {
    industry: 'construction', count: 40, placement: 'seat', enterpriseKinds: ['建筑工地'], units: ['塔吊作业区', '深基坑', '脚手架作业面', '高支模区域'],
    hazardTypes: ['高处坠落', '物体打击', '坍塌', '起重伤害', '触电'], controlMeasures: '危大工程专项方案论证，安全员旁站，临边洞口防护（示例）',
    lecC: [3, 7, 15, 40], levelOdds: ORDINARY_ODDS, matrixShare: 0.15, responsibleUnit: '县住房和城乡建设局',
  },
  {
    industry: 'metallurgy', count: 25, placement: 'park', enterpriseKinds: ['冶炼企业', '铸造企业'], units: ['熔炼车间', '转炉车间', '煤气柜', '铸造车间', '制酸车间'],
    hazardTypes: ['灼烫', '其他爆炸', '中毒和窒息', '机械伤害'], controlMeasures: '高温熔融金属吊运专项管控，煤气区域固定式报警，有限空间作业审批（示例）',
    lecC: [7, 15, 40], levelOdds: INDUSTRIAL_ODDS, matrixShare: 0,
  },
  {
    industry: 'fireworks', count: 8, placement: 'anywhere', enterpriseKinds: ['烟花爆竹批发企业'], units: ['成品仓库', '装卸区'],
    hazardTypes: ['火药爆炸', '火灾'], controlMeasures: '限量存储，防静电设施，严禁超范围经营（示例）', lecC: [15, 40], levelOdds: INDUSTRIAL_ODDS, matrixShare: 0,
  },
  {
    industry: 'ammonia-refrigeration', count: 15, placement: 'seat', enterpriseKinds: ['冷链物流企业', '食品加工企业'], units: ['液氨制冷机房', '速冻车间', '冷藏库'],
    hazardTypes: ['中毒和窒息', '其他爆炸', '火灾'], controlMeasures: '氨泄漏报警与事故排风联锁，配备正压式空气呼吸器（示例）', lecC: [7, 15, 40], levelOdds: INDUSTRIAL_ODDS, matrixShare: 0,
  },
  {
    industry: 'school', count: 40, placement: 'seat', enterpriseKinds: ['中学', '小学', '幼儿园'], units: ['教学楼', '学生宿舍', '食堂'],
    hazardTypes: ['拥挤踩踏', '火灾', '触电'], controlMeasures: '每学期疏散演练，楼梯间错峰通行，消防设施每月检查（示例）', lecC: [3, 7, 15],
    levelOdds: ORDINARY_ODDS, matrixShare: 0.25, responsibleUnit: '县教育和体育局',
  },
  {
    industry: 'crowded-place', count: 45, placement: 'seat', enterpriseKinds: ['商场', '农贸市场', '医院', '体育馆', '宾馆'], units: ['营业大厅', '地下车库', '门诊楼', '观众席'],
    hazardTypes: ['火灾', '拥挤踩踏', '坍塌'], controlMeasures: '人员密集场所限流，疏散通道每日巡查，消防控制室24小时值守（示例）', lecC: [3, 7, 15, 40],
    levelOdds: ORDINARY_ODDS, matrixShare: 0.25,
  },
  {
    industry: 'other', count: 12, placement: 'anywhere', enterpriseKinds: ['机械加工企业', '纺织企业', '粮食仓储企业'], units: ['生产车间', '粉尘作业区', '粮食筒仓'],
    hazardTypes: ['机械伤害', '触电', '火灾', '其他爆炸'], controlMeasures: '设备防护罩，粉尘清扫制度，有限空间作业审批（示例）', lecC: [3, 7, 15],
    levelOdds: ORDINARY_ODDS, matrixShare: 0.2,
  },
];

/** Assessors named on generated assessments. */
export const ASSESSORS = ['县应急管理局（示例）', '示例安全评价机构甲', '示例安全评价机构乙', '企业自评（示例）'];
