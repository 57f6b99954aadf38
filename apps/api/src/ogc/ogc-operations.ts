import { defineOperation } from '../openapi/registry.js';
import { CollectionParams, ItemParams, OgcFormatQuery, OgcItemsQuery } from '../openapi/reading-schemas.js';

const tags = ['OGC API – Features'];
const JSON_TYPE = 'application/json';
const GEOJSON = 'application/geo+json';

/** The OGC API – Features operations, with the zod schemas their handlers validate with. */
export const ogcOperations = {
  landing: defineOperation({
    method: 'get', path: '/ogc', summary: 'OGC API landing page', tags, query: OgcFormatQuery,
    responses: { 200: { description: 'links to the API definition, conformance and collections', contentType: JSON_TYPE } },
  }),
  conformance: defineOperation({
    method: 'get', path: '/ogc/conformance', summary: 'Conformance classes (Part 1 Core and GeoJSON)', tags, query: OgcFormatQuery,
    responses: { 200: { description: 'conformsTo', contentType: JSON_TYPE } },
  }),
  collections: defineOperation({
    method: 'get', path: '/ogc/collections', summary: 'The feature collections (one per layer the caller may read)', tags, query: OgcFormatQuery,
    responses: { 200: { description: 'collections with CRS84 extents', contentType: JSON_TYPE } },
  }),
  collection: defineOperation({
    method: 'get', path: '/ogc/collections/{collectionId}', summary: 'One feature collection', tags, params: CollectionParams, query: OgcFormatQuery,
    responses: { 200: { description: 'the collection', contentType: JSON_TYPE }, 401: { description: 'not public; sign in' }, 404: { description: 'unknown collection' } },
  }),
  items: defineOperation({
    method: 'get', path: '/ogc/collections/{collectionId}/items', summary: 'Features of a collection, filtered by bbox and properties, paged', tags,
    description: 'Any query parameter other than bbox, bbox-crs, limit, offset and f filters on a property; unknown ones are answered 400.',
    params: CollectionParams, query: OgcItemsQuery,
    responses: {
      200: { description: 'FeatureCollection with numberMatched, numberReturned, timeStamp and self/next/prev links', contentType: GEOJSON },
      400: { description: 'invalid parameter (details name the field)' }, 401: { description: 'not public; sign in' }, 404: { description: 'unknown collection' },
    },
  }),
  item: defineOperation({
    method: 'get', path: '/ogc/collections/{collectionId}/items/{featureId}', summary: 'One feature', tags, params: ItemParams, query: OgcFormatQuery,
    responses: { 200: { description: 'the feature', contentType: GEOJSON }, 404: { description: 'unknown collection or feature' } },
  }),
};
