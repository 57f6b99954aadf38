import { z } from 'zod';
import { ErrorBody } from '../http/error-codes.js';
import type { ResponseContract } from '../http/route.js';
import { LAYER_IDS } from '../enums-facilities.js';

/** JSON bodies. */
export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An error answer of a route: the one error shape, with what it means here. */
export function errorAnswer(description: string): ResponseContract {
  return { description, contentType: JSON_TYPE, schema: ErrorBody };
}

/** The answers of the access guard for a route's access class. */
export const signInFirst = { 401: errorAnswer('not signed in (code unauthenticated)') } as const;
export const editorsOnly = { ...signInFirst, 403: errorAnswer('not a planner or admin (code forbidden)') } as const;
export const adminOnly = { ...signInFirst, 403: errorAnswer('not an admin (code forbidden)') } as const;
export const invalidInput = { 400: errorAnswer('invalid input; details.fields name each field (code invalid_input)') } as const;

/** A layer id in a path: unknown ids are answered 404 `unknown_layer` by the handler. */
export const LayerIdParam = z.string().describe(`layer id: ${LAYER_IDS.join(', ')}`);

/** ISO 8601 date-time text. */
export const IsoTime = z.string().describe('ISO 8601 date-time');

/** A GeoJSON geometry (any type; the layer's schema says which). */
export const GeometrySchema = z.object({ type: z.string(), coordinates: z.unknown().optional(), geometries: z.unknown().optional() }).loose().describe('GeoJSON geometry, CRS84 longitude/latitude degrees');

/** A GeoJSON Feature of a layer: id, geometry, camelCase properties (version, updatedAt … among them). */
export const FeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.union([z.number(), z.string()]),
    geometry: GeometrySchema.nullable(),
    properties: z.record(z.string(), z.unknown()),
  })
  .loose();

/** Paging and self links (GeoJSON answers). */
export const LinkSchema = z.object({ rel: z.string(), type: z.string().optional(), href: z.string(), title: z.string().optional() }).loose();

/** Both-language title. */
export const TitleSchema = z.object({ zh: z.string(), en: z.string() });
