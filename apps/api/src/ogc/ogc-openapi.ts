import { toCamel } from '@riskmap/db';
import { openApiDocument } from '../openapi/openapi-document.js';
import { registeredOperations } from '../openapi/registry.js';
import type { LayerProperties } from './collection-schema.js';

/**
 * The OGC API's own OpenAPI document (the landing page's `service-desc`), with paths relative to the OGC
 * root as OGC clients expect (`/collections/{collectionId}/items`) and, for each collection the caller may
 * read, its items path listing every queryable property as a query parameter (so GDAL sends `-where`
 * equality filters and CQL2 text to the server instead of filtering on its side).
 * @example ogcOpenApi('http://h/ogc', new Map([['shelters', props]]))
 */
export function ogcOpenApi(root: string, collections: Map<string, LayerProperties>): Record<string, unknown> {
  const ops = registeredOperations()
    .filter((o) => o.path === '/ogc' || o.path.startsWith('/ogc/'))
    .map((o) => ({ ...o, path: o.path.slice(4) || '/' }));
  const doc = openApiDocument(ops, { title: 'riskmap OGC API – Features', version: '0.1.0', description: 'Emergency-management layers as OGC API – Features (Parts 1, 2, 3 and 5).' }) as Record<string, unknown>;
  const paths = doc.paths as Record<string, Record<string, { parameters: { name: string; in: string }[] } & Record<string, unknown>>>;
  const items = paths['/collections/{collectionId}/items']?.get;
  if (items) {
    for (const [id, p] of collections) {
      const params = items.parameters.filter((x) => x.in === 'query' && x.name !== 'filters');
      const props = p.queryable.map((name) => ({ name, in: 'query', required: false, description: `equals (repeat for any of several values)`, schema: scalar(p.properties[name]) }));
      paths[`/collections/${id}/items`] = { get: { ...items, operationId: `getItems${toCamel(id).replace(/^./, (c) => c.toUpperCase())}`, parameters: [...params, ...props] } };
    }
  }
  return { ...doc, servers: [{ url: root }] };
}

function scalar(s: Record<string, unknown> | undefined): Record<string, unknown> {
  const type = s?.type;
  return typeof type === 'string' && type !== 'object' && type !== 'array' ? { type } : { type: 'string' };
}
