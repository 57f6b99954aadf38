import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { queryNumber } from '../http/query-number.js';
import { XLSX_TYPE, editorsOnly, errorAnswer, invalidInput } from './common.js';

export const EXPORT_FORMATS = ['geojson', 'csv', 'xlsx'] as const;

export const exportFile = defineRoute({
  method: 'GET',
  path: '/api/exports/:file',
  access: 'anyone',
  summary: 'Download a layer as GeoJSON, CSV (UTF-8 with BOM) or XLSX: /api/exports/shelters.csv',
  description:
    'file = <layer>.<geojson|csv|xlsx>. Anonymous users get public layers, public rows and public fields only (401 otherwise). ' +
    'CSV and XLSX have one column per property (objects as JSON text) and lon/lat for points or geometry (GeoJSON text) otherwise; they import back unchanged.',
  tags: ['exports'],
  params: z.object({ file: z.string().regex(/^[a-z-]+\.(geojson|csv|xlsx)$/, 'expected <layer>.<geojson|csv|xlsx>').describe('<layer>.<geojson|csv|xlsx>') }),
  query: z.object({}),
  responses: {
    200: { description: 'the file, with Content-Disposition: attachment (application/geo+json, text/csv or XLSX)', contentType: 'application/octet-stream' },
    400: errorAnswer('not <layer>.<geojson|csv|xlsx> (code invalid_input)'),
    401: errorAnswer('layer not public; sign in (code login_required)'),
    404: errorAnswer('unknown layer (code unknown_layer)'),
  },
  example: { path: '/api/exports/shelters.geojson' },
});

export const planningReport = defineRoute({
  method: 'GET',
  path: '/api/planning/report.xlsx',
  access: 'editors',
  summary: 'The per-township shelter table as a 台账 workbook (planner, admin)',
  description: 'One row per township (population, shelters, effective area m², per capita m²/person, target, shortfall m², met), the county town and the county; then the facility ledger sheets.',
  tags: ['planning'],
  query: z.object({
    includePlanned: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('count planned shelters'),
    target: queryNumber(z.number().positive().max(100)).optional().describe('m² of effective shelter area per resident (default: the configured target; > 0, ≤ 100)'),
  }),
  responses: { 200: { description: 'XLSX workbook', contentType: XLSX_TYPE }, ...invalidInput, ...editorsOnly },
  example: {},
});

export const EXPORT_ROUTES = [exportFile, planningReport] as const;
