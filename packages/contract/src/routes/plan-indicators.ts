import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { ERRORS, SIGNED_IN_ERRORS } from './shared-answers.js';

const json = 'application/json';

export const PlanIndicatorEntry = z.strictObject({
  value: z.number().finite().min(0).max(1e9).describe('in the indicator’s unit'),
  source: z.string().min(1, 'required: 统计公报, 应急局 annual figures …').max(500),
  note: z.string().max(2000).default(''),
  version: z.number().int().positive().optional().describe('the version read (required to change an existing value)'),
});
export const PlanIndicatorParams = z.object({ key: z.string().max(80), year: z.coerce.number().int().min(2000).max(2100) });

/** One value of an indicator for a year, entered (with its source) or computed by riskmap. */
export const PlanIndicatorValue = z.looseObject({
  year: z.number(),
  value: z.number().describe('in the indicator’s unit'),
  source: z.string(),
  note: z.string(),
  sample: z.boolean(),
  version: z.number(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

export const PlanIndicatorsAnswer = z.looseObject({
  planSource: z.string(),
  today: z.string(),
  items: z.array(
    z.looseObject({
      key: z.string(),
      no: z.number(),
      zh: z.string(),
      en: z.string(),
      unit: z.string(),
      target: z.number().describe('in unit'),
      targetYear: z.number(),
      comparison: z.string(),
      basis: z.string().describe('entered, or how riskmap computes it (per-capita-shelter-county-town: effective shelter area ÷ county-town residents, m²/person)'),
      values: z.array(PlanIndicatorValue.extend({ computed: z.boolean() })),
      latest: PlanIndicatorValue.extend({ computed: z.boolean() }).nullable(),
      meets: z.boolean().nullable(),
    }),
  ),
  sample: z.boolean(),
});

export const planIndicatorsList = defineRoute({
  method: 'GET',
  path: '/api/plan-indicators',
  access: 'signed-in',
  summary: 'The plan’s indicators with target, values by year and a judgement of the latest (indicator 7 computed by the per-capita function)',
  tags: ['planning'],
  responses: { 200: { description: 'the indicators', contentType: json, schema: PlanIndicatorsAnswer }, ...SIGNED_IN_ERRORS },
  example: { path: '/api/plan-indicators' },
});

export const planIndicatorPut = defineRoute({
  method: 'PUT',
  path: '/api/plan-indicators/:key/:year',
  access: 'admin',
  summary: 'Enter a year’s value of an indicator with its source (versioned, audited)',
  tags: ['planning'],
  params: PlanIndicatorParams,
  body: { contentType: json, schema: PlanIndicatorEntry },
  responses: {
    200: { description: 'changed', contentType: json, schema: PlanIndicatorValue },
    201: { description: 'entered', contentType: json, schema: PlanIndicatorValue },
    400: ERRORS[400],
    404: ERRORS[404],
    409: ERRORS[409],
    ...SIGNED_IN_ERRORS,
  },
  example: { path: '/api/plan-indicators/none/2025', body: {} },
});

export const PLAN_INDICATOR_ROUTES = [planIndicatorsList, planIndicatorPut] as const;
