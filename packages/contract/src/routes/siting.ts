import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { ERRORS, SIGNED_IN_ERRORS, collectionOf } from './shared-answers.js';
import { SitingRequest } from './siting-request.js';

const json = 'application/json';
const Problem = SitingRequest.shape.problem;
const SiteId = z.union([z.string(), z.number()]);

const figure = (what: string) => z.number().nullable().optional().describe(what);
/** Objective figures before and after the new sites (location problems: SitingIndicators; shelter gap: per-capita state). */
const Indicators = z.looseObject({
  coveredWeight: figure('demand within the standard (people, or risk-weighted demand)'),
  coveredShare: figure('coveredWeight ÷ totalWeight (0–1)'),
  coveredPopulation: figure('people within the standard'),
  coveredPopulationShare: figure('coveredPopulation ÷ totalPopulation (0–1)'),
  meanImpedance: figure('mean distance (m) or time (min) to the nearest site'),
  maxImpedance: figure('worst distance (m) or time (min)'),
  effectiveAreaM2: figure('shelter gap: Σ effective area, m²'),
  perCapitaM2: figure('shelter gap: m²/person'),
  townshipsBelowTarget: figure('shelter gap: townships below the target, count'),
  shortfallM2: figure('shelter gap: Σ township shortfalls, m²'),
  shortfallBasis: z.enum(['sum-of-townships', 'net']).optional().describe('shelter gap: which shortfall shortfallM2 is: sum-of-townships (no offset between townships) or net (county need − county supply); docs/coverage-model.md §Shortfall'),
}).describe('figures before/after: covered demand (people, or risk-weighted demand when demandBasis.kind is risk-weighted), distances in m; shelter gap: effectiveAreaM2 (m²), perCapitaM2 (m²/person), shortfallM2 (m², Σ townships)');

const PointGeometry = z.looseObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).describe('[longitude, latitude] (CRS84, degrees)') });
/** A chosen site, with what accepting it as a planned facility posts. */
const SiteProps = z.looseObject({
  code: z.string(),
  name: z.string(),
  siteType: z.string().nullable(),
  areaM2: z.number().nullable().describe('m²'),
  effectiveAreaM2: z.number().nullable().describe('m²'),
  townshipName: z.string().nullable(),
  demandCount: z.number().optional().describe('demand points it serves, count'),
  demandWeight: z.number().optional().describe('demand it serves (people or weighted)'),
  basis: z.string().optional(),
  accept: z.looseObject({
    layer: z.enum(['shelters', 'fire-stations']),
    feature: z.looseObject({ type: z.literal('Feature'), geometry: PointGeometry, properties: z.record(z.string(), z.unknown()) }),
  }),
});

/** Shelter gap: one township's effective area before and after the chosen sites, against the per-capita target. */
const TownshipGapRow = z.looseObject({
  townshipCode: z.string(),
  name: z.string().optional(),
  population: z.number().describe('people'),
  targetAreaM2: z.number().describe('m²'),
  areaBeforeM2: z.number().describe('m²'),
  areaAfterM2: z.number().describe('m²'),
  perCapitaBeforeM2: z.number().nullable().describe('m²/person; null without residents'),
  perCapitaAfterM2: z.number().nullable().describe('m²/person; null without residents'),
  reachesTarget: z.boolean(),
  shortfallM2: z.number().describe('m² still missing after the chosen sites'),
  chosenIds: z.array(SiteId).describe('the chosen sites in this township'),
});

