import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './deps.js';
import { errorMiddleware, notFound } from './http/error-middleware.js';
import { healthRouter } from './routes/health.js';
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
import { sheltersRouter } from './routes/shelters.js';
import { LayerCache } from './services/layer-cache.js';

/**
 * Build the express app (without listening): the API under /api and, when built, the web app.
 * @example const app = createApp({ db, backend, postgis, config }); app.listen(8080)
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '20mb' }));

  const api = express.Router();
  api.use(authenticate(deps));
  api.use(authRouter(deps));
  api.use(usersRouter(deps));
  api.use(editFeaturesRouter(deps));
  api.use(auditRouter(deps));
  api.use(eventsRouter(deps));
  api.use(healthRouter(deps));
  api.use(layersRouter(deps));
  api.use(openapiRouter(deps));
  const layers = new LayerCache(deps.db, deps.changes);
  api.use(analyticsRouter(deps, layers));
  api.use(sheltersRouter(deps, layers));
  api.use(notFound);
  app.use('/api', api);
  app.use('/ogc', authenticate(deps), ogcRouter(deps));
  app.use('/tiles', authenticate(deps), tilesRouter(deps));

  const webDist = deps.config.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(webDist, 'index.html')));
  }
  app.use(errorMiddleware);
  return app;
}
