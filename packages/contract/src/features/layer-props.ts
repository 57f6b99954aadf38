import { z } from 'zod';
import { CANDIDATE_USES, DEMAND_POINT_KINDS, SHELTER_CLASSES, SHELTER_STATUSES, SITE_TYPES, STATION_TYPES, TOWNSHIP_KINDS, WAREHOUSE_LEVELS } from '../enums-facilities.js';
import { ASSESSMENT_METHODS, HAZARD_GRADES, INDUSTRIES, RISK_LEVELS, SUBSTANCE_CATEGORIES } from '../enums-risk.js';
import { DISCOVERY_SOURCES, HAZARD_CATEGORIES, HAZARD_STATUSES, HIDDEN_HAZARD_GRADES } from '../enums-hidden-hazards.js';
import { PointOrPair, PolygonSchema } from './geometry.js';
import { int4, storableString } from './storable.js';

/**
 * zod schemas of the editable properties of each layer (camelCase, as in GeoJSON features): the one source the API
 * validates creates, changes and imports with, the OpenAPI document shows and the web's edit forms take their types
 * from. Enumerated fields take the vocabulary's values. Text is taken verbatim (Chinese, quotes, markup: nothing is
 * trimmed or rewritten).
 */
const text = (max = 2000) => storableString().max(max);
const name = storableString().min(1, 'required').max(200);
const code = storableString().min(1, 'required').max(64);
const township = storableString().max(32).nullable();
const count = int4().min(0);
const areaM2 = z.number().finite().min(0).max(1e9);

const base = { code, name, sample: z.boolean() };

export const TownshipProps = z.strictObject({
  ...base,
  parentCode: z.string().max(32).nullable(),
  population: count,
  isUrban: z.boolean(),
  kind: z.enum(TOWNSHIP_KINDS),
  approximate: z.boolean(),
  seat: PointOrPair.nullable(),
});

export const RiskPointProps = z.strictObject({
  ...base,
  industry: z.enum(INDUSTRIES),
  hazardTypes: z.array(text(100)).max(50),
  assessmentMethod: z.enum(ASSESSMENT_METHODS),
  assessmentInputs: z.record(z.string().max(20), z.number().finite()),
  score: z.number().finite().min(0),
  level: z.number().int().min(Math.min(...RISK_LEVELS)).max(Math.max(...RISK_LEVELS)),
  methodVersion: text(100),
  assessedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date like 2026-11-28').meta({ format: 'date' }).nullable(),
  assessor: text(200),
  directMajorReason: text().nullable(),
  enterprise: text(200),
  townshipCode: township,
  responsibleUnit: text(200),
  responsiblePerson: text(100),
  responsiblePhone: text(50),
  controlMeasures: text(10_000),
  hazardSourceCode: z.string().max(64).nullable(),
});

const Substance = z.strictObject({
  name: z.string().min(1).max(200),
  formula: z.string().max(50).optional(),
  category: z.enum(SUBSTANCE_CATEGORIES),
  quantityT: z.number().finite().min(0),
  thresholdT: z.number().finite().positive(),
});

export const HazardSourceProps = z.strictObject({
  ...base,
  enterprise: text(200),
  townshipCode: township,
  substances: z.array(Substance).max(100),
  sValue: z.number().finite().min(0),
  isMajor: z.boolean(),
  alpha: z.number().finite().min(0).nullable(),
  rValue: z.number().finite().min(0).nullable(),
  grade: z.number().int().min(Math.min(...HAZARD_GRADES)).max(Math.max(...HAZARD_GRADES)).nullable(),
  peopleWithin500m: count.nullable(),
  methodVersion: text(100),
  contactPerson: text(100),
  contactPhone: text(50),
  boundary: PolygonSchema.nullable(),
});

export const ShelterProps = z.strictObject({
  ...base,
  shelterClass: z.enum(SHELTER_CLASSES),
  siteType: z.enum(SITE_TYPES),
  totalAreaM2: areaM2,
  effectiveAreaM2: areaM2,
  capacity: count.max(10_000_000),
  status: z.enum(SHELTER_STATUSES),
  suitability: z.strictObject({ earthquake: z.boolean(), flood: z.boolean(), fire: z.boolean(), hazmat: z.boolean() }).partial(),
  facilities: z.array(text(100)).max(100),
  address: text(500),
  access: text(1000),
  contactPerson: text(100),
  contactPhone: text(50),
  isPublic: z.boolean(),
  townshipCode: township,
  site: PolygonSchema.nullable(),
});

export const WarehouseProps = z.strictObject({
  ...base,
  level: z.enum(WAREHOUSE_LEVELS),
  floorAreaM2: areaM2,
  townshipCode: township,
  contactPerson: text(100),
  contactPhone: text(50),
});

export const FireStationProps = z.strictObject({
  ...base,
  stationType: z.enum(STATION_TYPES),
  vehicles: count.max(1000),
  staff: count.max(10_000),
  turnoutMinutes: z.number().finite().positive().max(120),
  townshipCode: township,
  contactPhone: text(50),
});

export const DemandPointProps = z.strictObject({
  ...base,
  kind: z.enum(DEMAND_POINT_KINDS),
  townshipCode: z.string().min(1).max(32),
  population: count,
});

export const CandidateSiteProps = z.strictObject({
  ...base,
  siteType: z.enum(SITE_TYPES),
  areaM2,
  effectiveAreaM2: areaM2,
  suitableFor: z.array(z.enum(CANDIDATE_USES)).max(2),
  townshipCode: township,
  constraints: text(5000),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-28').meta({ format: 'date' });

export const HiddenHazardProps = z.strictObject({
  ...base,
  riskPointCode: z.string().max(64).nullable(),
  hazardSourceCode: z.string().max(64).nullable(),
  enterprise: text(200),
  place: text(500),
  townshipCode: township,
  category: z.enum(HAZARD_CATEGORIES),
  grade: z.enum(HIDDEN_HAZARD_GRADES),
  discoverySource: z.enum(DISCOVERY_SOURCES),
  finder: text(200),
  foundOn: isoDate,
  description: text(10_000),
  responsibleUnit: text(200),
  responsiblePerson: text(100),
  measures: text(10_000),
  fundsYuan: z.number().finite().min(0).max(1e12).nullable().describe('rectification funds, yuan'),
  deadline: isoDate.nullable(),
  contingencyPlan: text(10_000),
  status: z.enum(HAZARD_STATUSES),
  supervised: z.boolean(),
  closedOn: isoDate.nullable(),
});
