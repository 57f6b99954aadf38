import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { LayerIdParams, LayerItemsQuery } from '../http/reading-params.js';
import { LAYER_IDS } from '../enums-facilities.js';
import { GEOJSON_TYPE, JSON_TYPE, LinkSchema, TitleSchema, errorAnswer, invalidInput } from './common.js';
import { readFeatureSchema } from '../features/layer-schemas.js';

export const LayerSummarySchema = z.object({
  id: z.enum(LAYER_IDS),
  title: TitleSchema,
  geometryType: z.string().describe('GeoJSON geometry type of the layer'),
  public: z.boolean().describe('whether anonymous users may read it'),
  count: z.number().int().min(0).describe('live features the caller may see, count'),
  extent: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().describe('[minLon, minLat, maxLon, maxLat] of those features, CRS84 degrees; null when none'),
});

export const layersCatalogue = defineRoute({
  method: 'GET',
  path: '/api/layers',
  access: 'anyone',
  summary: 'Layer catalogue: id, title (zh/en), geometry type, feature count, extent, public or not',
  description: 'Anonymous users see only the public layers, counted as they may see them.',
  tags: ['layers'],
  query: z.object({}),
  responses: { 200: { description: 'the layers', contentType: JSON_TYPE, schema: z.object({ layers: z.array(LayerSummarySchema) }) } },
  example: {},
});

export const LayerPage = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.union(LAYER_IDS.map((l) => readFeatureSchema(l).describe(l)))).describe("the layer's features (one branch per layer; properties as the caller may see them)"),
  layer: z.object({ id: z.enum(LAYER_IDS), title: TitleSchema }),
  sample: z.boolean().describe('true when any feature on the page is sample data (示例数据)'),
  numberMatched: z.number().int().min(0).describe('features matching the filters, count'),
  numberReturned: z.number().int().min(0).describe('features on this page, count'),
  links: z.array(LinkSchema),
}).loose();

export const layersItems = defineRoute({
  method: 'GET',
  path: '/api/layers/:id',
  access: 'anyone',
  summary: 'A layer as a GeoJSON FeatureCollection, filtered and paged',
  description:
    'Any query parameter other than bbox, limit, offset and fields filters on a property (e.g. ?level=1&status=open; repeat a parameter to accept several values). ' +
    'Unknown or non-filterable properties are answered 400 naming the field. Anonymous users read public layers and public properties only (401 otherwise).',
  tags: ['layers'],
  params: LayerIdParams,
  query: LayerItemsQuery,
  responses: {
    200: { description: 'FeatureCollection with numberMatched, numberReturned and self/next/prev links', contentType: GEOJSON_TYPE, schema: LayerPage },
    ...invalidInput,
    401: errorAnswer('layer not public; sign in (code login_required)'),
    404: errorAnswer('unknown layer (code unknown_layer)'),
  },
  example: { path: '/api/layers/shelters' },
});

export const LAYER_ROUTES = [layersCatalogue, layersItems] as const;
