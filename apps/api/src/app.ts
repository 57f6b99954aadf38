import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './deps.js';
import { errorMiddleware, notFound } from './http/error-middleware.js';
import { healthRouter } from './routes/health.js';
import { siteConfigRouter } from './routes/site-config.js';
import { layersRouter } from './routes/layers.js';
import { ogcRouter } from './routes/ogc.js';
import { styleHandler, tilesRouter } from './routes/tiles.js';
import { openapiRouter } from './routes/openapi.js';
import { authenticate } from './auth/authenticate.js';
import { authRouter } from './routes/auth.js';
import { apiKeysRouter } from './routes/api-keys.js';
import { usersRouter } from './routes/edit-users.js';
import { editFeaturesRouter } from './routes/edit-features.js';
import { auditRouter } from './routes/audit.js';
import { eventsRouter } from './routes/events.js';
import { analyticsRouter } from './routes/analytics.js';
import { sheltersRouter } from './routes/shelters.js';
import { sitingRouter } from './routes/siting.js';
import { incidentsRouter } from './routes/incidents.js';
import { planningReportRouter } from './routes/planning-report.js';
import { LayerCache } from './services/layer-cache.js';
import { AnalyticsOffload } from './services/analytics-offload.js';
import { importsRouter } from './routes/imports.js';
import { ownImportJob } from './routes/imports-own-job.js';
import { importTemplateRouter } from './routes/import-template.js';
import { exportsRouter } from './routes/exports.js';
import { hiddenHazardsRouter } from './routes/hidden-hazards.js';
import { hiddenHazardFilesRouter } from './routes/hidden-hazard-files.js';
import { hiddenHazardReportsRouter } from './routes/hidden-hazard-reports.js';
import { planIndicatorsRouter } from './routes/plan-indicators.js';
import { cors, jsonBody, securityHeaders } from './http/security.js';
import { csrfGuard, jsonOnly } from './http/csrf.js';
import { requestId } from './http/request-id.js';
import { createLogger, httpLogger } from './http/logger.js';
import { publicRateLimit, requestCost } from './http/rate-limit.js';
import { InFlight } from './http/shutdown.js';
import { loadShed } from './http/load-shed.js';
import { storableInput } from './validation/storable.js';
import { compress } from './http/compress.js';
import { gisRateLimit } from './http/gis-rate-limit.js';

/**
 * Build the express app (without listening): the API under /api and, when built, the web app.
 * @example const app = createApp({ db, backend, postgis, config }); app.listen(8080)
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.http.trustProxy);
  const inFlight = new InFlight();
  app.locals.inFlight = inFlight;
  app.locals.retryAfterSeconds = deps.config.resilience.database.retryAfterSeconds;
  app.use(inFlight.middleware, requestId(), httpLogger(createLogger(deps.config.http.logLevel)));
  app.use(loadShed(deps.config.resilience.shedLagMs));
  if (deps.config.gis.compression) app.use(compress());
  app.use(securityHeaders(deps.config), cors(deps.config.http.corsOrigins));
  app.use(csrfGuard(deps.config.http.corsOrigins), jsonOnly());
  app.use(jsonBody(deps.config.http.jsonMaxBytes), storableInput);
  const rateLimit = publicRateLimit(deps.config.http.rateLimit, undefined, requestCost(deps.config.resilience.public.analyticsCost));

  const imports = importsRouter(deps);
  app.locals.importJobs = imports.jobs;
  const api = express.Router();
  api.use(healthRouter(deps)); // before authentication: answers (degraded) even when sessions cannot be read
  api.use(ownImportJob(imports.jobs)); // an import's own progress and cancel, without a database read
  api.use(authenticate(deps));
  api.use(rateLimit);
  api.use(authRouter(deps));
  api.use(usersRouter(deps));
  api.use(apiKeysRouter(deps));
  api.use(editFeaturesRouter(deps));
  api.use(auditRouter(deps));
  api.use(eventsRouter(deps, { maxPerAddress: deps.config.cluster.sseMaxPerAddress, maxTotal: deps.config.cluster.sseMaxTotal }));
  api.use(siteConfigRouter(deps));
  api.use(layersRouter(deps));
  api.use(openapiRouter(deps));
  api.use(importTemplateRouter(deps));
  api.use(imports);
  api.use(exportsRouter(deps));
  const layers = new LayerCache(deps.db, deps.changes);
  const analytics = new AnalyticsOffload(deps.db, layers, deps.config.domain, deps.config.resilience.analytics);
  app.locals.analytics = analytics;
  api.use(analyticsRouter(deps, layers, analytics));
  const siting = sitingRouter(deps, layers);
  app.locals.sitingJobs = siting.jobs;
  api.use(siting);
  api.use(sheltersRouter(deps, layers));
  api.use(incidentsRouter(deps, layers));
  api.use(planningReportRouter(deps, layers));
  api.use(hiddenHazardReportsRouter(deps));
  api.use(hiddenHazardFilesRouter(deps));
  api.use(hiddenHazardsRouter(deps));
  api.use(planIndicatorsRouter(deps, layers));
  api.use(notFound);
  app.use('/api', api);
  const gisLimit = gisRateLimit({ enabled: deps.config.http.rateLimit.enabled, ...deps.config.gis.rateLimit });
  const ogc = ogcRouter(deps);
  const tiles = tilesRouter(deps);
  app.use('/ogc', authenticate(deps), gisLimit, ogc);
  app.use('/tiles', authenticate(deps), gisLimit, tiles);
  app.get('/style.json', authenticate(deps), gisLimit, styleHandler(deps));
  /** Where each router is mounted, for the route × role table test (routes/route-access.ts). */
  app.locals.mounts = [['/api', api], ['/ogc', ogc], ['/tiles', tiles]] satisfies [string, express.Router][];

  const webDist = deps.config.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(webDist, 'index.html')));
  }
  app.use(errorMiddleware);
  return app;
}
