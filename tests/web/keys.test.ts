/**
 * The API key screen (/keys) in a real Chromium against the real server: an admin creates a named, read-only
 * key (shown once, with QGIS/GDAL instructions), the key signs GIS requests in, and revoking it in the
 * browser ends its access; the screen speaks Chinese first and English on switch.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { axeFindings } from '../support/axe.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let g: Guarded;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-keys-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }, 300_000),
    launchChromium(),
  ]);
  g = await guardedPage(browser, server.url, { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  ({ context, page } = g);
  await signIn(context, E2E_ADMIN);
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('API keys screen (/keys)', () => {
  it('creates a read-only key shown once, which GIS clients then use, and revokes it', async () => {
    await page.goto('/keys');
    await page.getByTestId('key-form').waitFor();
    expect(await page.locator('h1').innerText()).toBe('GIS 客户端接入（API 密钥）');
    await page.getByTestId('key-name').fill('QGIS 规划科');
    await page.getByTestId('key-scope').selectOption('read');
    await page.getByTestId('key-create').click();
    const key = (await page.getByTestId('key-value').innerText()).trim();
    expect(key).toMatch(/^rmk_/);
    await expect.poll(() => page.getByTestId('keys-table').innerText()).toContain('QGIS 规划科');
    expect(await page.getByTestId('keys-table').innerText()).not.toContain(key);
    await page.screenshot({ path: join(SHOTS, 'keys-created-zh.png'), fullPage: true });
    expect(await axeFindings(page)).toEqual([]);

    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: { 'x-api-key': key } })).json();
    expect(me).toMatchObject({ role: 'admin' });
    const items = await fetch(`${server.url}/ogc/collections/risk-points/items?limit=1`, { headers: { 'x-api-key': key } });
    expect(items.status).toBe(200);

    await page.reload();
    await page.getByTestId('keys-table').waitFor();
    expect(await page.getByTestId('key-once').count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-testid^="revoke-"]').first().click();
    await expect.poll(() => page.getByTestId('keys-table').innerText()).toContain('已撤销');
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { 'x-api-key': key } })).status).toBe(401);
    await page.screenshot({ path: join(SHOTS, 'keys-revoked-zh.png'), fullPage: true });

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('GIS clients (API keys)');
    await page.screenshot({ path: join(SHOTS, 'keys-en.png'), fullPage: true });
    expect(await axeFindings(page)).toEqual([]);
    expectClean(g);
  });
});
