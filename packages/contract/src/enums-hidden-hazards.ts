/**
 * Enumerations of the hidden-hazard register (隐患排查治理): sector, grade, how found, flow status.
 * Categories are the plan's 重点行业领域; the labels a site shows may be overridden in hiddenHazards.categories.
 */
import { textEnum } from './enumeration.js';

export const HAZARD_CATEGORIES = ['hazardous-chemicals', 'transport', 'fire', 'construction', 'industry', 'special-equipment', 'gas', 'farm-machinery', 'other'] as const;
export const HazardCategories = textEnum({ zh: '行业领域', en: 'Sector' }, HAZARD_CATEGORIES, {
  'hazardous-chemicals': { zh: '危险化学品', en: 'Hazardous chemicals' },
  transport: { zh: '交通运输', en: 'Transport' },
  fire: { zh: '消防', en: 'Fire safety' },
  construction: { zh: '建筑施工', en: 'Construction' },
  industry: { zh: '工贸', en: 'Industry and trade' },
  'special-equipment': { zh: '特种设备', en: 'Special equipment' },
  gas: { zh: '城镇燃气', en: 'Town gas' },
  'farm-machinery': { zh: '农机', en: 'Farm machinery' },
  other: { zh: '其他行业', en: 'Other sector' },
}, { 'hazardous-chemicals': ['危化品', '危化'], fire: ['消防安全'], gas: ['燃气'], industry: ['冶金工贸行业', '工贸行业'] });

export const HIDDEN_HAZARD_GRADES = ['general', 'major'] as const;
export const HiddenHazardGrades = textEnum({ zh: '隐患等级', en: 'Hazard grade' }, HIDDEN_HAZARD_GRADES, {
  general: { zh: '一般隐患', en: 'General hazard' },
  major: { zh: '重大隐患', en: 'Major hazard' },
}, { general: ['一般事故隐患', '一般'], major: ['重大事故隐患', '重大'] });

export const DISCOVERY_SOURCES = ['self-inspection', 'department-inspection', 'expert-inspection', 'public-report'] as const;
export const DiscoverySources = textEnum({ zh: '发现方式', en: 'Found by' }, DISCOVERY_SOURCES, {
  'self-inspection': { zh: '企业自查', en: 'Self-inspection' },
  'department-inspection': { zh: '部门检查', en: 'Department inspection' },
  'expert-inspection': { zh: '专家查', en: 'Expert inspection' },
  'public-report': { zh: '群众举报（12345）', en: 'Public report (12345)' },
}, { 'self-inspection': ['自查'], 'department-inspection': ['执法检查', '监管检查'], 'expert-inspection': ['专家检查', '专家指导服务'], 'public-report': ['群众举报', '12345', '举报'] });

export const HAZARD_STATUSES = ['found', 'rectifying', 'awaiting-acceptance', 'closed'] as const;
export const HazardStatuses = textEnum({ zh: '隐患状态', en: 'Hazard status' }, HAZARD_STATUSES, {
  found: { zh: '已发现', en: 'Found' },
  rectifying: { zh: '整改中', en: 'Being rectified' },
  'awaiting-acceptance': { zh: '待验收', en: 'Awaiting acceptance' },
  closed: { zh: '已销号', en: 'Closed' },
}, { found: ['未整改'], rectifying: ['正在整改'], closed: ['已整改', '销号'] });
