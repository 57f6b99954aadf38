import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../support/server.js';

/** What every flow gets: the running server, the browser and the screenshot folder. */
export interface Env {
  server: Pick<RunningServer, 'url'>;
  browser: Browser;
  shots: string;
}
