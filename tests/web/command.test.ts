/**
 * The command map in a real Chromium against the real server on the embedded database with the
 * sample data: layers, e-map, details and audit, live updates, the incident tool, the 100k stress
 * check, and the phone size. E2E_URL=<running server> reuses a server started by hand.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { E2E_ADMIN, launchChromium } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { commandFlows } from './flows/command.js';
import { commandScreenFlows } from './flows/command-screens.js';
import type { Env } from './flows/env.js';
import { phoneFlows } from './flows/phone.js';
import { stressFlows } from './flows/stress.js';
import { incidentFlows } from './flows/incident.js';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const env = {} as Env;
let server: RunningServer | undefined;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  env.shots = SCREENSHOTS;
  const given = process.env.E2E_URL;
  const started = given
    ? Promise.resolve({ url: given })
    : startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-cmd-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }).then((s) => (server = s));
  [env.server, env.browser] = await Promise.all([started, launchChromium()]);
});

afterAll(async () => {
  await env.browser?.close();
  await server?.stop();
});

describe('command map (/)', () => commandFlows(env));
describe('command map screens (zh-CN and English, desktop and phone)', () => commandScreenFlows(env));
describe('incident tool', () => incidentFlows(env));
describe('dense layers', () => stressFlows(env));
describe('phone size (390×844)', () => phoneFlows(env));
