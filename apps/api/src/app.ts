import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './deps.js';
import { errorMiddleware, notFound } from './http/error-middleware.js';
import { healthRouter } from './routes/health.js';
import { siteConfigRouter } from './routes/site-config.js';
import { layersRouter } from './routes/layers.js';
import { ogcRouter } from './routes/ogc.js';
import { tilesRouter } from './routes/tiles.js';
import { openapiRouter } from './routes/openapi.js';
import { authenticate } from './auth/authenticate.js';
import { authRouter } from './routes/auth.js';
import { usersRouter } from './routes/edit-users.js';
import { editFeaturesRouter } from './routes/edit-features.js';
import { auditRouter } from './routes/audit.js';
import { eventsRouter } from './routes/events.js';
import { analyticsRouter } from './routes/analytics.js';
import './routes/analytics-openapi.js';
import { sheltersRouter } from './routes/shelters.js';
import { sitingRouter } from './routes/siting.js';
import { scenariosRouter } from './routes/scenarios.js';
import { planningReportRouter } from './routes/planning-report.js';
import { LayerCache } from './services/layer-cache.js';
import { importsRouter } from './routes/imports.js';
import { exportsRouter } from './routes/exports.js';
import { cors, jsonBody, securityHeaders } from './http/security.js';
import { requestId } from './http/request-id.js';
import { createLogger, httpLogger } from './http/logger.js';
import { publicRateLimit } from './http/rate-limit.js';
import { InFlight } from './http/shutdown.js';

/**
 * Build the express app (without listening): the API under /api and, when built, the web app.
 * @example const app = createApp({ db, backend, postgis, config }); app.listen(8080)
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const inFlight = new InFlight();
  app.locals.inFlight = inFlight;
  app.use(inFlight.middleware, requestId(), httpLogger(createLogger(deps.config.http.logLevel)));
  app.use(securityHeaders(deps.config), cors(deps.config.http.corsOrigins));
  app.use(jsonBody(deps.config.http.jsonMaxBytes));
  const rateLimit = publicRateLimit(deps.config.http.rateLimit);

  const api = express.Router();
  api.use(authenticate(deps));
  api.use(rateLimit);
  api.use(authRouter(deps));
  api.use(usersRouter(deps));
  api.use(editFeaturesRouter(deps));
  api.use(auditRouter(deps));
  api.use(eventsRouter(deps));
  api.use(healthRouter(deps));
  api.use(siteConfigRouter(deps));
  api.use(layersRouter(deps));
  api.use(openapiRouter(deps));
  api.use(importsRouter(deps));
  api.use(exportsRouter(deps));
  const layers = new LayerCache(deps.db, deps.changes);
  api.use(analyticsRouter(deps, layers));
  api.use(sitingRouter(deps, layers));
  api.use(sheltersRouter(deps, layers));
  api.use(scenariosRouter(deps, layers));
  api.use(planningReportRouter(deps, layers));
  api.use(notFound);
  app.use('/api', api);
  app.use('/ogc', authenticate(deps), rateLimit, ogcRouter(deps));
  app.use('/tiles', authenticate(deps), rateLimit, tilesRouter(deps));

  const webDist = deps.config.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(webDist, 'index.html')));
  }
  app.use(errorMiddleware);
  return app;
}
