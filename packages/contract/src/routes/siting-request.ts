import { z } from 'zod';

/**
 * zod schema of the `POST /api/siting` body (docs/siting-problems.md): the problem, the facility, its parameters,
 * and optional inline GeoJSON demand / candidates / existing facilities replacing the stored layers.
 */
const lon = z.number().finite().min(-180).max(180);
const lat = z.number().finite().min(-90).max(90);
const id = z.union([z.string().min(1).max(200), z.number().finite()]);
const nonNegative = z.number().finite().min(0);

const point = z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([lon, lat]).rest(z.number()) });
const feature = <P extends z.ZodType>(properties: P) =>
  z.object({ type: z.literal('Feature'), id: id.optional(), geometry: point, properties });
const collection = <P extends z.ZodType>(properties: P, min = 0) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(feature(properties)).min(min, `needs at least ${min} feature`).max(200_000) });

const DemandProps = z.looseObject({
  id: id.optional(),
  weight: nonNegative.optional(),
  population: nonNegative.optional(),
  riskWeight: nonNegative.optional(),
});
const SiteProps = z.looseObject({
  id: id.optional(),
  code: id.optional(),
  name: z.string().max(200).optional(),
  siteType: z.string().max(64).optional(),
  areaM2: nonNegative.optional(),
  effectiveAreaM2: nonNegative.optional(),
  townshipCode: z.string().max(32).nullable().optional(),
});

export const DemandCollection = collection(DemandProps.nullable().optional(), 1);
export const SiteCollection = collection(SiteProps.nullable().optional());

const lineGeometry = z.looseObject({ type: z.enum(['LineString', 'MultiLineString']), coordinates: z.array(z.unknown()) });
const NetworkCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.looseObject({ type: z.literal('Feature'), geometry: lineGeometry, properties: z.record(z.string(), z.unknown()).nullable().optional() })).min(1),
});

const detourFactor = z.number().finite().min(1).max(5).optional();
const speedKmh = z.number().finite().positive().max(200).optional();
export const ImpedanceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('geodesic'), detourFactor }),
  z.strictObject({ kind: z.literal('time'), speedKmh, detourFactor, turnoutMinutes: nonNegative.max(30).optional() }),
  z.strictObject({
    kind: z.literal('network'),
    network: NetworkCollection.optional(),
    classSpeedsKmh: z.record(z.string(), z.number().finite().positive().max(200)).optional(),
    defaultSpeedKmh: speedKmh,
    accessSpeedKmh: speedKmh,
    detourFactor,
    maxSnapM: z.number().finite().positive().optional(),
    turnoutMinutes: nonNegative.max(30).optional(),
  }),
]);

export const CandidateFilterSchema = z.strictObject({
  siteTypes: z.array(z.string().max(64)).min(1).optional(),
  minAreaM2: nonNegative.optional(),
  /** Drop candidates closer than this to a hazard source (default from configuration: 1 000 m shelters, 300 m fire stations). Applies even without a filter. */
  minHazardDistanceM: nonNegative.max(50_000).optional(),
  /** Use the stored hazard-sources layer for the safety distance (default true). */
  hazardSources: z.boolean().default(true),
});

export const SitingRequest = z.strictObject({
  problem: z.enum(['lscp', 'mclp', 'p-median', 'p-center', 'shelter-gap']),
  facility: z.enum(['shelter', 'fire-station']).default('shelter'),
  /** New sites; MCLP accepts 0 (the existing facilities alone: the coverage page's figure). */
  p: z.number().int('must be an integer').min(0, 'must be ≥ 0').max(10_000).optional(),
  radiusM: z.number().finite().positive('must be > 0').max(100_000).optional(),
  minutes: z.number().finite().positive('must be > 0').max(600).optional(),
  impedance: ImpedanceSchema.optional(),
  demand: DemandCollection.optional(),
  candidates: SiteCollection.optional(),
  existing: SiteCollection.optional(),
  candidateFilter: CandidateFilterSchema.optional(),
  /** Solver time budget (ms); a run that reaches it returns its best solution and says so. */
  timeLimitMs: z.number().int().min(100).max(600_000).optional(),
  exact: z.boolean().optional(),
  /** Always answer 202 with a job id, whatever the instance size. */
  async: z.boolean().default(false),
  seed: z.number().int().optional(),
  /** Demand weight × the level weight of the highest risk point within `riskRadiusM` (default: on for fire stations). */
  riskWeighting: z.boolean().optional(),
  riskRadiusM: z.number().finite().positive().max(20_000).optional(),
  /** Count planned shelters as existing (and, for shelter-gap, in the current area). */
  includePlanned: z.boolean().default(false),
  /** Shelter gap: the per-capita target (m² effective area per resident; default from configuration). */
  perCapitaTargetM2: z.number().finite().positive().max(100).optional(),
  objective: z.enum(['fewest-sites', 'least-area']).optional(),
});
export type SitingRequest = z.infer<typeof SitingRequest>;
