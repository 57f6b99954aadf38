import { z } from 'zod';
import { errorAnswer as error, XLSX_TYPE } from './common.js';

/** Documented error answers, by status (the route picks the ones it gives on purpose). */
export const ERRORS = {
  400: error('invalid input; details.fields names the field'),
  401: error('sign in first'),
  403: error('the role may not do this'),
  404: error('not found'),
  409: error('conflict with the current state (details say which)'),
  413: error('the body is larger than the configured limit'),
  415: error('unsupported media type'),
} as const;

/** 401 and 403 for routes behind a role. */
export const SIGNED_IN_ERRORS = { 401: ERRORS[401], 403: ERRORS[403] } as const;

export const LonLat = z.tuple([z.number(), z.number()]).describe('[longitude, latitude] (CRS84, degrees)');

/** Any GeoJSON geometry (its coordinates are not re-checked in answers). */
export const Geometry = z.looseObject({ type: z.string(), coordinates: z.unknown().optional(), geometries: z.unknown().optional() });

/** A GeoJSON feature with the given properties. */
export const featureOf = <P extends z.ZodType>(properties: P) =>
  z.looseObject({ type: z.literal('Feature'), id: z.union([z.string(), z.number()]).optional(), geometry: Geometry.nullable(), properties });

/** A GeoJSON point ([longitude, latitude], CRS84). */
export const PointGeometry = z.looseObject({ type: z.literal('Point'), coordinates: LonLat });

/** A GeoJSON point feature with the given properties. */
export const pointFeatureOf = <P extends z.ZodType>(properties: P) =>
  z.looseObject({ type: z.literal('Feature'), id: z.union([z.string(), z.number()]).optional(), geometry: PointGeometry, properties });

/** A GeoJSON feature collection of features with the given properties (extra members kept). */
export const collectionOf = <P extends z.ZodType>(properties: P) =>
  z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(featureOf(properties)) });

/** A `true`/`false` query flag. */
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Figures with their basis in both languages. */
export const Explained = z.looseObject({ zh: z.string(), en: z.string() });

export const XLSX = XLSX_TYPE;
