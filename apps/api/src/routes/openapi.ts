import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import { docsPage } from '../openapi/docs-page.js';
import { openApiDocument } from '../openapi/openapi-document.js';
import { defineOperation, registeredOperations } from '../openapi/registry.js';

defineOperation({
  method: 'get', path: '/api/openapi.json', summary: 'This API as an OpenAPI 3.1 document', tags: ['docs'],
  responses: { 200: { description: 'the OpenAPI document', contentType: 'application/vnd.oai.openapi+json;version=3.1' } },
});
defineOperation({
  method: 'get', path: '/api/docs', summary: 'Human-readable list of the operations', tags: ['docs'],
  responses: { 200: { description: 'an HTML page', contentType: 'text/html' } },
});

/**
 * `GET /api/openapi.json` (generated from the registered operations' zod schemas) and `GET /api/docs` (plain HTML).
 * @example api.use(openapiRouter(deps))
 */
export function openapiRouter(_deps: AppDeps): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    const doc = openApiDocument(registeredOperations(), { title: 'riskmap API', version: '0.1.0', description: 'County emergency-management risk map: layers, OGC API – Features, vector tiles.' });
    res.type('application/vnd.oai.openapi+json;version=3.1').send(JSON.stringify(doc));
  });
  router.get('/docs', (_req, res) => {
    res.type('text/html').send(docsPage(registeredOperations()));
  });
  return router;
}
