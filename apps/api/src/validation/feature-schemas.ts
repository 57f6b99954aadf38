import { z } from 'zod';
import type { LayerId } from '@riskmap/geo';
import { MultiPolygonSchema, PointOrPair, PointSchema, PolygonSchema } from './geometry.js';

/**
 * zod schemas of the editable properties of each layer (camelCase, as in GeoJSON features), and of
 * each layer's geometry. Text is taken verbatim (Chinese, quotes, markup: nothing is trimmed or rewritten).
 */
const text = (max = 2000) => z.string().max(max);
const name = z.string().min(1, 'required').max(200);
const code = z.string().min(1, 'required').max(64);
const township = z.string().max(32).nullable();
const count = z.number().int().min(0);
const areaM2 = z.number().finite().min(0).max(1e9);
const SITE_TYPES = ['park', 'square', 'school', 'stadium', 'civil-defence', 'green', 'vacant', 'other'] as const;

const base = { code, name, sample: z.boolean() };

export const TownshipProps = z.strictObject({
  ...base,
  parentCode: z.string().max(32).nullable(),
  population: count,
  isUrban: z.boolean(),
  kind: z.enum(['subdistrict', 'town', 'township', 'county']),
  approximate: z.boolean(),
  seat: PointOrPair.nullable(),
});

export const RiskPointProps = z.strictObject({
  ...base,
  industry: z.enum(['hazardous-chemicals', 'gas', 'transport', 'construction', 'metallurgy', 'fireworks', 'ammonia-refrigeration', 'school', 'crowded-place', 'other']),
  hazardTypes: z.array(text(100)).max(50),
  assessmentMethod: z.enum(['lec', 'matrix']),
  assessmentInputs: z.record(z.string().max(20), z.number().finite()),
  score: z.number().finite().min(0),
  level: z.number().int().min(1).max(4),
  methodVersion: text(100),
  assessedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date like 2026-11-28').nullable(),
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
  category: z.enum(['explosive', 'flammable-gas', 'toxic-gas', 'flammable-liquid', 'other']),
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
  grade: z.number().int().min(1).max(4).nullable(),
  peopleWithin500m: count.nullable(),
  methodVersion: text(100),
  contactPerson: text(100),
  contactPhone: text(50),
  boundary: PolygonSchema.nullable(),
});

export const ShelterProps = z.strictObject({
  ...base,
  shelterClass: z.enum(['emergency', 'short-term', 'medium-term', 'long-term', 'central']),
  siteType: z.enum(SITE_TYPES),
  totalAreaM2: areaM2,
  effectiveAreaM2: areaM2,
  capacity: count.max(10_000_000),
  status: z.enum(['planned', 'built', 'open', 'closed']),
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
  level: z.enum(['county', 'township', 'park']),
  floorAreaM2: areaM2,
  townshipCode: township,
  contactPerson: text(100),
  contactPhone: text(50),
});

export const FireStationProps = z.strictObject({
  ...base,
  stationType: z.enum(['class-1', 'class-2', 'special', 'small', 'township-full-time-1', 'township-full-time-2', 'township-volunteer', 'micro']),
  vehicles: count.max(1000),
  staff: count.max(10_000),
  turnoutMinutes: z.number().finite().positive().max(120),
  townshipCode: township,
  contactPhone: text(50),
});

export const DemandPointProps = z.strictObject({
  ...base,
  kind: z.enum(['village', 'community']),
  townshipCode: z.string().min(1).max(32),
  population: count,
});

export const CandidateSiteProps = z.strictObject({
  ...base,
  siteType: z.enum(SITE_TYPES),
  areaM2,
  effectiveAreaM2: areaM2,
  suitableFor: z.array(z.enum(['shelter', 'fire-station'])).max(2),
  townshipCode: township,
  constraints: text(5000),
});

type AnyProps = z.ZodObject<z.ZodRawShape, z.core.$strict>;

export interface LayerSchema {
  properties: AnyProps;
  /** Properties a new feature must carry (the rest take the database defaults). */
  required: readonly string[];
  geometry: z.ZodType;
}

/** Per layer: the property schema, the required properties on create, and the geometry schema. */
export const LAYER_SCHEMAS: Record<LayerId, LayerSchema> = {
  townships: { properties: TownshipProps, required: ['code', 'name', 'population', 'kind'], geometry: z.union([PolygonSchema, MultiPolygonSchema]) },
  'risk-points': {
    properties: RiskPointProps,
    required: ['code', 'name', 'industry', 'assessmentMethod', 'score', 'level', 'methodVersion'],
    geometry: z.union([PointSchema, PolygonSchema]),
  },
  'hazard-sources': { properties: HazardSourceProps, required: ['code', 'name'], geometry: PointSchema },
  shelters: {
    properties: ShelterProps,
    required: ['code', 'name', 'shelterClass', 'siteType', 'totalAreaM2', 'effectiveAreaM2', 'capacity', 'status'],
    geometry: PointSchema,
  },
  warehouses: { properties: WarehouseProps, required: ['code', 'name', 'level'], geometry: PointSchema },
  'fire-stations': { properties: FireStationProps, required: ['code', 'name', 'stationType'], geometry: PointSchema },
  'demand-points': { properties: DemandPointProps, required: ['code', 'name', 'kind', 'townshipCode', 'population'], geometry: PointSchema },
  'candidate-sites': { properties: CandidateSiteProps, required: ['code', 'name', 'siteType', 'areaM2', 'effectiveAreaM2'], geometry: PointSchema },
};
