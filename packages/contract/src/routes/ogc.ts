import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { errorAnswer, GEOJSON_TYPE, invalidInput, JSON_TYPE } from './common.js';
import { featureOf } from './shared-answers.js';
import { CollectionParams, ItemParams, OgcFormatQuery, OgcItemQuery, OgcItemsQuery } from './ogc-params.js';

export * from './ogc-params.js';

const tags = ['OGC API – Features'] as const;
const SCHEMA_TYPE = 'application/schema+json';
/** The media type of the OGC API's own OpenAPI 3.0 document (GDAL and QGIS ask for it; 3.1 otherwise). */
export const OPENAPI_30_MEDIA = 'application/vnd.oai.openapi+json;version=3.0';

const notPublic = { 401: errorAnswer('the collection is not public; sign in (code unauthenticated)') } as const;
const unknownCollection = { 404: errorAnswer('no such collection (code unknown_layer)') } as const;
const HTML_NOTE = 'With f=html (or a browser\'s Accept header) the same document as text/html.';

/** An OGC API link (RFC 8288 as JSON). */
export const OgcLink = z.looseObject({
  href: z.string().describe('absolute URL'),
  rel: z.string().describe('relation: self, alternate, next, prev, items, conformance, data, service-desc, …'),
  type: z.string().optional().describe('media type of the target'),
  title: z.string().optional(),
});
const links = z.array(OgcLink);

/** The landing page: title, description and links to the API definition, conformance and collections. */
export const OgcLandingPage = z.looseObject({ title: z.string(), description: z.string().optional(), links });

/** The conformance declaration: the URIs of the conformance classes implemented. */
export const OgcConformance = z.looseObject({ conformsTo: z.array(z.string().url()).min(1) });

/** One feature collection: id, titles, the CRS list (Part 2), its CRS84 extent and links. */
export const OgcCollection = z.looseObject({
  id: z.string().describe('the layer id'),
  title: z.string(),
  description: z.string().optional(),
  itemType: z.literal('feature'),
  crs: z.array(z.string()).min(1).describe('CRS URIs the items can be answered in (crs=…)'),
  storageCrs: z.string(),
  extent: z
    .looseObject({ spatial: z.looseObject({ bbox: z.array(z.array(z.number()).length(4)), crs: z.string() }) })
    .optional()
    .describe('bounding box of the features, CRS84 degrees'),
  links,
});

/** The collections document. */
export const OgcCollections = z.looseObject({ links, collections: z.array(OgcCollection) });

/** A JSON Schema (2020-12) document: a collection's schema, queryables or item schema (Part 5 / Part 3). */
export const OgcJsonSchema = z.looseObject({
  $schema: z.string().optional().describe('the JSON Schema dialect (always sent; optional here because the OpenAPI 3.0 rendering drops $-keywords)'),
  $id: z.string().optional().describe('this document\'s URL (always sent)'),
  type: z.literal('object'),
  title: z.string().optional(),
  properties: z.record(z.string(), z.record(z.string(), z.unknown())).describe('property name → its JSON Schema (type, format, x-ogc-role)'),
});

/** An OGC item: a GeoJSON Feature (properties as the caller's role sees them) with its links. */
export const OgcFeature = featureOf(z.record(z.string(), z.unknown())).extend({ id: z.number().int(), links: links.optional() });

/** An items page: GeoJSON FeatureCollection with the paging members of Part 1. */
export const OgcFeatureCollection = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(featureOf(z.record(z.string(), z.unknown())).extend({ id: z.number().int() })),
  numberMatched: z.number().int().min(0).describe('features matching the query (all pages)'),
  numberReturned: z.number().int().min(0).describe('features on this page'),
  timeStamp: z.string().describe('the data revision (last change of the layer), ISO time: stable between changes, so the ETag is'),
  links: links.describe('self, collection, alternate (HTML), next and prev when there are more pages'),
});

/** An OpenAPI document (3.0 or 3.1). */
export const OpenApiDoc = z.looseObject({ openapi: z.string().regex(/^3\.[01]\./), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) });

export const ogcLanding = defineRoute({
  method: 'GET', path: '/ogc', access: 'anyone', summary: 'OGC API landing page', description: HTML_NOTE, tags, query: OgcFormatQuery,
  responses: { 200: { description: 'links to the API definition, conformance and collections', contentType: JSON_TYPE, schema: OgcLandingPage }, ...invalidInput },
  example: { path: '/ogc' },
});

