import { Router, type Request } from 'express';
import { countLayer, getLayer, getLayerFeature, layerRevision, layerSummary } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { notFound } from '../http/error-middleware.js';
import { roleOf } from '../http/role.js';
import { readableLayer, readableLayers } from '../ogc/layer-access.js';
import { layerQuery, urlWith } from '../ogc/layer-request.js';
import { CONFORMANCE, collectionDocument, collectionsDocument, landingPage } from '../ogc/ogc-documents.js';
import { mountRoute } from '../http/mount-route.js';
import { ogcApi, ogcCollection, ogcCollections, ogcConformance, ogcFeatureSchema, ogcItem, ogcItems, ogcLanding, ogcQueryables, ogcSchema } from '@riskmap/contract';
import { collectionSchema, featureSchema, layerProperties, queryablesDocument, type LayerProperties } from '../ogc/collection-schema.js';
import { cql2Filter, layerQueryables, sortKeys } from '../ogc/layer-queryables.js';
import { ogcOpenApi } from '../ogc/ogc-openapi.js';
import { sendOgc } from '../ogc/ogc-html.js';
import { OPENAPI_30_TYPE, OPENAPI_31_TYPE, openApi30, wantsOpenApi30 } from '../openapi/openapi-30.js';

import { bboxToCrs84, CRS84_URI, ogcCrs, toOutputCrs } from '../ogc/ogc-crs.js';
import { sql, postgis } from '@riskmap/db';
import { HttpError as OgcError } from '../http/http-error.js';

const SCHEMA_TYPE = 'application/schema+json';

