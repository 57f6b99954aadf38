/**
 * Enumerations of the facility layers (shelters, fire stations, warehouses, candidate sites, villages, townships).
 * Labels are those the web app shows (apps/web/src/i18n, planning forms and the detail panel).
 */
import { textEnum } from './enumeration.js';

export const LAYER_IDS = ['townships', 'risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations', 'demand-points', 'candidate-sites', 'hidden-hazards'] as const;
export const Layers = textEnum({ zh: '图层', en: 'Layer' }, LAYER_IDS, {
  townships: { zh: '乡镇（街道）边界', en: 'Township boundaries' },
  'risk-points': { zh: '风险点', en: 'Risk points' },
  'hazard-sources': { zh: '危险源', en: 'Hazard sources' },
  shelters: { zh: '应急避难场所', en: 'Emergency shelters' },
  warehouses: { zh: '应急物资储备库', en: 'Supply warehouses' },
  'fire-stations': { zh: '消防站', en: 'Fire stations' },
  'demand-points': { zh: '村庄 / 社区', en: 'Villages / communities' },
  'candidate-sites': { zh: '备选用地', en: 'Candidate sites' },
  'hidden-hazards': { zh: '隐患', en: 'Hidden hazards' },
}, { townships: ['乡镇', '乡镇（街道）'], 'demand-points': ['村庄', '社区', '村庄社区'], shelters: ['避难场所'], warehouses: ['物资储备库', '储备库'], 'hidden-hazards': ['隐患台账', '事故隐患'] });

export const SHELTER_CLASSES = ['emergency', 'short-term', 'medium-term', 'long-term', 'central'] as const;
export const ShelterClasses = textEnum({ zh: '场所类别', en: 'Shelter class' }, SHELTER_CLASSES, {
  emergency: { zh: '紧急避难场所', en: 'Emergency' },
  'short-term': { zh: '短期固定避难场所', en: 'Fixed, short-term' },
  'medium-term': { zh: '中期固定避难场所', en: 'Fixed, medium-term' },
  'long-term': { zh: '长期固定避难场所', en: 'Fixed, long-term' },
  central: { zh: '中心避难场所', en: 'Central' },
}, { emergency: ['紧急'], 'short-term': ['短期', '短期避难场所'], 'medium-term': ['中期', '中期避难场所'], 'long-term': ['长期', '长期避难场所'], central: ['中心'] });

export const SITE_TYPES = ['park', 'square', 'school', 'stadium', 'civil-defence', 'green', 'vacant', 'other'] as const;
export const SiteTypes = textEnum({ zh: '场地类型', en: 'Site type' }, SITE_TYPES, {
  park: { zh: '公园', en: 'Park' },
  square: { zh: '广场', en: 'Square' },
  school: { zh: '学校', en: 'School' },
  stadium: { zh: '体育场馆', en: 'Stadium' },
  'civil-defence': { zh: '人防工程', en: 'Civil-defence works' },
  green: { zh: '绿地', en: 'Green space' },
  vacant: { zh: '空地', en: 'Vacant land' },
  other: { zh: '其他', en: 'Other' },
}, { stadium: ['体育场', '体育馆'], 'civil-defence': ['人防'], vacant: ['空闲地'] });

export const SHELTER_STATUSES = ['planned', 'built', 'open', 'closed'] as const;
export const ShelterStatuses = textEnum({ zh: '状态', en: 'Status' }, SHELTER_STATUSES, {
  planned: { zh: '规划中', en: 'Planned' },
  built: { zh: '已建成', en: 'Built' },
  open: { zh: '开放中', en: 'Open' },
  closed: { zh: '已关闭', en: 'Closed' },
}, { planned: ['规划', '拟建'], built: ['已建', '建成'], open: ['开放', '已开放'], closed: ['关闭', '停用'] });

export const SHELTER_SUITABILITY = ['earthquake', 'flood', 'fire', 'hazmat'] as const;
export const ShelterSuitability = textEnum({ zh: '适用灾种', en: 'Suitable for' }, SHELTER_SUITABILITY, {
  earthquake: { zh: '地震', en: 'Earthquake' },
  flood: { zh: '洪涝', en: 'Flood' },
  fire: { zh: '火灾', en: 'Fire' },
  hazmat: { zh: '危险化学品事故', en: 'Hazardous materials' },
}, { flood: ['洪水'], hazmat: ['危化品'] });

