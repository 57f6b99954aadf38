/** Every layer's fields in the order templates and ledgers list them (labels as the web app shows them). */
import { field, type FieldSpec } from './field.js';
import type { LAYER_IDS } from './enums-facilities.js';
import { hiddenHazardBaseFields, hiddenHazardFields } from './fields-hidden-hazards.js';
import { BASE_FIELDS, contactPerson, contactPhone, effectiveAreaM2, enterprise, methodVersion, population, siteType, townshipCode } from './fields-common.js';

type LayerId = (typeof LAYER_IDS)[number];

const townships: FieldSpec[] = [
  field('parentCode', '上级编码', 'Parent code', 'text', { synonyms: ['上级区划代码'] }),
  { ...population, required: true },
  field('kind', '类型', 'Kind', 'enum', { enum: 'townshipKinds', required: true, synonyms: ['乡镇类型'] }),
  field('isUrban', '县城街道', 'County town', 'boolean', { synonyms: ['是否城区', '城区'], rule: { zh: '“是”表示共同构成县城的街道', en: '"yes" for the subdistricts that form the county town' } }),
  field('approximate', '边界为近似', 'Approximate boundary', 'boolean', { rule: { zh: '“是”表示边界为推算（非测绘）', en: '"yes" where the boundary is generated, not surveyed' } }),
  field('seat', '驻地', 'Seat', 'point', { synonyms: ['驻地坐标'], rule: { zh: '驻地位置 [经度, 纬度]', en: 'seat position [lon, lat]' } }),
  field('level', '行政级别', 'Administrative level', 'enum', { enum: 'adminLevels', readOnly: true }),
];

const riskPoints: FieldSpec[] = [
  field('industry', '行业', 'Industry', 'enum', { enum: 'industries', required: true, synonyms: ['行业类别', '所属行业'] }),
  field('hazardTypes', '危险类型', 'Hazard types', 'list', { enum: 'accidentTypes', open: true, synonyms: ['事故类型', '风险类型', '可能导致的事故类型'] }),
  field('assessmentMethod', '评估方法', 'Method', 'enum', { enum: 'assessmentMethods', required: true, synonyms: ['评价方法'] }),
  field('assessmentInputs', '评估输入', 'Assessment inputs', 'json', { rule: { zh: 'JSON，如 {"L":3,"E":6,"C":15}', en: 'JSON, e.g. {"L":3,"E":6,"C":15}' } }),
  field('score', '评估分值', 'Score', 'number', { required: true, synonyms: ['分值', '风险值', 'D值'] }),
  field('level', '风险等级', 'Risk level', 'enum', { enum: 'riskLevels', required: true, synonyms: ['等级', '风险级别'] }),
  { ...methodVersion, required: true },
  field('assessedAt', '评估日期', 'Assessed', 'date', { synonyms: ['评估时间'], rule: { zh: '日期，如 2026-11-28', en: 'a date like 2026-11-28' } }),
  field('assessor', '评估人', 'Assessor', 'text'),
  field('directMajorReason', '直接判定重大的原因', 'Direct-major reason', 'text', { synonyms: ['直接判定重大风险'] }),
  enterprise,
  townshipCode,
  field('responsibleUnit', '责任单位', 'Responsible unit', 'text'),
  field('responsiblePerson', '责任人', 'Responsible person', 'text'),
  field('responsiblePhone', '责任人电话', 'Phone', 'text', { synonyms: ['联系电话', '电话'] }),
  field('controlMeasures', '管控措施', 'Control measures', 'text', { synonyms: ['管控措施及责任'] }),
  field('hazardSourceCode', '关联危险源', 'Hazard source', 'text', { synonyms: ['危险源编号', '关联危险源编号'] }),
];

const hazardSources: FieldSpec[] = [
  enterprise,
  townshipCode,
  field('substances', '危险物质', 'Substances', 'json', { rule: { zh: 'JSON 数组：[{"name":"氨","category":"toxic-gas","quantityT":45,"thresholdT":10}]', en: 'JSON array: [{"name":"ammonia","category":"toxic-gas","quantityT":45,"thresholdT":10}]' } }),
  field('sValue', 'S 值 (Σq/Q)', 'S (Σq/Q)', 'number', { synonyms: ['S值', 'S 值'] }),
  field('isMajor', '重大危险源', 'Major hazard', 'boolean', { synonyms: ['是否重大危险源'] }),
  field('alpha', 'α 校正系数', 'α', 'number', { synonyms: ['α', '校正系数α'] }),
  field('rValue', 'R 值', 'R', 'number', { synonyms: ['R值'] }),
  field('grade', '分级', 'Grade', 'enum', { enum: 'hazardGrades', synonyms: ['级别', '危险源级别'] }),
  field('peopleWithin500m', '500 m 内人数', 'People within 500 m', 'integer', { unit: 'people', synonyms: ['500米内人数'] }),
  methodVersion,
  contactPerson,
  contactPhone,
  field('boundary', '厂区边界', 'Plant boundary', 'polygon'),
];

