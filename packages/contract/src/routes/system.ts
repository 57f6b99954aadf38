import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { GEOJSON_TYPE, JSON_TYPE } from './common.js';

const Backend = z.enum(['embedded', 'server']).describe('embedded PGlite or a PostgreSQL server');

export const health = defineRoute({
  method: 'GET',
  path: '/api/health',
  access: 'anyone',
  summary: 'Liveness and the database backend',
  description: 'ok: `{status, database: {backend, postgis}}`; degraded: `{status: "degraded", degraded: [parts], database: {backend, state}}`, 200 while the server sheds load, 503 when the database does not answer.',
  tags: ['health'],
  responses: {
    200: {
      description: 'ok, or degraded while shedding load',
      contentType: JSON_TYPE,
      schema: z.object({
        status: z.enum(['ok', 'degraded']),
        degraded: z.array(z.enum(['database', 'load'])).optional(),
        database: z.object({ backend: Backend, postgis: z.string().optional().describe('PostGIS version'), state: z.string().optional() }),
        load: z.literal('shedding').optional(),
      }),
    },
    503: { description: 'the database does not answer (status degraded, database.state unavailable or timeout; Retry-After)', contentType: JSON_TYPE, schema: z.object({ status: z.literal('degraded'), degraded: z.array(z.string()), database: z.object({ backend: Backend, state: z.string() }) }).loose() },
  },
  example: {},
});

const RasterSource = z.object({ type: z.literal('raster'), tiles: z.array(z.string()), overlay: z.array(z.string()).optional(), tileSize: z.number().describe('px'), maxzoom: z.number(), attribution: z.string() });

export const siteConfig = defineRoute({
  method: 'GET',
  path: '/api/config',
  access: 'anyone',
  summary: 'What the web app needs to know about this site: base map, risk-level colours, per-capita target, shelter classes',
  tags: ['site'],
  responses: {
    200: {
      description: 'the site configuration',
      contentType: JSON_TYPE,
      schema: z.object({
        baseMap: RasterSource.nullable().describe('null: our own boundaries only, no external request'),
        riskLevels: z.record(z.string(), z.object({ key: z.string(), zh: z.string(), en: z.string(), color: z.string(), weight: z.number().describe('relative weight in the risk map') }).loose()),
        perCapitaTargetM2: z.number().describe('target effective shelter area per resident, m²/person (configuration)'),
        shelterClasses: z.record(
          z.string(),
          z.object({ zh: z.string(), en: z.string(), perCapitaM2: z.number().describe('m²/person'), radiusM: z.number().describe('service radius, m'), minSiteAreaM2: z.number().describe('m²') }).loose(),
        ),
        usableShelterStatuses: z.array(z.string()).describe('shelter statuses the finder offers (open first; the others labelled as not open)'),
        walkingSpeedMPerMin: z.number().describe('walking speed of the finder and of shelter minutes, m/min'),
      }),
    },
  },
  example: {},
});

export const basemapContext = defineRoute({
  method: 'GET',
  path: '/api/basemap/context',
  access: 'anyone',
  summary: 'Neighbouring counties for the offline base map (GeoJSON)',
  tags: ['site'],
  responses: {
    200: {
      description: 'a FeatureCollection of context areas',
      contentType: GEOJSON_TYPE,
      schema: z.object({
        type: z.literal('FeatureCollection'),
        features: z.array(z.object({ type: z.literal('Feature'), id: z.union([z.number(), z.string()]), geometry: z.object({ type: z.string() }).loose(), properties: z.object({ code: z.string(), name: z.string(), kind: z.string() }) })),
      }),
    },
  },
  example: {},
});

export const openapiDocument = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  access: 'anyone',
  summary: 'This API as an OpenAPI 3.1 document (a 3.0 rendering when Accept asks for application/vnd.oai.openapi+json;version=3.0)',
  tags: ['docs'],
  responses: {
    200: {
      description: 'the OpenAPI document',
      contentType: 'application/vnd.oai.openapi+json;version=3.1',
      schema: z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }).loose(),
    },
  },
  example: {},
});

export const docsPage = defineRoute({
  method: 'GET',
  path: '/api/docs',
  access: 'anyone',
  summary: 'Human-readable list of the operations',
  tags: ['docs'],
  responses: { 200: { description: 'an HTML page', contentType: 'text/html' } },
  example: {},
});

export const SYSTEM_ROUTES = [health, siteConfig, basemapContext, openapiDocument, docsPage] as const;
