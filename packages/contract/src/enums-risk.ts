/**
 * Enumerations of the risk layers (risk points, hazard sources) and of incidents.
 * Risk-level labels are the four colours of the e-map (domainDefaults.riskLevels, web level.1–4);
 * accident types are the categories of GB 6441-1986 《企业职工伤亡事故分类》 as the register writes them.
 */
import { numberEnum, textEnum } from './enumeration.js';

export const RISK_LEVELS = [1, 2, 3, 4] as const;
export const RiskLevels = numberEnum({ zh: '风险等级', en: 'Risk level' }, RISK_LEVELS, {
  1: { zh: '重大风险', en: 'Major' },
  2: { zh: '较大风险', en: 'Significant' },
  3: { zh: '一般风险', en: 'General' },
  4: { zh: '低风险', en: 'Low' },
}, { 1: ['重大', '红', '红色'], 2: ['较大', '橙', '橙色'], 3: ['一般', '黄', '黄色'], 4: ['低', '蓝', '蓝色'] });

export const INDUSTRIES = ['hazardous-chemicals', 'gas', 'transport', 'construction', 'metallurgy', 'fireworks', 'ammonia-refrigeration', 'school', 'crowded-place', 'other'] as const;
export const Industries = textEnum({ zh: '行业', en: 'Industry' }, INDUSTRIES, {
  'hazardous-chemicals': { zh: '危险化学品', en: 'Hazardous chemicals' },
  gas: { zh: '燃气', en: 'Gas' },
  transport: { zh: '交通运输', en: 'Transport' },
  construction: { zh: '建筑施工', en: 'Construction' },
  metallurgy: { zh: '冶金', en: 'Metallurgy' },
  fireworks: { zh: '烟花爆竹', en: 'Fireworks' },
  'ammonia-refrigeration': { zh: '涉氨制冷', en: 'Ammonia refrigeration' },
  school: { zh: '学校', en: 'School' },
  'crowded-place': { zh: '人员密集场所', en: 'Crowded place' },
  other: { zh: '其他', en: 'Other' },
}, { 'hazardous-chemicals': ['危化品', '化工'], construction: ['建筑', '施工'], metallurgy: ['冶金工贸'], 'ammonia-refrigeration': ['涉氨', '液氨制冷'] });

export const ASSESSMENT_METHODS = ['lec', 'matrix'] as const;
export const AssessmentMethods = textEnum({ zh: '评估方法', en: 'Assessment method' }, ASSESSMENT_METHODS, {
  lec: { zh: '作业条件危险性分析法（LEC）', en: 'LEC (likelihood × exposure × consequence)' },
  matrix: { zh: '风险矩阵法（LS）', en: 'Risk matrix (LS)' },
}, { lec: ['LEC', 'LEC法'], matrix: ['LS', 'LS法', '风险矩阵', '矩阵法'] });

export const SUBSTANCE_CATEGORIES = ['explosive', 'flammable-gas', 'toxic-gas', 'flammable-liquid', 'other'] as const;
export const SubstanceCategories = textEnum({ zh: '危险物质类别', en: 'Substance category' }, SUBSTANCE_CATEGORIES, {
  explosive: { zh: '爆炸品', en: 'Explosive' },
  'flammable-gas': { zh: '易燃气体', en: 'Flammable gas' },
  'toxic-gas': { zh: '毒性气体', en: 'Toxic gas' },
  'flammable-liquid': { zh: '易燃液体', en: 'Flammable liquid' },
  other: { zh: '其他', en: 'Other' },
}, { 'toxic-gas': ['有毒气体'] });

export const HAZARD_GRADES = [1, 2, 3, 4] as const;
export const HazardGrades = numberEnum({ zh: '重大危险源分级', en: 'Major-hazard grade' }, HAZARD_GRADES, {
  1: { zh: '一级', en: 'Grade 1' },
  2: { zh: '二级', en: 'Grade 2' },
  3: { zh: '三级', en: 'Grade 3' },
  4: { zh: '四级', en: 'Grade 4' },
}, { 1: ['一级重大危险源'], 2: ['二级重大危险源'], 3: ['三级重大危险源'], 4: ['四级重大危险源'] });

/** The hazard (accident) types of a risk point, stored as the Chinese category name the register uses. */
export const ACCIDENT_TYPES = [
  '物体打击', '车辆伤害', '机械伤害', '起重伤害', '触电', '淹溺', '灼烫', '火灾', '高处坠落', '坍塌',
  '冒顶片帮', '透水', '放炮', '火药爆炸', '瓦斯爆炸', '锅炉爆炸', '容器爆炸', '其他爆炸', '中毒和窒息', '拥挤踩踏', '其他伤害',
] as const;
export const AccidentTypes = textEnum({ zh: '危险类型', en: 'Hazard type' }, ACCIDENT_TYPES, {
  物体打击: { zh: '物体打击', en: 'Struck by object' },
  车辆伤害: { zh: '车辆伤害', en: 'Vehicle injury' },
  机械伤害: { zh: '机械伤害', en: 'Machinery injury' },
  起重伤害: { zh: '起重伤害', en: 'Lifting injury' },
  触电: { zh: '触电', en: 'Electric shock' },
  淹溺: { zh: '淹溺', en: 'Drowning' },
  灼烫: { zh: '灼烫', en: 'Burns and scalds' },
  火灾: { zh: '火灾', en: 'Fire' },
  高处坠落: { zh: '高处坠落', en: 'Fall from height' },
  坍塌: { zh: '坍塌', en: 'Collapse' },
  冒顶片帮: { zh: '冒顶片帮', en: 'Roof or rib fall' },
  透水: { zh: '透水', en: 'Water inrush' },
  放炮: { zh: '放炮', en: 'Blasting' },
  火药爆炸: { zh: '火药爆炸', en: 'Explosive blast' },
  瓦斯爆炸: { zh: '瓦斯爆炸', en: 'Gas (firedamp) explosion' },
  锅炉爆炸: { zh: '锅炉爆炸', en: 'Boiler explosion' },
  容器爆炸: { zh: '容器爆炸', en: 'Pressure-vessel explosion' },
  其他爆炸: { zh: '其他爆炸', en: 'Other explosion' },
  中毒和窒息: { zh: '中毒和窒息', en: 'Poisoning and asphyxiation' },
  拥挤踩踏: { zh: '拥挤踩踏', en: 'Crowd crush' },
  其他伤害: { zh: '其他伤害', en: 'Other injury' },
}, { 中毒和窒息: ['中毒', '窒息'] });

export const INCIDENT_TYPES = ['toxic-release', 'fire', 'explosion'] as const;
export const IncidentTypes = textEnum({ zh: '事故类型', en: 'Incident type' }, INCIDENT_TYPES, {
  'toxic-release': { zh: '有毒气体泄漏', en: 'Toxic release' },
  fire: { zh: '火灾', en: 'Fire' },
  explosion: { zh: '爆炸', en: 'Explosion' },
}, { 'toxic-release': ['泄漏', '毒气泄漏'] });

export const BOOLEANS = ['true', 'false'] as const;
/** Yes / no as files write it (是/否). Values are the text of the boolean. */
export const Booleans = textEnum({ zh: '是否', en: 'Yes / no' }, BOOLEANS, {
  true: { zh: '是', en: 'Yes' },
  false: { zh: '否', en: 'No' },
}, { true: ['1', 'y', 't', '对', '有', '√', '✓'], false: ['0', 'n', 'f', '无', '×', '✗'] });