const shelters: FieldSpec[] = [
  field('shelterClass', '场所类别', 'Shelter class', 'enum', { enum: 'shelterClasses', required: true, synonyms: ['类别', '避难场所类别', '场所级别'] }),
  { ...siteType, required: true },
  field('totalAreaM2', '总面积', 'Total area', 'number', { unit: 'm2', required: true, synonyms: ['面积', '占地面积', '场地面积'] }),
  { ...effectiveAreaM2, required: true },
  field('capacity', '可容纳人数', 'Capacity', 'integer', { unit: 'people', required: true, synonyms: ['容纳人数', '可容纳', '容量'] }),
  field('status', '状态', 'Status', 'enum', { enum: 'shelterStatuses', required: true, synonyms: ['建设状态', '场所状态'] }),
  field('suitability', '适用灾种', 'Suitable for', 'json', { rule: { zh: 'JSON，如 {"earthquake":true,"flood":false}', en: 'JSON, e.g. {"earthquake":true,"flood":false}' } }),
  field('facilities', '设施', 'Facilities', 'list', { enum: 'shelterFacilities', open: true, synonyms: ['配套设施'] }),
  field('address', '地址', 'Address', 'text', { synonyms: ['详细地址', '位置'] }),
  field('access', '出入口 / 交通', 'Access', 'text', { synonyms: ['出入口', '交通'] }),
  contactPerson,
  contactPhone,
  field('isPublic', '向公众公开', 'Public', 'boolean', { synonyms: ['是否公开', '公开'] }),
  townshipCode,
  field('site', '场地范围', 'Site outline', 'polygon'),
];

const warehouses: FieldSpec[] = [
  field('level', '级别', 'Level', 'enum', { enum: 'warehouseLevels', required: true, synonyms: ['储备库级别'] }),
  field('floorAreaM2', '库房面积', 'Floor area', 'number', { unit: 'm2', synonyms: ['面积', '仓储面积'] }),
  townshipCode,
  contactPerson,
  contactPhone,
  field('stock', '储备物资', 'Stock', 'json', { readOnly: true }),
];

const fireStations: FieldSpec[] = [
  field('stationType', '消防站类型', 'Station type', 'enum', { enum: 'stationTypes', required: true, synonyms: ['类型', '站点类型'] }),
  field('vehicles', '车辆数', 'Vehicles', 'integer', { unit: 'vehicles', synonyms: ['车辆', '消防车辆'] }),
  field('staff', '人员数', 'Staff', 'integer', { unit: 'people', synonyms: ['人员', '队员人数'] }),
  field('turnoutMinutes', '出动时间', 'Turnout', 'number', { unit: 'minutes', synonyms: ['出动时间（分钟）'] }),
  townshipCode,
  contactPhone,
];

const demandPoints: FieldSpec[] = [
  field('kind', '类型', 'Kind', 'enum', { enum: 'demandPointKinds', required: true }),
  { ...townshipCode, required: true },
  { ...population, required: true },
];

const candidateSites: FieldSpec[] = [
  { ...siteType, required: true },
  field('areaM2', '用地面积', 'Site area', 'number', { unit: 'm2', required: true, synonyms: ['面积', '占地面积'] }),
  { ...effectiveAreaM2, required: true },
  field('suitableFor', '适用设施', 'Suitable for', 'list', { enum: 'candidateUses', synonyms: ['用途'] }),
  townshipCode,
  field('constraints', '限制条件', 'Constraints', 'text', { synonyms: ['备注', '制约因素'] }),
];

/** Per layer: its fields, the common ones (code, name, sample, version) first. */
export const LAYER_FIELDS: Record<LayerId, readonly FieldSpec[]> = {
  townships: [...BASE_FIELDS, ...townships],
  'risk-points': [...BASE_FIELDS, ...riskPoints],
  'hazard-sources': [...BASE_FIELDS, ...hazardSources],
  shelters: [...BASE_FIELDS, ...shelters],
  warehouses: [...BASE_FIELDS, ...warehouses],
  'fire-stations': [...BASE_FIELDS, ...fireStations],
  'demand-points': [...BASE_FIELDS, ...demandPoints],
  'candidate-sites': [...BASE_FIELDS, ...candidateSites],
  'hidden-hazards': [...hiddenHazardBaseFields, ...hiddenHazardFields],
};

/** The fields of a layer that a file may write (not server-owned). */
export function editableFields(layer: LayerId): FieldSpec[] {
  return LAYER_FIELDS[layer].filter((f) => !f.readOnly);
}

/** The position of a tabular row: longitude/latitude (or easting/northing in a projected system) or a geometry text column. */
export const POSITION_FIELDS = {
  lon: field('lon', '经度', 'Longitude', 'number', { unit: 'degrees', synonyms: ['x', 'lng', 'long', 'longitude', 'X坐标', 'x坐标', '东经', '横坐标', 'E', 'easting'] }),
  lat: field('lat', '纬度', 'Latitude', 'number', { unit: 'degrees', synonyms: ['y', 'latitude', 'Y坐标', 'y坐标', '北纬', '纵坐标', 'N', 'northing'] }),
  geometry: field('geometry', '几何', 'Geometry', 'text', { synonyms: ['geojson', 'wkt', 'the_geom', 'geom', 'shape', '空间位置', '图形'], rule: { zh: 'WKT（如 POINT(115.79 36.11)）或 GeoJSON 几何文本', en: 'WKT (e.g. POINT(115.79 36.11)) or GeoJSON geometry text' } }),
} as const;
