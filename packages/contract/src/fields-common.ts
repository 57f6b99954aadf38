/** Fields several layers share (same key, same label everywhere). */
import { field } from './field.js';

export const code = field('code', '编号', 'Code', 'text', {
  required: true,
  synonyms: ['编码', '代码', '序号编码', 'id号'],
  rule: { zh: '每条记录唯一，最长 64 个字符；按编号更新时以此匹配', en: 'unique per record, at most 64 characters; update-by-code matches on it' },
});
export const name = field('name', '名称', 'Name', 'text', {
  required: true,
  synonyms: ['场所名称', '单位名称', '站点名称', '乡镇名称', '村庄名称', '用地名称', '风险点名称', '危险源名称', '储备库名称', '消防站名称'],
  rule: { zh: '必填，最长 200 个字符', en: 'required, at most 200 characters' },
});
export const sample = field('sample', '示例数据', 'Sample data', 'boolean', { rule: { zh: '“是”表示生成的示例数据', en: '"yes" marks generated sample data' } });
export const version = field('version', '版本', 'Version', 'integer', {
  readOnly: true,
  rule: { zh: '导出时的版本号；按编号更新时用来发现导出后他人的修改，请勿改动', en: 'the version when exported; update-by-code uses it to detect later edits — leave it as is' },
});
export const townshipCode = field('townshipCode', '所属乡镇', 'Township', 'text', {
  synonyms: ['乡镇', '乡镇编码', '所属乡镇编码', '乡镇代码', '所在乡镇', 'township'],
  rule: { zh: '乡镇（街道）编码，如 371521001', en: 'township code, e.g. 371521001' },
});
export const contactPerson = field('contactPerson', '联系人', 'Contact', 'text', { synonyms: ['负责人', '管理人'] });
export const contactPhone = field('contactPhone', '联系电话', 'Phone', 'text', { synonyms: ['电话', '手机', '联系方式'] });
export const enterprise = field('enterprise', '企业', 'Enterprise', 'text', { synonyms: ['企业名称', '所属企业', '单位'] });
export const methodVersion = field('methodVersion', '方法版本', 'Method version', 'text');
export const population = field('population', '常住人口', 'Population', 'integer', { unit: 'people', synonyms: ['人口', '人口数', '常住人口数'] });
export const siteType = field('siteType', '场地类型', 'Site type', 'enum', { enum: 'siteTypes', synonyms: ['用地类型', '场所类型'] });
export const effectiveAreaM2 = field('effectiveAreaM2', '有效面积', 'Effective area', 'number', {
  unit: 'm2',
  synonyms: ['有效避难面积', '有效使用面积'],
  rule: { zh: '可供避难使用的面积，不大于总面积', en: 'area usable for sheltering, not more than the total area' },
});

/** Fields every layer has. */
export const BASE_FIELDS = [code, name, sample, version] as const;
