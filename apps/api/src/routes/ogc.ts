import { Router, type Request } from 'express';
import { countLayer, getLayer, getLayerFeature, layerSummary } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { notFound } from '../http/error-middleware.js';
import { roleOf } from '../http/role.js';
import { readableLayer, readableLayers } from '../ogc/layer-access.js';
import { layerQuery, urlWith } from '../ogc/layer-request.js';
import { CONFORMANCE, collectionDocument, collectionsDocument, landingPage } from '../ogc/ogc-documents.js';
import { ogcOperations as op } from '../ogc/ogc-operations.js';

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}
function root(req: Request): string {
  return `${origin(req)}${req.baseUrl}`;
}

/**
 * OGC API – Features Part 1 (Core + GeoJSON), mounted at /ogc: landing page, conformance, collections,
 * items (bbox, limit/offset, attribute filters, paging links), single items; anonymous users see public layers only.
 * @example app.use('/ogc', ogcRouter(deps))
 */
export function ogcRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/', (req, res) => {
    op.landing.query!.parse(req.query);
    res.type('application/json').json(landingPage(root(req), origin(req)));
  });

  router.get('/conformance', (req, res) => {
    op.conformance.query!.parse(req.query);
    res.type('application/json').json({ conformsTo: CONFORMANCE });
  });

  router.get('/collections', async (req, res) => {
    op.collections.query!.parse(req.query);
    const layers = readableLayers(req, res);
    const publicOnly = roleOf(req, res) === 'public';
    const summaries = await Promise.all(layers.map((d) => layerSummary(deps.db, d, { publicOnly })));
    res.type('application/json').json(collectionsDocument(root(req), summaries));
  });

  router.get('/collections/:collectionId', async (req, res) => {
    const { collectionId } = op.collection.params!.parse(req.params);
    op.collection.query!.parse(req.query);
    const readable = readableLayer(req, res, collectionId, 'collectionId');
    const summary = await layerSummary(deps.db, readable.d, { publicOnly: readable.publicOnly });
    res.type('application/json').json(collectionDocument(root(req), summary));
  });

  router.get('/collections/:collectionId/items', async (req, res) => {
    const { collectionId } = op.items.params!.parse(req.params);
    const readable = readableLayer(req, res, collectionId, 'collectionId');
    const { bbox, 'bbox-crs': _crs, limit, offset, f: _f, ...filters } = op.items.query!.parse(req.query);
    const query = await layerQuery(deps.db, readable, { ...(bbox ? { bbox } : {}), limit, offset, filters });
    const [fc, numberMatched] = await Promise.all([getLayer(deps.db, readable.d, { ...query, stock: false }), countLayer(deps.db, readable.d, query)]);
    const base = `${root(req)}/collections/${readable.d.id}/items`;
    const links = [
      { rel: 'self', type: 'application/geo+json', title: 'this page', href: urlWith(base, req.query, {}) },
      { rel: 'collection', type: 'application/json', title: 'the collection', href: `${root(req)}/collections/${readable.d.id}` },
    ];
    if (offset + fc.features.length < numberMatched) links.push({ rel: 'next', type: 'application/geo+json', title: 'next page', href: urlWith(base, req.query, { offset: offset + limit, limit }) });
    if (offset > 0) links.push({ rel: 'prev', type: 'application/geo+json', title: 'previous page', href: urlWith(base, req.query, { offset: Math.max(0, offset - limit), limit }) });
    res.type('application/geo+json').json({
      type: 'FeatureCollection',
      features: fc.features,
      numberMatched,
      numberReturned: fc.features.length,
      timeStamp: new Date().toISOString(),
      links,
    });
  });

  router.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const { collectionId, featureId } = op.item.params!.parse(req.params);
    op.item.query!.parse(req.query);
    const readable = readableLayer(req, res, collectionId, 'collectionId');
    const { limit: _l, offset: _o, ...query } = await layerQuery(deps.db, readable, { limit: 1, offset: 0, filters: {} });
    const feature = await getLayerFeature(deps.db, readable.d, featureId, { ...query, stock: false });
    if (!feature) throw new HttpError(404, 'not_found', `no feature ${featureId} in collection ${collectionId}`, { field: 'featureId' });
    const href = `${root(req)}/collections/${readable.d.id}`;
    res.type('application/geo+json').json({
      ...feature,
      links: [
        { rel: 'self', type: 'application/geo+json', href: `${href}/items/${featureId}` },
        { rel: 'collection', type: 'application/json', href },
      ],
    });
  });

  router.use(notFound);
  return router;
}
