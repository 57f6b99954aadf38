import { z } from 'zod';
import { defineRoute, type RouteAnswer } from '../http/route.js';
import { ERRORS, SIGNED_IN_ERRORS, XLSX, pointFeatureOf, Explained } from './shared-answers.js';
import { HiddenHazardProps } from '../features/layer-props.js';

const json = 'application/json';
const geojson = 'application/geo+json';
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-28');

/** Fields a step may set besides the status: the five 到位 and the description (the layer's own field schemas). */
export const HiddenHazardStepFields = HiddenHazardProps.pick({
  responsibleUnit: true, responsiblePerson: true, measures: true, fundsYuan: true, deadline: true, contingencyPlan: true, description: true,
}).partial();

export const HiddenHazardStepBody = z.strictObject({
  step: z.string().min(1).max(40),
  version: z.number().int().positive(),
  onDate: isoDate.optional(),
  note: z.string().max(5000).default(''),
  properties: HiddenHazardStepFields.default({}),
});

export const HiddenHazardListQuery = z.object({
  open: z.enum(['true', 'false']).optional(),
  township: z.string().max(32).optional(),
  category: z.string().max(64).optional(),
  grade: z.enum(['general', 'major']).optional(),
  riskPoint: z.string().max(64).optional(),
});

export const HiddenHazardStatsQuery = z.object({ by: z.enum(['township', 'category']).default('township'), from: isoDate.optional(), to: isoDate.optional() });
export const HiddenHazardMonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-11').optional() });
/** Ids are checked by the handlers (anything not a positive integer is an unknown hazard, 404). */
const HazardId = z.object({ id: z.string() });
export const HiddenHazardUploadQuery = z.object({ filename: z.string().min(1).max(200), stepId: z.coerce.number().int().positive().max(2 ** 31 - 1).optional() });
export const HiddenHazardAttachmentParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1), attachmentId: z.coerce.number().int().positive().max(2 ** 31 - 1) });

/** A hazard's properties with its state on `today` (逾期 computed, never stored). */
const HazardProps = z.looseObject({
  id: z.number().describe('database id'),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  grade: z.string(),
  status: z.string(),
  foundOn: z.string(),
  deadline: z.string().nullable(),
  townshipCode: z.string().nullable(),
  fundsYuan: z.number().nullable().describe('yuan'),
  version: z.number(),
  open: z.boolean(),
  overdue: z.boolean().describe('open and past its deadline on today'),
  shown: z.string(),
  shownZh: z.string(),
  shownEn: z.string(),
  color: z.string(),
});
export const HiddenHazardFeature = pointFeatureOf(HazardProps);
const Step = z.looseObject({ id: z.number(), hazardId: z.number(), step: z.string(), fromStatus: z.string(), toStatus: z.string(), onDate: z.string(), note: z.string(), actor: z.string(), role: z.string(), at: z.string() });
const AttachmentInfo = z.looseObject({ id: z.number(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number().describe('bytes') });
const Labelled = z.looseObject({ zh: z.string(), en: z.string() });
const Group = z.looseObject({
  key: z.string(),
  found: z.number().describe('hazards found in the period, count'),
  major: z.number().describe('count'),
  rectified: z.number().describe('closed, count'),
  open: z.number().describe('count, as of today'),
  overdue: z.number().describe('count, as of today'),
  rectificationRate: z.number().nullable().describe('rectified ÷ found (0–1)'),
  avgDaysToClose: z.number().nullable().describe('mean closedOn − foundOn, days'),
});

/** The register's configured vocabulary (labels, status colours, the flow by role, the recurring rule). */
export const HiddenHazardVocabulary = z.looseObject({
  categories: z.record(z.string(), Labelled),
  grades: z.record(z.string(), Labelled),
  sources: z.record(z.string(), Labelled),
  statuses: z.record(z.string(), Labelled.extend({ color: z.string(), open: z.boolean() })),
  overdue: Labelled.extend({ color: z.string() }),
  supervised: Labelled,
  flow: z.array(z.looseObject({ key: z.string(), zh: z.string(), en: z.string(), from: z.string(), to: z.string(), roles: z.array(z.string()), requires: z.array(z.string()), grades: z.array(z.string()).optional(), once: z.boolean().optional(), needsNote: z.boolean().optional() })),
  recurring: z.looseObject({ minHazards: z.number(), windowDays: z.number().describe('days') }),
  attachments: z.looseObject({ maxBytes: z.number().describe('bytes'), maxPerHazard: z.number(), types: z.array(z.string()) }),
  today: z.string(),
});

const signedInRoute = { access: 'signed-in', tags: ['hidden-hazards'] } as const;

export const hiddenHazardVocabulary = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards/vocabulary',
  summary: 'The configured categories, grades, sources, statuses, flow and limits of the hidden-hazard register',
  responses: {
    200: { description: 'the vocabulary', contentType: json, schema: HiddenHazardVocabulary },
    ...SIGNED_IN_ERRORS,
  },
  example: { path: '/api/hidden-hazards/vocabulary' },
});

