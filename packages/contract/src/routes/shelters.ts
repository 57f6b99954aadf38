import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { queryNumber } from '../http/query-number.js';

const LonLat = z.tuple([z.number(), z.number()]).describe('[longitude, latitude] (CRS84, degrees)');

export const NearestShelter = z.object({
  code: z.string(),
  name: z.string(),
  lonLat: LonLat,
  distanceM: z.number().describe('straight-line (geodesic) distance, m'),
  walkMinutes: z.number().describe('distanceM ÷ the configured walking speed, min'),
  capacity: z.number().describe('people'),
  shelterClass: z.string(),
  status: z.string(),
  facilities: z.array(z.string()),
  effectiveAreaM2: z.number().nullable().describe('m²'),
  address: z.string().nullable(),
  access: z.string().nullable().describe('how to get in (entrance), as stored'),
  updatedAt: z.string().nullable().describe('when the record (its status included) last changed, ISO time'),
}).loose();

export const sheltersNearest = defineRoute({
  method: 'GET',
  path: '/api/shelters/nearest',
  access: 'anyone',
  summary: 'The k nearest open public shelters (the public finder)',
  description: 'Open shelters first; built-but-not-open ones are appended, flagged, only when no open one is within its class radius. Public fields only.',
  tags: ['finder'],
  query: z.object({
    lon: queryNumber(z.number().min(-180).max(180)),
    lat: queryNumber(z.number().min(-90).max(90)),
    k: queryNumber(z.number().int().min(1)).optional(),
  }),
  responses: {
    200: {
      description: 'the nearest shelters, nearest first',
      contentType: 'application/json',
      schema: z.object({
        query: LonLat,
        distanceToCountyM: z.number().describe('m; 0 inside the county'),
        farFromCounty: z.boolean(),
        shelters: z.array(NearestShelter),
        notOpenIncluded: z.boolean(),
      }),
    },
  },
  example: { path: '/api/shelters/nearest?lon=115.79&lat=36.11' },
});
