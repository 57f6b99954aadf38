import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { queryNumber } from '../http/query-number.js';
import { ERRORS, collectionOf, queryBool } from './shared-answers.js';

export const RiskMapQuery = z.object({
  by: z.enum(['township', 'grid']).default('township'),
  cell: queryNumber(z.number()).optional().describe('grid cell size, m (by=grid)'),
  shape: z.enum(['square', 'hex']).default('square'),
  method: z.enum(['max', 'weighted']).default('max'),
  includeEmpty: queryBool.default(false),
});

export const DensityQuery = z.object({
  cell: queryNumber(z.number()).optional().describe('raster cell size, m'),
  bandwidth: queryNumber(z.number().positive().max(50_000)).optional().describe('kernel bandwidth, m'),
});

export const PerCapitaQuery = z.object({
  includePlanned: queryBool.default(false),
  target: queryNumber(z.number().positive().max(100)).optional().describe('target effective shelter area, m²/person'),
  format: z.enum(['json', 'geojson']).default('json'),
});

export const CoverageQuery = z.object({
  facility: z.enum(['shelters', 'fire-stations', 'warehouses']),
  includePlanned: queryBool.default(false),
  speedKmh: queryNumber(z.number().positive().max(200)).optional().describe('travel speed, km/h'),
  detourFactor: queryNumber(z.number().min(1).max(5)).optional().describe('road distance ÷ straight-line distance'),
  /** Also count risk-weighted demand (as siting does for fire stations by default). */
  riskWeighting: queryBool.default(false),
});

const json = 'application/json';
const geojson = 'application/geo+json';
const Counts = z.record(z.string(), z.number()).describe('risk points by level (1 major … 4 low), count');

/** One township or grid cell of the four-colour e-map. */
const EmapArea = z.looseObject({
  level: z.number().nullable().describe('risk level 1–4 of the area (highest inside, or the weighted band); null when empty'),
  color: z.string().nullable(),
  counts: Counts,
  total: z.number().describe('risk points inside, count'),
  weightedIndex: z.number().describe('Σ level weights ÷ area, weight per km²'),
  areaKm2: z.number().describe('km²'),
  top: z.array(z.looseObject({ code: z.string(), name: z.string(), level: z.number(), score: z.number() })).optional().describe('the highest risks inside (signed-in callers only)'),
});

export const RiskMapAnswer = collectionOf(EmapArea).extend({
  legend: z.looseObject({
    method: z.string(),
    items: z.array(z.looseObject({ level: z.number(), key: z.string(), zh: z.string(), en: z.string(), color: z.string(), weight: z.number(), count: z.number().describe('areas of this level, count') })),
  }),
  unassigned: z.number().describe('risk points in no township / cell, count'),
  by: z.enum(['township', 'grid']),
  method: z.enum(['max', 'weighted']),
  cellM: z.number().optional().describe('cell size used, m (by=grid)'),
  shape: z.string().optional(),
});

export const RiskDensityAnswer = z.looseObject({
  bbox: z.array(z.number()).length(4).describe('[west, south, east, north] of the raster, degrees (CRS84)'),
  cellM: z.number().describe('cell size, m'),
  bandwidthM: z.number().describe('kernel bandwidth, m'),
  kernel: z.string(),
  cols: z.number(),
  rows: z.number(),
  values: z.array(z.number()).describe('row-major density values, risk level weight per km²'),
  max: z.number().describe('largest value, weight per km²'),
  unit: z.literal('weight/km²'),
});

/** One row of the per-capita table (a township, the county town or the county). */
export const PerCapitaRow = z.looseObject({
  townshipCode: z.string().describe('the township code (county-town / county for the two total rows)'),
  name: z.string(),
  population: z.number().describe('resident population, people'),
  shelterCount: z.number().describe('counted shelters, count'),
  effectiveAreaM2: z.number().describe('Σ effective area of the counted shelters, m²'),
  perCapitaM2: z.number().nullable().describe('effective shelter area per resident, m²/person (effectiveAreaM2 ÷ population); null when nobody lives there'),
  meetsTarget: z.boolean().nullable(),
  shortfallM2: z.number().describe('effective area still needed to reach the target, m²; 0 when met'),
  capacity: z.number().describe('Σ capacity of the counted shelters, people'),
  capacityRequired: z.number().describe('capacityShare × population, people'),
  meetsCapacity: z.boolean(),
  targetApplies: z.boolean().describe('true for the row the plan target is set for (the county town)'),
});

export const PerCapitaAnswer = z.looseObject({
  areaBasis: z.literal('effective').describe('shelter area counted: the effective (usable) area, not the site area'),
  targetM2: z.number().describe('target effective area, m²/person'),
  capacityShare: z.number().describe('share of residents the shelters should hold (0–1)'),
  statusesCounted: z.array(z.string()),
  townships: z.array(PerCapitaRow),
  countyTown: PerCapitaRow.nullable(),
  county: PerCapitaRow,
  unassignedShelters: z.array(z.string()).describe('codes of counted shelters in no township'),
  shortfall: z.looseObject({ netM2: z.number().describe('county-wide shortfall, m²'), sumOfTownshipsM2: z.number().describe('Σ township shortfalls (no offset between townships), m²') }),
});

export const PerCapitaGeoJSONAnswer = collectionOf(PerCapitaRow.partial()).extend({ areaBasis: z.string(), targetM2: z.number().describe('m²/person') });