export const ogcConformance = defineRoute({
  method: 'GET', path: '/ogc/conformance', access: 'anyone', summary: 'Conformance classes (Parts 1, 2, 3, 5 and sorting)', description: HTML_NOTE, tags, query: OgcFormatQuery,
  responses: { 200: { description: 'conformsTo', contentType: JSON_TYPE, schema: OgcConformance }, ...invalidInput },
});

export const ogcApi = defineRoute({
  method: 'GET', path: '/ogc/api', access: 'anyone', tags, query: OgcFormatQuery,
  summary: 'The OGC API definition: OpenAPI 3.0 when Accept asks for it (GDAL, QGIS), else 3.1',
  description: 'Paths relative to /ogc; each readable collection\'s items path lists its queryables as parameters. Accept: application/vnd.oai.openapi+json;version=3.0 gives the 3.0 rendering.',
  responses: { 200: { description: 'OpenAPI document (3.1 by default, 3.0 on request)', contentType: 'application/vnd.oai.openapi+json;version=3.1', schema: OpenApiDoc }, ...invalidInput },
});

export const ogcCollections = defineRoute({
  method: 'GET', path: '/ogc/collections', access: 'anyone', summary: 'The feature collections (one per layer the caller may read)', description: HTML_NOTE, tags, query: OgcFormatQuery,
  responses: { 200: { description: 'collections with CRS lists and CRS84 extents', contentType: JSON_TYPE, schema: OgcCollections }, ...invalidInput },
});

export const ogcCollection = defineRoute({
  method: 'GET', path: '/ogc/collections/:collectionId', access: 'anyone', summary: 'One feature collection', description: HTML_NOTE, tags, params: CollectionParams, query: OgcFormatQuery,
  responses: { 200: { description: 'the collection', contentType: JSON_TYPE, schema: OgcCollection }, ...invalidInput, ...notPublic, ...unknownCollection },
  example: { path: '/ogc/collections/shelters' },
});

const schemaRoute = <N extends string>(name: N, summary: string) =>
  defineRoute({
    method: 'GET', path: `/ogc/collections/:collectionId/${name}`, access: 'anyone', summary, tags, params: CollectionParams, query: OgcFormatQuery,
    responses: { 200: { description: 'JSON Schema 2020-12', contentType: SCHEMA_TYPE, schema: OgcJsonSchema }, ...invalidInput, ...notPublic, ...unknownCollection },
    example: { path: `/ogc/collections/shelters/${name}` },
  });

export const ogcSchema = schemaRoute('schema', 'JSON Schema of a collection\'s features (Part 5): every property with its exact type');
export const ogcQueryables = schemaRoute('queryables', 'The properties a filter or sortby may name (Part 3)');
export const ogcFeatureSchema = schemaRoute('feature-schema', 'JSON Schema of one item as a GeoJSON Feature (the describedBy link GDAL reads)');

export const ogcItems = defineRoute({
  method: 'GET', path: '/ogc/collections/:collectionId/items', access: 'anyone', tags,
  summary: 'Features of a collection, filtered by bbox, datetime, CQL2 and properties, sorted, paged',
  description: `bbox tests the geometry itself (ST_Intersects); datetime selects by updatedAt; filter takes CQL2 text over the queryables; sortby sorts. Any other query parameter filters on a property (equality); unknown ones are answered 400. The answer carries Content-Crs. ${HTML_NOTE}`,
  params: CollectionParams, query: OgcItemsQuery,
  responses: {
    200: { description: 'FeatureCollection with numberMatched, numberReturned, timeStamp and self/next/prev links', contentType: GEOJSON_TYPE, schema: OgcFeatureCollection },
    304: { description: 'not modified (If-None-Match matched the ETag of the data revision)' },
    ...invalidInput, ...notPublic, ...unknownCollection,
  },
  example: { path: '/ogc/collections/shelters/items?limit=2' },
});

export const ogcItem = defineRoute({
  method: 'GET', path: '/ogc/collections/:collectionId/items/:featureId', access: 'anyone', summary: 'One feature', description: `The answer carries Content-Crs. ${HTML_NOTE}`, tags, params: ItemParams, query: OgcItemQuery,
  responses: {
    200: { description: 'the feature with its self, collection and alternate links', contentType: GEOJSON_TYPE, schema: OgcFeature },
    ...invalidInput, ...notPublic,
    404: errorAnswer('unknown collection (unknown_layer) or feature (not_found)'),
  },
  example: { path: '/ogc/collections/shelters/items/999999' },
});

/** The OGC API – Features routes, mounted at /ogc. */
export const OGC_ROUTES = [ogcLanding, ogcConformance, ogcApi, ogcCollections, ogcCollection, ogcSchema, ogcQueryables, ogcFeatureSchema, ogcItems, ogcItem] as const;