export const hiddenHazardList = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards',
  summary: 'The hidden-hazard register as GeoJSON (逾期 computed on today)',
  query: HiddenHazardListQuery,
  responses: { 200: { description: 'the hazards', contentType: geojson, schema: z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(HiddenHazardFeature), today: z.string() }) }, 400: ERRORS[400], ...SIGNED_IN_ERRORS },
  example: { path: '/api/hidden-hazards' },
});

export const hiddenHazardGet = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards/:id',
  summary: 'One hidden hazard with its steps and attachments',
  params: HazardId,
  responses: { 200: { description: 'the hazard', contentType: json, schema: HiddenHazardFeature.extend({ steps: z.array(Step), attachments: z.array(AttachmentInfo) }) }, 404: ERRORS[404], ...SIGNED_IN_ERRORS },
  example: { path: '/api/hidden-hazards/999999' },
});

export const hiddenHazardRecord = defineRoute({
  method: 'POST',
  path: '/api/hidden-hazards',
  access: 'editors',
  accessCheckedBy: 'handler',
  tags: ['hidden-hazards'],
  summary: 'Record a hidden hazard (the flow’s 登记 step; the roles the flow allows, planner and admin by default)',
  body: { contentType: json, schema: z.looseObject({ geometry: z.unknown().optional(), properties: z.record(z.string(), z.unknown()).optional(), note: z.string().max(5000).optional() }).describe('a GeoJSON point feature of the hidden-hazards layer') },
  responses: { 201: { description: 'recorded', contentType: geojson, schema: HiddenHazardFeature }, 400: ERRORS[400], 409: ERRORS[409], ...SIGNED_IN_ERRORS },
  example: { body: {} },
});

export const hiddenHazardStep = defineRoute({
  ...signedInRoute,
  method: 'POST',
  path: '/api/hidden-hazards/:id/steps',
  summary: 'One step of the configured flow (by a role the step allows; versioned)',
  params: HazardId,
  body: { contentType: json, schema: HiddenHazardStepBody },
  responses: { 200: { description: 'the hazard after the step', contentType: geojson, schema: HiddenHazardFeature }, 400: ERRORS[400], 404: ERRORS[404], 409: ERRORS[409], ...SIGNED_IN_ERRORS },
  example: { path: '/api/hidden-hazards/999999/steps', body: {} },
});

export const hiddenHazardStatistics = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards/statistics',
  summary: 'Hidden-hazard figures by township or category (found, rectified, open, overdue, rate, mean days)',
  query: HiddenHazardStatsQuery,
  responses: {
    200: {
      description: 'the figures and their basis',
      contentType: json,
      schema: z.looseObject({
        by: z.enum(['township', 'category']),
        today: z.string(),
        period: z.looseObject({ from: z.string().nullable(), to: z.string().nullable() }),
        groups: z.array(Group.extend({ name: z.string() })),
        total: Group,
        recurring: z.looseObject({ rule: z.looseObject({ minHazards: z.number(), windowDays: z.number().describe('days') }), units: z.array(z.looseObject({ unit: z.string(), count: z.number(), codes: z.array(z.string()), townshipName: z.string().nullable() })) }),
        sample: z.boolean(),
        basis: Explained,
      }),
    },
    400: ERRORS[400],
    ...SIGNED_IN_ERRORS,
  },
  example: { path: '/api/hidden-hazards/statistics' },
});