const CoverageRow = z.looseObject({
  townshipCode: z.string(),
  population: z.number().describe('resident population of the demand points, people'),
  coveredPopulation: z.number().describe('people within reach'),
  uncoveredPopulation: z.number().describe('people'),
  coveredShare: z.number().describe('coveredPopulation ÷ population (0–1)'),
});

export const CoverageAnswer = z.looseObject({
  facility: z.enum(['shelters', 'fire-stations', 'warehouses']),
  impedance: z
    .looseObject({
      method: z.string(),
      mode: z.string(),
      detourFactor: z.number().describe('road distance ÷ straight-line distance'),
      radiusMByClass: z.record(z.string(), z.number()).optional().describe('shelters: reach by shelter class, m'),
      responseMinutes: z.number().optional().describe('fire stations: turn-out + driving time, min'),
      speedKmh: z.number().optional().describe('warehouses: driving speed, km/h'),
      reachMinutesByLevel: z.record(z.string(), z.number()).optional().describe('warehouses: reach time by warehouse level, min'),
    })
    .describe('how reach is measured (speed, detour, radii by class)'),
  population: z.number().describe('resident population of all demand points, people'),
  coveredPopulation: z.number().describe('people within reach of a facility'),
  uncoveredPopulation: z.number().describe('people'),
  coveredShare: z.number().describe('coveredPopulation ÷ population (a share of people, 0–1)'),
  townships: z.array(CoverageRow),
  weighted: z
    .looseObject({
      totalWeight: z.number().describe('Σ risk-weighted demand (people × level weight), not a head count'),
      coveredWeight: z.number(),
      uncoveredWeight: z.number(),
      coveredShare: z.number().describe('coveredWeight ÷ totalWeight (0–1)'),
    })
    .nullable()
    .describe('risk-weighted demand (riskWeighting=true); null otherwise'),
  uncovered: collectionOf(z.looseObject({ code: z.string(), name: z.string().optional(), townshipCode: z.string(), population: z.number().optional().describe('people (signed-in callers)') })).describe('demand points out of reach'),
  facilities: z.array(
    z.looseObject({
      code: z.string(),
      name: z.string(),
      reachM: z.number().optional().describe('reach, m (signed-in callers)'),
      servedPopulation: z.number().optional().describe('people'),
      servedDemandPoints: z.number().optional().describe('count'),
    }),
  ),
  denominator: z.looseObject({ quantity: z.literal('people'), population: z.number().describe('people'), zh: z.string(), en: z.string() }).describe('what coveredShare divides by'),
  weighting: z.looseObject({ radiusM: z.number().describe('m'), zh: z.string(), en: z.string() }).optional().describe('the risk-weighting rule (riskWeighting=true)'),
});

export const analyticsRiskMap = defineRoute({
  method: 'GET',
  path: '/api/analytics/risk-map',
  access: 'anyone',
  summary: 'Four-colour risk e-map by township or metric grid (level, colour, counts, legend)',
  tags: ['analytics'],
  query: RiskMapQuery,
  responses: { 200: { description: 'areas with level and colour', contentType: geojson, schema: RiskMapAnswer }, 400: ERRORS[400] },
  example: { path: '/api/analytics/risk-map' },
});

export const analyticsRiskDensity = defineRoute({
  method: 'GET',
  path: '/api/analytics/risk-density',
  access: 'anyone',
  summary: 'Kernel density of risk weight (raster, weight per km²)',
  tags: ['analytics'],
  query: DensityQuery,
  responses: { 200: { description: 'the raster', contentType: json, schema: RiskDensityAnswer }, 400: ERRORS[400] },
  example: { path: '/api/analytics/risk-density' },
});

export const analyticsShelterPerCapita = defineRoute({
  method: 'GET',
  path: '/api/analytics/shelter-per-capita',
  access: 'anyone',
  summary: 'Effective shelter area per resident (m²/person) by township, county town and county, against the target',
  description: 'format=geojson answers the township polygons with the rows as properties (application/geo+json, PerCapitaGeoJSONAnswer).',
  tags: ['analytics'],
  query: PerCapitaQuery,
  responses: { 200: { description: 'rows (or GeoJSON with format=geojson)', contentType: json, schema: z.union([PerCapitaAnswer, PerCapitaGeoJSONAnswer]) }, 400: ERRORS[400] },
  example: { path: '/api/analytics/shelter-per-capita' },
});

export const analyticsCoverage = defineRoute({
  method: 'GET',
  path: '/api/analytics/coverage',
  access: 'anyone',
  summary: 'Population covered by shelters (walking), fire stations (5-minute reach) or warehouses (reach by level), by township',
  description: 'Shares count people; with riskWeighting=true `weighted` also gives risk-weighted demand (people × level weight), not a head count. Warehouses and risk weighting need a signed-in caller.',
  tags: ['analytics'],
  query: CoverageQuery,
  responses: { 200: { description: 'per-township rows and uncovered points', contentType: json, schema: CoverageAnswer }, 400: ERRORS[400], 401: ERRORS[401] },
  example: { path: '/api/analytics/coverage?facility=shelters' },
});

export const ANALYTICS_ROUTES = [analyticsRiskMap, analyticsRiskDensity, analyticsShelterPerCapita, analyticsCoverage] as const;

/** The answers as their readers see them (zod output types). */
export type RiskMapAnswer = z.output<typeof RiskMapAnswer>;
export type RiskMapArea = z.output<typeof EmapArea>;
export type PerCapitaAnswer = z.output<typeof PerCapitaAnswer>;
export type PerCapitaRow = z.output<typeof PerCapitaRow>;
export type CoverageAnswer = z.output<typeof CoverageAnswer>;
export type CoverageRow = z.output<typeof CoverageRow>;
