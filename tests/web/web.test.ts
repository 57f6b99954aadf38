/**
 * The public finder in a real Chromium against the real server on the embedded database with the
 * sample data (start-up loads the sample, ~25 s); the offline flow runs last because it stops the
 * server. The command map's flows are in command.test.ts.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { E2E_ADMIN, launchChromium } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { finderFlows, offlineFlow } from './flows/finder.js';
import { finderScreenFlows } from './flows/finder-screens.js';

export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

export interface Env {
  server: RunningServer;
  browser: Browser;
  shots: string;
}

const env = {} as Env;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  env.shots = SCREENSHOTS;
  // E2E_URL=<running server> reuses a server started by hand (the offline flow then cannot stop it: run with -t screens).
  const given = process.env.E2E_URL;
  if (given) {
    env.server = { url: given, stop: async () => null } as unknown as RunningServer;
    env.browser = await launchChromium();
    return;
  }
  [env.server, env.browser] = await Promise.all([startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-web-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }), launchChromium()]);
});

afterAll(async () => {
  await env.browser?.close();
  await env.server?.stop();
});

describe('public finder (/find)', () => finderFlows(env));
describe('public finder screens (phone and desktop, zh-CN and English)', () => finderScreenFlows(env));
describe('public finder offline', () => offlineFlow(env));