export const hiddenHazardRiskPointFlags = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards/risk-point-flags',
  summary: 'Risk points with an open hidden hazard of a flagged grade (their level unchanged)',
  responses: {
    200: { description: 'flagged risk points', contentType: json, schema: z.looseObject({ rule: z.looseObject({ grades: z.array(z.string()), levelChanged: z.literal(false) }), riskPoints: z.array(z.looseObject({ code: z.string(), hazards: z.array(z.string()) })) }) },
    ...SIGNED_IN_ERRORS,
  },
  example: { path: '/api/hidden-hazards/risk-point-flags' },
});

export const hiddenHazardRegister = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards/register.xlsx',
  summary: 'The 隐患台账 workbook',
  responses: { 200: { description: 'XLSX workbook', contentType: XLSX }, ...SIGNED_IN_ERRORS },
  example: { path: '/api/hidden-hazards/register.xlsx' },
});

export const hiddenHazardBulletin = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards/bulletin.xlsx',
  summary: 'The 月度通报 workbook of a month (default: this month)',
  query: HiddenHazardMonthQuery,
  responses: { 200: { description: 'XLSX workbook', contentType: XLSX }, 400: ERRORS[400], ...SIGNED_IN_ERRORS },
  example: { path: '/api/hidden-hazards/bulletin.xlsx' },
});

export const hiddenHazardAttach = defineRoute({
  ...signedInRoute,
  method: 'POST',
  path: '/api/hidden-hazards/:id/attachments',
  summary: 'Attach a photo or document (JPEG, PNG or PDF by its content; size-limited; audited)',
  params: z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) }),
  query: HiddenHazardUploadQuery,
  body: { contentType: 'application/octet-stream', raw: true },
  responses: { 201: { description: 'stored', contentType: json, schema: AttachmentInfo }, 400: ERRORS[400], 404: ERRORS[404], 409: ERRORS[409], 413: ERRORS[413], 415: ERRORS[415], ...SIGNED_IN_ERRORS },
  example: { path: '/api/hidden-hazards/999999/attachments' },
});

export const hiddenHazardAttachment = defineRoute({
  ...signedInRoute,
  method: 'GET',
  path: '/api/hidden-hazards/:id/attachments/:attachmentId',
  summary: 'An attachment’s bytes (its stored media type)',
  params: HiddenHazardAttachmentParams,
  responses: { 200: { description: 'the file (image/jpeg, image/png or application/pdf)' }, 400: ERRORS[400], 404: ERRORS[404], ...SIGNED_IN_ERRORS },
  example: { path: '/api/hidden-hazards/999999/attachments/999999' },
});

export const HIDDEN_HAZARD_ROUTES = [
  hiddenHazardVocabulary, hiddenHazardList, hiddenHazardGet, hiddenHazardRecord, hiddenHazardStep,
  hiddenHazardStatistics, hiddenHazardRiskPointFlags, hiddenHazardRegister, hiddenHazardBulletin, hiddenHazardAttach, hiddenHazardAttachment,
] as const;

/** The register's answers as the screens read them. */
export type HiddenHazardVocabulary = z.output<typeof HiddenHazardVocabulary>;
export type HiddenHazardList = RouteAnswer<typeof hiddenHazardList>;
export type HiddenHazardDetail = RouteAnswer<typeof hiddenHazardGet>;
export type HiddenHazardStatistics = RouteAnswer<typeof hiddenHazardStatistics>;
export type HiddenHazardRiskPointFlags = RouteAnswer<typeof hiddenHazardRiskPointFlags>;