/** The `POST /api/siting` answer (also a finished job's `result` and what a siting scenario stores). */
export const SitingAnswer = z.looseObject({
  runId: z.string(),
  problem: Problem,
  chosen: z.array(SiteId).describe('ids of the chosen new sites'),
  objective: z.number().nullable().describe('the objective after (its unit follows objectiveName: people, weighted demand, m, sites or m²)'),
  objectiveName: z.string(),
  bound: z.number().nullable(),
  totalWeight: z.number().nullable().describe('Σ demand (people, or people × level weight when risk-weighted)'),
  before: Indicators,
  after: Indicators,
  solver: z.string(),
  optimal: z.boolean(),
  gap: z.number().nullable().describe('relative optimality gap (0–1); null when unknown'),
  timeMs: z.number().describe('solve time, ms'),
  timeLimitMs: z.number().describe('ms'),
  timeLimitReached: z.boolean().describe('the solver stopped at its budget: best found, not proven'),
  note: z.string().nullable(),
  sites: z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.looseObject({ type: z.literal('Feature'), id: SiteId.optional(), geometry: PointGeometry, properties: SiteProps })) }),
  excludedCandidates: z.array(
    z.looseObject({ id: SiteId, reason: z.string(), detail: z.string(), name: z.string().optional(), lon: z.number().optional().describe('longitude (CRS84, degrees)'), lat: z.number().optional().describe('latitude (CRS84, degrees)'), hazardName: z.string().optional(), distanceM: z.number().optional().describe('m'), minDistanceM: z.number().optional().describe('m') }),
  ),
  perCapitaTargetM2: z.number().optional().describe('shelter gap: the target, m²/person'),
  townships: z.array(TownshipGapRow).optional().describe('shelter gap: every township before and after the chosen sites'),
  unreachable: z
    .array(z.looseObject({ townshipCode: z.string(), name: z.string().optional(), shortfallM2: z.number().describe('m²'), perCapitaAfterM2: z.number().nullable().optional().describe('m²/person') }))
    .optional()
    .describe('shelter gap: townships the candidates cannot bring to the target'),
  impedance: z.looseObject({ kind: z.string(), unit: z.enum(['m', 'min']) }).optional().describe('location problems: how distance or time was measured'),
  coverageRule: z.looseObject({ matchesCoveragePage: z.boolean(), unit: z.enum(['m', 'min']), zh: z.string(), en: z.string() }).nullable().optional(),
  demandBasis: z.looseObject({ kind: z.enum(['population', 'risk-weighted']), zh: z.string(), en: z.string() }).optional().describe('what the demand figures count'),
  uncoverable: z
    .looseObject({ count: z.number(), population: z.number().describe('people'), points: collectionOf(z.looseObject({ code: z.string(), population: z.number() })) })
    .nullable()
    .optional()
    .describe('coverage problems: demand no existing site nor any candidate reaches'),
  inputs: z.looseObject({ demandCount: z.number(), candidateCount: z.number(), existingCount: z.number() }).describe('where the demand, candidates and existing sites came from, with counts'),
});

/** A siting job (a run solved by a worker; rows in the database, so any process answers). */
export const SitingJob = z.looseObject({
  id: z.string().describe('UUID'),
  problem: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  createdBy: z.string(),
  createdAt: z.string().describe('ISO time'),
  elapsedMs: z.number().describe('ms'),
  timeLimitMs: z.number().describe('ms'),
  progress: z.number().describe('0–1'),
  worker: z.string().nullable(),
  heartbeatAt: z.string().optional(),
  result: SitingAnswer.optional(),
  error: z.looseObject({ status: z.number(), code: z.string(), message: z.string() }).optional(),
});

const name = z.string().trim().min(1, 'required').max(200);
export const SaveSitingScenario = z.union([
  z.strictObject({ name, runId: z.string().uuid() }),
  z.strictObject({
    name,
    params: SitingRequest,
    result: z.looseObject({ problem: Problem, chosen: z.array(SiteId) }),
  }),
]);
export const SitingScenarioQuery = z.object({ problem: Problem.optional() });
export const SitingScenarioId = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
/** Job ids are checked by the handler (anything not a UUID is an unknown job, 404). */
const JobId = z.object({ id: z.string() });

const ScenarioSummary = z.looseObject({
  id: z.number(),
  name: z.string(),
  problem: z.string(),
  params: z.unknown(),
  runId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string().describe('ISO time'),
  version: z.number(),
});
export const SitingScenarioAnswer = ScenarioSummary.extend({ result: z.unknown() });