export const SHELTER_FACILITIES = ['water', 'toilets', 'broadcast', 'signage', 'lighting', 'power', 'medical', 'fire-fighting', 'supplies', 'sewage', 'helipad'] as const;
export const ShelterFacilities = textEnum({ zh: '设施', en: 'Facilities' }, SHELTER_FACILITIES, {
  water: { zh: '饮用水', en: 'Drinking water' },
  toilets: { zh: '厕所', en: 'Toilets' },
  broadcast: { zh: '应急广播', en: 'Broadcast' },
  signage: { zh: '标识', en: 'Signage' },
  lighting: { zh: '照明', en: 'Lighting' },
  power: { zh: '应急供电', en: 'Power' },
  medical: { zh: '医疗救护', en: 'Medical aid' },
  'fire-fighting': { zh: '消防设施', en: 'Fire-fighting' },
  supplies: { zh: '物资储备', en: 'Supplies' },
  sewage: { zh: '排污', en: 'Sewage' },
  helipad: { zh: '直升机停机坪', en: 'Helipad' },
});

export const STATION_TYPES = ['class-1', 'class-2', 'special', 'small', 'township-full-time-1', 'township-full-time-2', 'township-volunteer', 'micro'] as const;
export const StationTypes = textEnum({ zh: '消防站类型', en: 'Station type' }, STATION_TYPES, {
  'class-1': { zh: '一级普通消防站', en: 'Class-1 station' },
  'class-2': { zh: '二级普通消防站', en: 'Class-2 station' },
  special: { zh: '特勤消防站', en: 'Special-service station' },
  small: { zh: '小型消防站', en: 'Small station' },
  'township-full-time-1': { zh: '乡镇一级专职队', en: 'Township full-time team (1)' },
  'township-full-time-2': { zh: '乡镇二级专职队', en: 'Township full-time team (2)' },
  'township-volunteer': { zh: '乡镇志愿队', en: 'Township volunteer team' },
  micro: { zh: '微型消防站', en: 'Micro station' },
}, { 'class-1': ['一级站', '一级消防站'], 'class-2': ['二级站', '二级消防站'], special: ['特勤站'], small: ['小型站'], micro: ['微型站'] });

export const WAREHOUSE_LEVELS = ['county', 'township', 'park'] as const;
export const WarehouseLevels = textEnum({ zh: '储备库级别', en: 'Warehouse level' }, WAREHOUSE_LEVELS, {
  county: { zh: '县级储备库', en: 'County warehouse' },
  township: { zh: '乡镇储备点', en: 'Township depot' },
  park: { zh: '园区储备点', en: 'Park depot' },
}, { county: ['县级'], township: ['乡镇级', '乡镇'], park: ['园区'] });

export const DEMAND_POINT_KINDS = ['village', 'community'] as const;
export const DemandPointKinds = textEnum({ zh: '类型', en: 'Kind' }, DEMAND_POINT_KINDS, {
  village: { zh: '村庄', en: 'Village' },
  community: { zh: '社区', en: 'Community' },
}, { village: ['村', '行政村'], community: ['居委会', '社区居委会'] });

export const CANDIDATE_USES = ['shelter', 'fire-station'] as const;
export const CandidateUses = textEnum({ zh: '适用设施', en: 'Suitable for' }, CANDIDATE_USES, {
  shelter: { zh: '避难场所', en: 'Shelter' },
  'fire-station': { zh: '消防站', en: 'Fire station' },
}, { shelter: ['应急避难场所'] });

export const TOWNSHIP_KINDS = ['subdistrict', 'town', 'township', 'county'] as const;
export const TownshipKinds = textEnum({ zh: '类型', en: 'Kind' }, TOWNSHIP_KINDS, {
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  town: { zh: '镇', en: 'Town' },
  township: { zh: '乡', en: 'Township' },
  county: { zh: '县', en: 'County' },
}, { subdistrict: ['街道办事处'] });

export const ADMIN_LEVELS = ['county', 'township', 'village'] as const;
export const AdminLevels = textEnum({ zh: '行政级别', en: 'Administrative level' }, ADMIN_LEVELS, {
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡级', en: 'Township' },
  village: { zh: '村级', en: 'Village' },
}, { county: ['县'], township: ['乡镇'], village: ['村'] });
