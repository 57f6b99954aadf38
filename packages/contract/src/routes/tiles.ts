import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { errorAnswer, invalidInput, JSON_TYPE } from './common.js';
import { TileParams } from './ogc-params.js';

const tags = ['tiles'] as const;

/** The media type of a Mapbox Vector Tile (binary, protobuf). */
export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

const notPublic = { 401: errorAnswer('the layer is not public; sign in (code unauthenticated)') } as const;
const unknownLayer = { 404: errorAnswer('no such layer (code unknown_layer)') } as const;

/** TileJSON 3.0.0 of one layer. */
export const TileJson = z.looseObject({
  tilejson: z.literal('3.0.0'),
  name: z.string(),
  description: z.string().optional(),
  scheme: z.literal('xyz'),
  tiles: z.array(z.string()).min(1).describe('URL template …/{z}/{x}/{y}.mvt'),
  minzoom: z.number().int().min(0),
  maxzoom: z.number().int().max(22),
  bounds: z.array(z.number()).length(4).describe('CRS84 west, south, east, north'),
  center: z.array(z.number()).length(3).describe('longitude, latitude, zoom'),
  vector_layers: z
    .array(z.looseObject({ id: z.string(), fields: z.record(z.string(), z.enum(['Number', 'String', 'Boolean'])).describe('field → type; point layers add count (features a thinned feature stands for)') }))
    .min(1),
});

/** A MapLibre style document (version 8). */
export const MapStyle = z.looseObject({
  version: z.literal(8),
  name: z.string(),
  sources: z.record(z.string(), z.looseObject({ type: z.literal('vector'), url: z.string() })),
  layers: z.array(z.looseObject({ id: z.string(), type: z.string() })).min(1),
});

export const tileMvt = defineRoute({
  method: 'GET', path: '/tiles/:layer/:z/:x/:y.mvt', access: 'anyone', tags,
  summary: 'A Mapbox Vector Tile of a layer (one MVT layer named by the layer id; feature id = record id)',
  description: 'Below the full-detail zoom a point layer\'s tile over its feature or byte budget is thinned on a grid (count = features a kept feature stands for). ETag changes when the layer changes; send If-None-Match to get 304. Anonymous users get public layers, rows and properties only.',
  params: TileParams,
  responses: {
    200: { description: 'the tile, binary protobuf (empty body when no feature touches it)', contentType: MVT_TYPE },
    304: { description: 'not modified' },
    400: errorAnswer('not a tile address (x and y must be below 2^z; details name the field)'),
    ...notPublic, ...unknownLayer,
  },
  example: { path: '/tiles/shelters/10/0/0.mvt' },
});

export const tileJsonRoute = defineRoute({
  method: 'GET', path: '/tiles/:layer.json', access: 'anyone', tags,
  summary: 'TileJSON 3.0.0 of a layer\'s vector tiles (QGIS, MapLibre, Mapbox GL)',
  params: TileParams.pick({ layer: true }),
  responses: { 200: { description: 'tile URL template, zooms, bounds and the vector layer with its fields', contentType: JSON_TYPE, schema: TileJson }, ...invalidInput, ...notPublic, ...unknownLayer },
  example: { path: '/tiles/shelters.json' },
});

export const tileStyle = defineRoute({
  method: 'GET', path: '/tiles/style.json', access: 'anyone', tags,
  summary: 'A MapLibre style (v8) of the whole map from the vector tiles',
  description: 'Also at /style.json. Anonymous callers get the public layers only.',
  responses: { 200: { description: 'MapLibre style document', contentType: JSON_TYPE, schema: MapStyle } },
});

/** The vector-tile routes, mounted at /tiles. */
export const TILE_ROUTES = [tileMvt, tileJsonRoute, tileStyle] as const;
