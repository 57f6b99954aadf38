/**
 * The planning workspace as a planner works it (zh-CN and English, desktop 1280×800 and phone): readable
 * selected buttons, the coverage map legend, the stale-result guard, accept-all (and no second offer of
 * an accepted site), the target checked as you type, the searchable facility list and the full edit form,
 * the capacity check, with an axe-core check of each screen. E2E_URL=<running server> reuses a server.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings } from '../support/axe.js';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, waitForMapIdle, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
const PLANNER = { username: 'e2e-screens-planner', password: 'Qm4#长河-落日-27x' };
let server: RunningServer | undefined;
let url: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const given = process.env.E2E_URL;
  const started = given ? Promise.resolve(given) : startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-plan2-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }).then((s) => ((server = s), s.url));
  [url, browser] = await Promise.all([started, launchChromium()]);
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
  const { token } = (await login.json()) as { token: string };
  const made = await fetch(`${url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ...PLANNER, role: 'planner' }) });
  if (made.status !== 201 && made.status !== 409) throw new Error(`planner not created: ${made.status}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  const tag = locale === 'en' ? 'en' : 'zh';
  const L = (zh: string, en: string) => (locale === 'en' ? en : zh);
  describe(`planning screens (${tag}, 1280×800)`, () => {
    let g: Guarded;
    beforeAll(async () => {
      g = await guardedPage(browser, url, { viewport: { width: 1280, height: 800 }, locale });
      await signIn(g.context, PLANNER);
      await g.page.goto(`/planning?lang=${locale}`);
      await g.page.getByTestId('per-capita-table').waitFor();
      await waitForMapIdle(g.page, '__planningMap');
    });
    afterAll(async () => {
      await g.context.close();
      expectClean(g);
    });

    it(`${tag}: checks the target as you type and applies it without Enter; shows the unit once; explains capacity and flags SH-008`, async () => {
      const { page } = g;
      await page.getByTestId('target-input').fill('abc');
      await expect.poll(() => page.getByTestId('target-error').innerText()).toContain(L('请输入数字', 'Enter a number'));
      await page.getByTestId('target-input').fill('-1');
      await expect.poll(() => page.getByTestId('target-error').innerText()).toContain(L('须大于 0', 'above 0'));
      await page.getByTestId('target-input').fill('3');
      await expect.poll(() => page.getByTestId('kpi-target').innerText(), { timeout: 15_000 }).toContain('3.00');
      await page.getByTestId('target-input').fill('2.5');
      await expect.poll(() => page.getByTestId('kpi-target').innerText(), { timeout: 15_000 }).toContain('2.50');
      const short = await page.getByTestId('short-list').innerText();
      expect(short).not.toMatch(/m²\s+[\d,]+\s+m²/);
      await page.getByTestId('implausible-SH-008').waitFor({ state: 'attached' });
      expect(await page.getByTestId('capacity-check').innerText()).toMatch(L(/容量按人数核对/, /Capacity is checked in people/));
      await page.getByTestId('capacity-check').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `planning-capacity-${tag}.png`) });
      expect(await axeFindings(page)).toEqual([]);
    });

    it(`${tag}: the selected coverage button is readable, the map is taller with a legend for circles and dots`, async () => {
      const { page } = g;
      await page.getByTestId('tab-coverage').click();
      await page.getByTestId('coverage-shelters').click();
      await page.getByTestId('map-coverage-legend').waitFor();
      const colours = await page.getByTestId('coverage-shelters').evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
      expect(colours[0]).not.toBe(colours[1]);
      expect(colours[1]).not.toBe('rgb(246, 248, 250)');
      expect((await page.getByTestId('planning-map').boundingBox())!.height).toBeGreaterThan(480);
      await expect.poll(() => page.evaluate(() => window.__planningMap!.querySourceFeatures('reach').length)).toBeGreaterThan(0);
      await waitForMapIdle(page, '__planningMap');
      await page.screenshot({ path: join(SHOTS, `planning-coverage-legend-${tag}.png`) });
      expect(await axeFindings(page)).toEqual([]);
      await page.getByTestId('coverage-none').click();
    });

    it(`${tag}: lists facilities with search and paging, and opens a full edit form`, async () => {
      const { page } = g;
      await page.getByTestId('tab-edit').click();
      await page.getByTestId('facility-list').waitFor();
      expect(await page.getByTestId('facility-count').innerText()).toMatch(/1–20/);
      await page.getByTestId('facility-next').click();
      expect(await page.getByTestId('facility-count').innerText()).toMatch(/21–40/);
      await page.getByTestId('facility-search').fill('SH-010');
      await page.getByTestId('facility-SH-010').click();
      const form = page.getByTestId('facility-form');
      await form.waitFor();
      for (const f of ['address', 'access', 'contactPerson', 'contactPhone', 'suitability', 'facilities', 'isPublic', 'townshipCode']) await form.getByTestId(`field-${f}`).waitFor();
      expect(await form.getByTestId('field-address').inputValue()).not.toBe('');
      expect(await form.innerText()).toContain('(m²)');
      await form.getByTestId('field-contactPhone').fill('abc');
      await page.getByTestId('facility-save').click();
      await expect.poll(() => form.innerText()).toContain(L('电话只能包含数字', 'A phone number may hold digits'));
      await form.getByTestId('field-contactPhone').fill('0635-1234567');
      await form.getByTestId('field-suitability').locator('input[value=flood]').check();
      await page.getByTestId('facility-save').click();
      await expect.poll(() => page.getByTestId('edit-message').innerText()).toMatch(/v\d/);
      const fc = (await (await g.context.request.get('/api/layers/shelters?code=SH-010')).json()) as { features: { properties: { contactPhone: string; suitability: { flood: boolean } } }[] };
      expect(fc.features[0]!.properties.contactPhone).toBe('0635-1234567');
      expect(fc.features[0]!.properties.suitability.flood).toBe(true);
      await page.screenshot({ path: join(SHOTS, `planning-edit-form-${tag}.png`) });
      expect(await axeFindings(page)).toEqual([]);
    });

    it(`${tag}: a result for other settings is marked stale and cannot be saved; accept-all adds every site once`, async () => {
      const { page } = g;
      await page.getByTestId('tab-siting').click();
      await page.getByTestId('siting-problem').selectOption('mclp');
      // Each language's run adds new sites (the other run's accepted sites are not offered again).
      await page.getByTestId('siting-p').fill(locale === 'en' ? '6' : '2');
      await page.getByTestId('siting-run').click();
      await page.getByTestId('siting-result').waitFor({ timeout: 60_000 });
      await page.getByTestId('siting-problem').selectOption('shelter-gap');
      await page.getByTestId('siting-stale').waitFor();
      await page.getByTestId('scenario-name').fill(`stale-${tag}`);
      expect(await page.getByTestId('scenario-save').isDisabled()).toBe(true);
      await page.screenshot({ path: join(SHOTS, `planning-stale-${tag}.png`) });
      await page.getByTestId('siting-problem').selectOption('mclp');
      await expect.poll(() => page.getByTestId('siting-stale').count()).toBe(0);
      // On a reused server earlier runs may have accepted these sites already: ask for more until new ones come.
      for (let p = Number(await page.getByTestId('siting-p').inputValue()) + 4; (await page.getByTestId('accept-all').count()) === 0 && p < 30; p += 4) {
        await page.getByTestId('siting-p').fill(String(p));
        await page.getByTestId('siting-run').click();
        await page.getByTestId('siting-result').waitFor({ timeout: 60_000 });
      }
      page.once('dialog', (d) => void d.accept());
      await page.getByTestId('accept-all').click();
      const codes = await page.getByTestId('site-list').locator('[data-testid^="accept-"], [data-testid^="undo-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace(/^(accept|undo)-/, '')));
      for (const c of codes) await page.getByTestId(`undo-${c}`).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(SHOTS, `planning-accept-all-${tag}.png`) });
      // A new run does not offer them again.
      await page.getByTestId('siting-run').click();
      await page.getByTestId('siting-result').waitFor({ timeout: 60_000 });
      for (const c of codes) expect(await page.getByTestId(`accept-${c}`).count()).toBe(0);
      expect(await axeFindings(page)).toEqual([]);
    });
  });
}

describe('planning screens (phone 390×844)', () => {
  it('gives the map and the answer the space and passes axe', async () => {
    const g = await guardedPage(browser, url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await signIn(g.context, PLANNER);
    await g.page.goto('/planning');
    await g.page.getByTestId('per-capita-table').waitFor();
    await g.page.getByTestId('tab-edit').click();
    await g.page.getByTestId('facility-list').waitFor();
    expect(await g.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await g.page.screenshot({ path: join(SHOTS, 'planning-phone-list.png') });
    expect(await axeFindings(g.page)).toEqual([]);
    await g.context.close();
    expectClean(g);
  });
});
