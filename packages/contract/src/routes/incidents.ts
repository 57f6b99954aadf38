import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { INCIDENT_TYPES } from '../enums-risk.js';
import { ERRORS, SIGNED_IN_ERRORS, LonLat } from './shared-answers.js';

/** The incident impact request: a stored hazard source or a point (with a type), optional radii and wind. */
export const IncidentImpactBody = z
  .object({
    hazardSourceId: z.union([z.number().int().positive().max(2 ** 31 - 1), z.string().trim().min(1).max(100)]).optional().describe('a hazard source id or code'),
    location: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional().describe('[longitude, latitude] (CRS84, degrees)'),
    type: z.enum(INCIDENT_TYPES).optional(),
    radiiM: z.array(z.number().positive()).min(1).max(10).optional().describe('zone radii, m (override the consequence model)'),
    windFromDeg: z.number().min(0).max(360).optional().describe('direction the wind blows from, degrees clockwise from north'),
    windSpeedMs: z.number().min(0).max(60).optional().describe('m/s'),
  })
  .strict();

const Key = z.union([z.string(), z.number()]).describe('feature id (database id, else code)');
const Code = z.string().nullable();
const m = (what = 'm') => z.number().describe(what);
const Shape = z.enum(['circle', 'plume']);
const Position = z.array(z.number()).min(2).describe('[longitude, latitude] (CRS84, degrees)');

const Zone = z.looseObject({
  key: z.string(),
  rank: z.number().describe('0 = innermost'),
  radiusM: m('reach from the source, m'),
  shape: Shape,
  evacuate: z.boolean(),
  arrivalMinutes: z.number().nullable().describe('gas arrival at the zone edge at the wind speed, min; null without wind'),
  population: z.number().describe('people in this zone (demand points and density)'),
  cumulativePopulation: z.number().describe('people in this zone and the inner ones'),
  fromPoints: z.number().describe('people of the demand points in this zone'),
  fromDensity: z.number().describe('people estimated from township density in this zone'),
  villages: z.number().describe('villages (demand points) in the zone, count'),
});
const ZonePolygon = z.looseObject({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) });
const AllocationLine = z.looseObject({
  type: z.literal('Feature'),
  geometry: z.looseObject({ type: z.literal('LineString'), coordinates: z.array(Position) }),
  properties: z.looseObject({ villageId: Key, shelterId: Key, villageName: z.string(), shelterName: z.string(), people: z.number().describe('people'), distanceM: m() }),
});

export const IncidentImpactAnswer = z.looseObject({
  scenario: z
    .looseObject({
      type: z.enum(INCIDENT_TYPES),
      location: LonLat,
      sourceId: Key.nullable(),
      radiiM: z.array(z.number()).describe('m'),
      windFromDeg: z.number().nullable(),
      windSpeedMs: z.number().nullable().describe('m/s'),
      shape: Shape,
    })
    .describe('the incident as computed (type, location, radii, wind)'),
  zones: z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.looseObject({ type: z.literal('Feature'), geometry: ZonePolygon, properties: Zone })) }),
  population: z.number().describe('people inside the outermost zone'),
  evacuees: z.number().describe('people in the zones to evacuate'),
  villages: z.array(
    z.looseObject({ id: Key, code: Code, name: z.string(), population: z.number().describe('people'), zone: z.string(), rank: z.number(), evacuate: z.boolean(), distanceM: m(), lonLat: LonLat }),
  ),
  riskPoints: z
    .array(z.looseObject({ id: Key, code: Code, name: z.string(), level: z.number(), zone: z.string(), distanceM: m(), enterprise: z.string().nullable() }))
    .describe('other risk points in the zones (domino risks)'),
  hazardSources: z.array(
    z.looseObject({ id: Key, code: Code, name: z.string(), zone: z.string(), distanceM: m(), grade: z.number().nullable(), isMajor: z.boolean(), substances: z.array(z.string()) }),
  ),
  unsafeShelters: z
    .array(z.looseObject({ id: Key, code: Code, name: z.string(), zone: z.string(), distanceM: m(), capacity: z.number().describe('people'), status: z.string().nullable() }))
    .describe('shelters inside a zone'),
  safeShelters: z.array(
    z.looseObject({
      id: Key, code: Code, name: z.string(), shelterClass: z.string().nullable(), distanceM: m(), capacity: z.number().describe('people'),
      allocated: z.number().describe('people'), remainingCapacity: z.number().describe('people'), lonLat: LonLat,
    }),
  ),
  unsuitableShelters: z.number().describe('shelters not suitable for this incident type, count'),
  allocations: z
    .array(z.looseObject({ villageId: Key, shelterId: Key, people: z.number().describe('people'), distanceM: m(), villageName: z.string(), shelterName: z.string() }))
    .describe('evacuees sent from a village to a shelter (people)'),
  unplaced: z.number().describe('evacuees without a shelter place, people'),
  unplacedVillages: z.array(z.unknown()),
  unplacedWithoutLocation: z.number(),
  personMetres: z.number().describe('Σ people × distance of the allocation, person·m'),
  fireStations: z.array(
    z.looseObject({ id: Key, code: Code, name: z.string(), stationType: z.string().nullable(), vehicles: z.number().nullable(), distanceM: m(), etaMinutes: z.number().describe('turnout + travel, min') }),
  ),
  warehouses: z.array(
    z.looseObject({
      id: Key, code: Code, name: z.string(), distanceM: m(), zone: z.string().nullable().describe('the zone the warehouse lies in, or null'),
      stock: z.array(z.looseObject({ item: z.string(), unit: z.string(), quantity: z.number(), minimum: z.number(), belowMinimum: z.boolean() })),
    }),
  ),
  allocationLines: z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(AllocationLine) }),
  consequence: z
    .looseObject({
      method: z.string(),
      radiiM: z.array(z.number()).describe('m'),
      capped: z.boolean().optional().describe('a radius was capped at the configured maximum'),
      thresholds: z.array(z.looseObject({ value: z.number(), unit: z.string() })).optional().describe('the thresholds the radii are drawn at'),
      source: z.string().nullable().optional(),
      zh: z.string(),
      en: z.string(),
    })
    .describe('how the zone radii were chosen (model, thresholds, source)'),
  timeMs: z.number().describe('compute time, ms'),
});

/** The incident impact request and answer as their readers see them. */
export type IncidentImpactRequest = z.input<typeof IncidentImpactBody>;
export type IncidentImpactAnswer = z.output<typeof IncidentImpactAnswer>;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const incidentImpact = defineRoute({
  method: 'POST',
  path: '/api/incidents/impact',
  access: 'signed-in',
  summary: 'Incident impact: zones, people, domino risks, shelters, evacuation allocation, fire stations, warehouses',
  description: 'Give either hazardSourceId or location (with type). Radii come from the consequence model (docs/incident-zones.md) unless radiiM is given.',
  tags: ['command'],
  body: { contentType: 'application/json', schema: IncidentImpactBody },
  responses: {
    200: { description: 'the impact', contentType: 'application/json', schema: IncidentImpactAnswer },
    400: ERRORS[400],
    404: ERRORS[404],
    ...SIGNED_IN_ERRORS,
  },
  example: { body: {} },
});

export const INCIDENT_ROUTES = [incidentImpact] as const;
