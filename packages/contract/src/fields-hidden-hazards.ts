/** Fields of the hidden-hazard register (隐患台账), in the order the ledger lists them. */
import { field, type FieldSpec } from './field.js';
import { code, enterprise, name, sample, townshipCode, version } from './fields-common.js';

const date = (key: string, zh: string, en: string, synonyms: string[], required = false) =>
  field(key, zh, en, 'date', { synonyms, required, rule: { zh: '日期，如 2026-11-28', en: 'a date like 2026-11-28' } });

export const hiddenHazardFields: FieldSpec[] = [
  field('riskPointCode', '关联风险点', 'Risk point', 'text', { synonyms: ['风险点编号'] }),
  field('hazardSourceCode', '关联危险源', 'Hazard source', 'text', { synonyms: ['危险源编号'] }),
  enterprise,
  field('place', '部位/场所', 'Place', 'text', { synonyms: ['隐患部位', '场所', '部位'] }),
  townshipCode,
  field('category', '行业领域', 'Sector', 'enum', { enum: 'hazardCategories', required: true, synonyms: ['行业', '所属行业', '隐患类别', '隐患类型', '行业类别'] }),
  field('grade', '隐患等级', 'Grade', 'enum', { enum: 'hiddenHazardGrades', required: true, synonyms: ['隐患级别', '等级'] }),
  field('discoverySource', '发现方式', 'Found by', 'enum', { enum: 'discoverySources', required: true, synonyms: ['来源', '隐患来源'] }),
  field('finder', '发现人', 'Finder', 'text', { synonyms: ['检查人', '排查人', '发现人员'] }),
  date('foundOn', '发现日期', 'Found on', ['排查日期', '检查日期'], true),
  field('description', '隐患描述', 'Description', 'text', { synonyms: ['隐患内容', '存在问题'] }),
  field('responsibleUnit', '责任单位', 'Responsible unit', 'text', { synonyms: ['整改责任单位'] }),
  field('responsiblePerson', '责任人', 'Responsible person', 'text', { synonyms: ['整改责任人'] }),
  field('measures', '整改措施', 'Measures', 'text', { synonyms: ['治理措施'] }),
  field('fundsYuan', '整改资金', 'Funds', 'number', { synonyms: ['整改资金（元）', '资金'] }),
  date('deadline', '整改时限', 'Deadline', ['整改期限', '完成时限']),
  field('contingencyPlan', '应急预案', 'Contingency plan', 'text', { synonyms: ['应急措施'] }),
  field('status', '状态', 'Status', 'enum', { enum: 'hazardStatuses', synonyms: ['整改状态', '隐患状态'] }),
  field('supervised', '挂牌督办', 'Supervised', 'boolean', { synonyms: ['是否挂牌督办'] }),
  date('closedOn', '销号日期', 'Closed on', ['验收日期']),
];

/**
 * The register's own headings for the common fields: a county's 隐患台账 says 隐患编号 and 隐患名称; a register
 * without a name column takes the name from 隐患描述 on import.
 */
export const hiddenHazardBaseFields: FieldSpec[] = [
  { ...code, synonyms: [...(code.synonyms ?? []), '隐患编号', '隐患编码'] },
  { ...name, synonyms: ['隐患名称', '隐患简述', ...(name.synonyms ?? [])], rule: { zh: '必填，最长 200 个字符；导入时空着则取隐患描述', en: 'required, at most 200 characters; an import takes it from the description when blank' } },
  sample,
  version,
];
