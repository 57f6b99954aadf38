import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import { docsPage } from '../openapi/docs-page.js';
import { openApiDocument } from '../openapi/openapi-document.js';
import { registeredOperations } from '../openapi/registry.js';
import { docsPage as docsRoute, openapiDocument } from '@riskmap/contract';
import { mountRoute } from '../http/mount-route.js';
import { OPENAPI_30_TYPE, openApi30, wantsOpenApi30 } from '../openapi/openapi-30.js';

/**
 * `GET /api/openapi.json` (generated from the registered operations' zod schemas) and `GET /api/docs` (plain HTML).
 * @example api.use(openapiRouter(deps))
 */
export function openapiRouter(_deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, openapiDocument, (req, res) => {
    const doc = openApiDocument(registeredOperations(), { title: 'riskmap API', version: '0.1.0', description: 'County emergency-management risk map: layers, OGC API – Features, vector tiles.' });
    res.vary('Accept');
    if (wantsOpenApi30(req.get('accept'))) {
      res.type(OPENAPI_30_TYPE).send(JSON.stringify(openApi30(doc)));
      return;
    }
    res.type('application/vnd.oai.openapi+json;version=3.1').send(JSON.stringify(doc));
  });
  mountRoute(router, docsRoute, (_req, res) => {
    res.type('text/html').send(docsPage(registeredOperations()));
  });
  return router;
}