/** bbox + bbox-crs → a CRS84 rectangle (kept on the LayerFilter) or, for another CRS, a densified polygon condition. */
function bboxFilter(bbox: [number, number, number, number] | undefined, bboxCrs: string | undefined): { bbox?: [number, number, number, number]; where?: ReturnType<typeof sql<boolean>>[] } {
  if (!bbox) return {};
  const crs = ogcCrs(bboxCrs ?? CRS84_URI, 'bbox-crs');
  if (crs.code === 'OGC:CRS84') {
    const [x0, y0, x1, y1] = bbox;
    if (x0 < -180 || x1 > 180 || y0 < -90 || y1 > 90) throw new OgcError(400, 'invalid_input', 'bbox: must lie within -180,-90,180,90 in CRS84', { fields: [{ field: 'bbox', message: 'outside -180,-90,180,90' }] });
    return { bbox };
  }
  return { where: [sql<boolean>`ST_Intersects(${sql.ref('geom')}, ${postgis.geomFromGeoJSON(bboxToCrs84(bbox, crs))})`] };
}

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

  mountRoute(router, ogcLanding, (req, res) => {
    sendOgc(req, res, 'application/json', landingPage(root(req), origin(req)), 'riskmap OGC API – Features');
  });

  mountRoute(router, ogcConformance, (req, res) => {
    sendOgc(req, res, 'application/json', { conformsTo: CONFORMANCE }, '符合性 Conformance');
  });

  mountRoute(router, ogcCollections, async (req, res) => {
    const layers = readableLayers(req, res);
    const publicOnly = roleOf(req, res) === 'public';
    const summaries = await Promise.all(layers.map((d) => layerSummary(deps.db, d, { publicOnly })));
    sendOgc(req, res, 'application/json', collectionsDocument(root(req), summaries), '数据集 Collections');
  });

  mountRoute(router, ogcCollection, async (req, res, { params: { collectionId } }) => {
    const readable = readableLayer(req, res, collectionId, 'collectionId');
    const summary = await layerSummary(deps.db, readable.d, { publicOnly: readable.publicOnly });
    sendOgc(req, res, 'application/json', collectionDocument(root(req), summary), summary.title.zh);
  });

  mountRoute(router, ogcApi, async (req, res) => {
    const collections = new Map<string, LayerProperties>();
    for (const d of readableLayers(req, res)) collections.set(d.id, await layerProperties(deps.db, readableLayer(req, res, d.id)));
    const doc = ogcOpenApi(root(req), collections);
    res.vary('Accept');
    if (wantsOpenApi30(req.get('accept'))) res.type(OPENAPI_30_TYPE).send(JSON.stringify(openApi30(doc)));
    else res.type(OPENAPI_31_TYPE).send(JSON.stringify(doc));
  });

  for (const [contract, name, build] of [
    [ogcSchema, 'schema', collectionSchema],
    [ogcQueryables, 'queryables', queryablesDocument],
    [ogcFeatureSchema, 'feature-schema', featureSchema],
  ] as const) {
    mountRoute(router, contract, async (req, res, { params: { collectionId } }) => {
      const readable = readableLayer(req, res, collectionId, 'collectionId');
      const props = await layerProperties(deps.db, readable);
      res.type(SCHEMA_TYPE).send(JSON.stringify(build(`${root(req)}/collections/${readable.d.id}/${name}`, readable, props)));
    });
  }

  mountRoute(router, ogcItems, async (req, res, { params: { collectionId }, query: q }) => {
    const readable = readableLayer(req, res, collectionId, 'collectionId');
    const {
      bbox, 'bbox-crs': bboxCrs, crs: crsParam, limit, offset, f: _f, datetime, filter, 'filter-lang': _lang, 'filter-crs': filterCrs, sortby, ...filters
    } = q;
    const outCrs = ogcCrs(crsParam ?? CRS84_URI, 'crs');
    const spatial = bboxFilter(bbox, bboxCrs);
    const base0 = await layerQuery(deps.db, readable, { ...(spatial.bbox ? { bbox: spatial.bbox } : {}), limit, offset, filters });
    const queryables = filter || sortby ? await layerQueryables(deps.db, readable) : new Map();
    const query = {
      ...base0,
      ...(datetime ? { updatedBetween: datetime } : {}),
      ...(filter || spatial.where ? { where: [...(spatial.where ?? []), ...(filter ? [cql2Filter(filter, queryables, filterCrs ? ogcCrs(filterCrs, 'filter-crs') : undefined)] : [])] } : {}),
      ...(sortby ? { orderBy: sortKeys(sortby, queryables) } : {}),
    };
    const [fc, numberMatched, revision] = await Promise.all([
      getLayer(deps.db, readable.d, { ...query, stock: false }),
      countLayer(deps.db, readable.d, query),
      layerRevision(deps.db, readable.d),
    ]);
    const base = `${root(req)}/collections/${readable.d.id}/items`;
    const links = [
      { rel: 'self', type: 'application/geo+json', title: 'this page', href: urlWith(base, req.query, {}) },
      { rel: 'collection', type: 'application/json', title: 'the collection', href: `${root(req)}/collections/${readable.d.id}` },
      { rel: 'alternate', type: 'text/html', title: 'this page as HTML', href: urlWith(base, req.query, { f: 'html' }) },
    ];
    if (offset + fc.features.length < numberMatched) links.push({ rel: 'next', type: 'application/geo+json', title: 'next page', href: urlWith(base, req.query, { offset: offset + limit, limit }) });
    if (offset > 0) links.push({ rel: 'prev', type: 'application/geo+json', title: 'previous page', href: urlWith(base, req.query, { offset: Math.max(0, offset - limit), limit }) });
    res.set('Content-Crs', `<${outCrs.uri}>`);
    sendOgc(req, res, 'application/geo+json', {
      type: 'FeatureCollection',
      features: toOutputCrs(fc, outCrs).features,
      numberMatched,
      numberReturned: fc.features.length,
      timeStamp: (revision ?? new Date(0)).toISOString(),
      links,
    }, readable.d.title.zh);
  });

  mountRoute(router, ogcItem, async (req, res, { params: { collectionId, featureId }, query: { crs: crsParam } }) => {
    const outCrs = ogcCrs(crsParam ?? CRS84_URI, 'crs');
    const readable = readableLayer(req, res, collectionId, 'collectionId');
    const { limit: _l, offset: _o, ...query } = await layerQuery(deps.db, readable, { limit: 1, offset: 0, filters: {} });
    const feature = await getLayerFeature(deps.db, readable.d, featureId, { ...query, stock: false });
    if (!feature) throw new HttpError(404, 'not_found', `no feature ${featureId} in collection ${collectionId}`, { field: 'featureId' });
    const href = `${root(req)}/collections/${readable.d.id}`;
    res.set('Content-Crs', `<${outCrs.uri}>`);
    sendOgc(req, res, 'application/geo+json', {
      ...toOutputCrs(feature, outCrs),
      links: [
        { rel: 'self', type: 'application/geo+json', href: `${href}/items/${featureId}` },
        { rel: 'collection', type: 'application/json', href },
        { rel: 'alternate', type: 'text/html', href: `${href}/items/${featureId}?f=html` },
      ],
    }, `${readable.d.title.zh} #${featureId}`);
  });

  router.use(notFound);
  return router;
}
