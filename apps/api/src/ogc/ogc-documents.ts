import type { LayerSummary } from '@riskmap/db';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

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
      { rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.1', title: 'the API definition', href: `${origin}/api/openapi.json` },
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
    crs: [CRS84],
    ...(s.extent ? { extent: { spatial: { bbox: [s.extent], crs: CRS84 } } } : {}),
    links: [
      { rel: 'self', type: JSON_TYPE, title: 'this collection', href },
      { rel: 'items', type: GEOJSON, title: 'the features', href: `${href}/items` },
    ],
  };
}

/**
 * The collections document listing `summaries`.
 * @example collectionsDocument('http://h/ogc', summaries)
 */
export function collectionsDocument(root: string, summaries: LayerSummary[]): object {
  return {
    links: [{ rel: 'self', type: JSON_TYPE, title: 'the collections', href: `${root}/collections` }],
    collections: summaries.map((s) => collectionDocument(root, s)),
  };
}
