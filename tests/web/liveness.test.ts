/**
 * The command map tells the truth about liveness, in a real Chromium against the real server: "● 实时"
 * while the event stream is connected; with the server stopped it says "重新连接中…" and when the last
 * update came (within 10 s); when the server is back it is live again and shows what changed. The
 * planning workspace follows changes the same way.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, waitForMapIdle, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
const dataDir = mkdtempSync(join(tmpdir(), 'riskmap-live-'));
let server: RunningServer;
let browser: Browser;
let g: Guarded;
let env: Record<string, string>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = { PGLITE_DATA_DIR: dataDir, ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password };
  [server, browser] = await Promise.all([startServer(env, 280_000), launchChromium()]);
  env.PORT = new URL(server.url).port;
  // The event stream gets no answer while the server is stopped on purpose (the second step).
  g = await guardedPage(browser, server.url, {}, { expected: [{ status: 0, path: /^\/api\/events$/ }] });
  await signIn(g.context);
}, 300_000);

afterAll(async () => {
  const met = g ? { errors: [...g.errors], external: [...g.external] } : { errors: [], external: [] };
  await browser?.close();
  await server?.stop();
  expectClean(met);
});

describe('command map liveness (/)', () => {
  const badge = () => g.page.locator('[data-testid=live-state]');

  it('says 实时 while the event stream is connected', async () => {
    await g.page.goto('/');
    await waitForMapIdle(g.page);
    await expect.poll(() => badge().getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
    expect(await badge().textContent()).toContain('实时');
    await g.page.screenshot({ path: join(SHOTS, 'liveness-live.png') });
  });

  it('with the server stopped, says 重新连接中… and the time of the last update within 10 s', async () => {
    const t0 = Date.now();
    await server.stop();
    await expect.poll(() => badge().getAttribute('data-status'), { timeout: 10_000, interval: 100 }).toBe('reconnecting');
    console.log(`reconnecting shown ${Date.now() - t0} ms after the server was stopped`);
    const text = (await badge().textContent()) ?? '';
    expect(text).toContain('重新连接中…');
    expect(text).toMatch(/最后更新 \d{1,2}:\d{2}:\d{2}/);
    await g.page.screenshot({ path: join(SHOTS, 'liveness-reconnecting.png') });
  });

  it('when the server is back, is live again and catches up with a change made meanwhile', async () => {
    const chip = g.page.locator('.status-chip', { hasText: '已关闭' });
    const before = Number((await chip.textContent())!.match(/\d+/)![0]);
    server = await startServer(env, 280_000);
    // the change is made as soon as the server answers, before the page has reconnected (it retries every few seconds)
    const layer = await (await g.context.request.get('/api/layers/shelters?status=open&limit=1')).json();
    const f = layer.features[0];
    const res = await g.context.request.patch(`/api/layers/shelters/${f.properties.id}`, { data: { version: f.properties.version, properties: { status: 'closed' } }, headers: { origin: new URL(g.page.url()).origin } });
    expect(res.status()).toBe(200);
    const t0 = Date.now();
    await expect.poll(() => chip.textContent(), { timeout: 20_000 }).toContain(String(before + 1));
    await expect.poll(() => badge().getAttribute('data-status'), { timeout: 20_000 }).toBe('live');
    console.log(`caught up ${Date.now() - t0} ms after the change`);
    expect(await badge().textContent()).not.toContain('重新连接中');
    await g.page.screenshot({ path: join(SHOTS, 'liveness-back.png') });
  }, 360_000);

  it('the planning workspace is live too, and reloads its layers and figures when a shelter changes', async () => {
    const page = await g.context.newPage();
    await page.goto('/planning');
    const live = page.locator('[data-testid=live-state]');
    await expect.poll(() => live.getAttribute('data-status'), { timeout: 30_000 }).toBe('live');
    expect(await live.textContent()).toContain('实时');
    const reloaded = page.waitForRequest((r) => r.url().includes('/api/analytics/shelter-per-capita'), { timeout: 20_000 });
    const layer = await (await g.context.request.get('/api/layers/shelters?status=open&limit=1')).json();
    const f = layer.features[0];
    const res = await g.context.request.patch(`/api/layers/shelters/${f.properties.id}`, { data: { version: f.properties.version, properties: { capacity: (f.properties.capacity as number) + 1 } }, headers: { origin: new URL(g.page.url()).origin } });
    expect(res.status()).toBe(200);
    await reloaded;
    await page.screenshot({ path: join(SHOTS, 'liveness-planning.png') });
    await page.close();
  }, 120_000);
});
