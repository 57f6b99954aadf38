/**
 * Descriptive attributes of generated shelters: site type per class, hazard suitability per site
 * type (GSI-style flags), facilities per class, access notes, and names.
 */
import type { ShelterClass, ShelterProps, SiteType } from '@riskmap/geo';
import type { Rng } from './prng.js';

/** Chinese labels of site types, used in generated names. */
export const SITE_TYPE_ZH: Record<SiteType, string> = {
  park: '公园',
  square: '广场',
  school: '学校',
  stadium: '体育场',
  'civil-defence': '人防工程',
  green: '绿地',
  vacant: '空地',
  other: '场地',
};

const SITE_ODDS: Record<ShelterClass, [SiteType[], number[]]> = {
  emergency: [['square', 'green', 'school', 'civil-defence', 'park'], [0.3, 0.25, 0.25, 0.1, 0.1]],
  'short-term': [['school', 'park', 'square', 'civil-defence'], [0.4, 0.25, 0.25, 0.1]],
  'medium-term': [['park', 'stadium', 'school'], [0.45, 0.25, 0.3]],
  'long-term': [['park', 'stadium'], [0.6, 0.4]],
  central: [['park'], [1]],
};

/**
 * A site type plausible for the class (a central shelter is always a large park).
 * @example siteTypeFor(rng, 'long-term') // 'park' or 'stadium'
 */
export function siteTypeFor(rng: Rng, shelterClass: ShelterClass): SiteType {
  const [types, odds] = SITE_ODDS[shelterClass];
  return rng.weighted(types, odds);
}

/**
 * Suitability per hazard: open ground suits earthquakes, buildings suit floods, sealed
 * civil-defence works suit hazmat releases but not earthquakes or floods.
 */
export function suitabilityFor(rng: Rng, siteType: SiteType): ShelterProps['suitability'] {
  switch (siteType) {
    case 'civil-defence':
      return { earthquake: false, flood: false, fire: true, hazmat: true };
    case 'school':
    case 'stadium':
      return { earthquake: true, flood: true, fire: true, hazmat: rng.chance(siteType === 'stadium' ? 0.5 : 0.3) };
    case 'park':
      return { earthquake: true, flood: rng.chance(0.5), fire: true, hazmat: rng.chance(0.2) };
    default:
      return { earthquake: true, flood: rng.chance(0.2), fire: true, hazmat: false };
  }
}

/**
 * Facility keys, most basic first (zh labels in the package README):
 * water 应急供水, toilets 应急厕所, broadcast 应急广播, signage 标识标牌, lighting 应急照明, power 应急供电,
 * medical 医疗救护, fire-fighting 消防设施, supplies 物资储备, sewage 排污设施, helipad 直升机停机坪.
 */
export const FACILITY_KEYS = ['water', 'toilets', 'broadcast', 'signage', 'lighting', 'power', 'medical', 'fire-fighting', 'supplies', 'sewage', 'helipad'] as const;

const FACILITY_COUNT: Record<ShelterClass, [number, number]> = {
  emergency: [3, 5],
  'short-term': [5, 7],
  'medium-term': [7, 9],
  'long-term': [9, 10],
  central: [11, 11],
};

/**
 * The facilities of a shelter of this class: the most basic ones first, more for longer stays.
 * @example facilitiesFor(rng, 'emergency') // ['water', 'toilets', 'broadcast', 'signage']
 */
export function facilitiesFor(rng: Rng, shelterClass: ShelterClass): string[] {
  const [min, max] = FACILITY_COUNT[shelterClass];
  return FACILITY_KEYS.slice(0, rng.int(min, max));
}

const ACCESS = ['东、西两处出入口，可通行消防车', '南门主入口，设无障碍坡道', '四面开放，周边道路可停靠救援车辆', '北门主入口，紧邻公交站'];

/**
 * A short access note (出入口与通行条件).
 * @example accessFor(rng, 'park')
 */
export function accessFor(rng: Rng, siteType: SiteType): string {
  return siteType === 'civil-defence' ? '两处地下出入口，设防护密闭门，平时由人防部门管理' : rng.pick(ACCESS);
}
