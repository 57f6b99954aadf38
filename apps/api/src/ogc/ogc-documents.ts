import type { LayerSummary } from '@riskmap/db';
import { collectionCrs } from './ogc-crs.js';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus',
  'http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas',
  'http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/returnables-and-receivables',
  'http://www.opengis.net/spec/ogcapi-features-8/1.0/conf/sorting',
];

const SCHEMA_TYPE = 'application/schema+json';
const OPENAPI_30 = 'application/vnd.oai.openapi+json;version=3.0';
const OPENAPI_31 = 'application/vnd.oai.openapi+json;version=3.1';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const JSON_TYPE = 'application/json';
const GEOJSON = 'application/geo+json';

/**
 * The OGC API landing page for a service rooted at `root` (e.g. http://host/ogc).
 * @example landingPage('http://127.0.0.1:8080/ogc', 'http://127.0.0.1:8080')
 */
export function landingPage(root: string, origin: string): object {
  return {
    title: 'riskmap OGC API – Features',
    description: 'Emergency-management layers (risk points, hazard sources, shelters, warehouses, fire stations, villages, townships) as OGC API – Features.',
    links: [
      { rel: 'self', type: JSON_TYPE, title: 'this document', href: `${root}` },
      { rel: 'alternate', type: 'text/html', title: 'this document as HTML', href: `${root}?f=html` },
      { rel: 'service-desc', type: OPENAPI_30, title: 'the API definition (OpenAPI 3.0)', href: `${root}/api` },
      { rel: 'service-desc', type: OPENAPI_31, title: 'the API definition (OpenAPI 3.1)', href: `${root}/api` },
      { rel: 'service-doc', type: 'text/html', title: 'the API documentation', href: `${origin}/api/docs` },
      { rel: 'conformance', type: JSON_TYPE, title: 'conformance classes', href: `${root}/conformance` },
      { rel: 'data', type: JSON_TYPE, title: 'the feature collections', href: `${root}/collections` },
    ],
  };
}

/**
 * One collection's description: id, titles, CRS84 extent and links to its items.
 * @example collectionDocument('http://h/ogc', summary)
 */
export function collectionDocument(root: string, s: LayerSummary): object {
  const href = `${root}/collections/${s.id}`;
  return {
    id: s.id,
    title: s.title.zh,
    description: `${s.title.en} (${s.title.zh})`,
    itemType: 'feature',
    crs: collectionCrs(s.extent),
    storageCrs: CRS84,
    ...(s.extent ? { extent: { spatial: { bbox: [s.extent], crs: CRS84 } } } : {}),
    links: [
      { rel: 'self', type: JSON_TYPE, title: 'this collection', href },
      { rel: 'alternate', type: 'text/html', title: 'this collection as HTML', href: `${href}?f=html` },
      { rel: 'items', type: GEOJSON, title: 'the features', href: `${href}/items` },
      { rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: SCHEMA_TYPE, title: 'the properties filters and sortby may name', href: `${href}/queryables` },
      { rel: 'queryables', type: SCHEMA_TYPE, title: 'the queryables', href: `${href}/queryables` },
      { rel: 'http://www.opengis.net/def/rel/ogc/1.0/schema', type: SCHEMA_TYPE, title: 'the schema of the features (Part 5)', href: `${href}/schema` },
      { rel: 'describedby', type: SCHEMA_TYPE, title: 'the schema of the features (Part 5)', href: `${href}/schema` },
      { rel: 'describedBy', type: SCHEMA_TYPE, title: 'the schema of one item as a GeoJSON Feature', href: `${href}/feature-schema` },
    ],
  };
}

/**
 * The collections document listing `summaries`.
 * @example collectionsDocument('http://h/ogc', summaries)
 */
export function collectionsDocument(root: string, summaries: LayerSummary[]): object {
  return {
    links: [
      { rel: 'self', type: JSON_TYPE, title: 'the collections', href: `${root}/collections` },
      { rel: 'alternate', type: 'text/html', title: 'the collections as HTML', href: `${root}/collections?f=html` },
    ],
    collections: summaries.map((s) => collectionDocument(root, s)),
  };
}