export const sitingRun = defineRoute({
  method: 'POST',
  path: '/api/siting',
  access: 'editors',
  summary: 'Site new shelters or fire stations (LSCP, MCLP, p-median, p-center, shelter gap)',
  description: 'Small instances are solved in the request (200); large ones, `async: true`, or a busy pool answer 202 with a job (follow Location).',
  tags: ['siting'],
  body: { contentType: json, schema: SitingRequest },
  responses: {
    200: { description: 'the result', contentType: json, schema: SitingAnswer },
    202: { description: 'a job; follow Location', contentType: json, schema: SitingJob },
    400: ERRORS[400],
    ...SIGNED_IN_ERRORS,
  },
  example: { body: {} },
});

export const sitingJobGet = defineRoute({
  method: 'GET',
  path: '/api/siting/jobs/:id',
  access: 'editors',
  summary: 'Progress and result of a siting job',
  tags: ['siting'],
  params: JobId,
  responses: { 200: { description: 'the job', contentType: json, schema: SitingJob }, 404: ERRORS[404], ...SIGNED_IN_ERRORS },
  example: { path: '/api/siting/jobs/none' },
});

export const sitingJobCancel = defineRoute({
  method: 'DELETE',
  path: '/api/siting/jobs/:id',
  access: 'editors',
  summary: 'Cancel a siting job (its owner or an admin)',
  tags: ['siting'],
  params: JobId,
  responses: { 200: { description: 'cancelled', contentType: json, schema: SitingJob }, 404: ERRORS[404], 409: ERRORS[409], ...SIGNED_IN_ERRORS },
  example: { path: '/api/siting/jobs/none' },
});

export const sitingScenarioSave = defineRoute({
  method: 'POST',
  path: '/api/siting/scenarios',
  access: 'editors',
  summary: 'Save a siting run as a named siting scenario',
  tags: ['siting'],
  body: { contentType: json, schema: SaveSitingScenario },
  responses: { 201: { description: 'saved; Location names it', contentType: json, schema: SitingScenarioAnswer }, 400: ERRORS[400], 404: ERRORS[404], 409: ERRORS[409], ...SIGNED_IN_ERRORS },
  example: { body: {} },
});

export const sitingScenarioList = defineRoute({
  method: 'GET',
  path: '/api/siting/scenarios',
  access: 'signed-in',
  summary: 'Saved siting scenarios (without results)',
  tags: ['siting'],
  query: SitingScenarioQuery,
  responses: { 200: { description: 'siting scenarios', contentType: json, schema: z.object({ scenarios: z.array(ScenarioSummary) }) }, 400: ERRORS[400], ...SIGNED_IN_ERRORS },
  example: { path: '/api/siting/scenarios' },
});

export const sitingScenarioGet = defineRoute({
  method: 'GET',
  path: '/api/siting/scenarios/:id',
  access: 'signed-in',
  summary: 'One saved siting scenario with its result',
  tags: ['siting'],
  params: SitingScenarioId,
  responses: { 200: { description: 'the siting scenario', contentType: json, schema: SitingScenarioAnswer }, 400: ERRORS[400], 404: ERRORS[404], ...SIGNED_IN_ERRORS },
  example: { path: '/api/siting/scenarios/999999' },
});

export const sitingScenarioDelete = defineRoute({
  method: 'DELETE',
  path: '/api/siting/scenarios/:id',
  access: 'editors',
  summary: 'Delete a saved siting scenario (its author or an admin)',
  tags: ['siting'],
  params: SitingScenarioId,
  responses: { 204: { description: 'deleted' }, 400: ERRORS[400], 404: ERRORS[404], ...SIGNED_IN_ERRORS },
  example: { path: '/api/siting/scenarios/999999' },
});

export const SITING_ROUTES = [sitingRun, sitingJobGet, sitingJobCancel, sitingScenarioSave, sitingScenarioList, sitingScenarioGet, sitingScenarioDelete] as const;

/** The siting answer as its readers see it (also a job's result). */
export type SitingAnswer = z.output<typeof SitingAnswer>;
export type SitingJob = z.output<typeof SitingJob>;
