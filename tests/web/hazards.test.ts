/**
 * Hidden hazards in a real Chromium against the real server with the sample data: a planner records a
 * hazard on the map, assigns the five 到位 and reports it rectified; a commander verifies and closes it; the
 * township statistics and the command-map layer follow live; a commander reports a 重大 hazard to the higher
 * authority (上报) from its screen; the plan scoreboard prints as one A4 sheet;
 * an anonymous visitor sees none of it.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, waitForMapIdle, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { axeFindings } from '../support/axe.js';
import { recordMajorHazard } from './flows/record-hazard.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
const PLANNER = { username: 'e2e-hz-planner', password: 'Hz7%山峦-晨雾-58k' };
const COMMANDER = { username: 'e2e-hz-commander', password: 'Cm3@江河-晚霞-91p' };
let server: RunningServer;
let browser: Browser;
let planner: Page;
let commander: Page;
let commandMap: Page;
let target: { code: string; townshipCode: string; lonLat: [number, number] };
let hazardCode = '';
/** Every guarded page of the file: each must end without an undeclared 4xx/5xx, console error or external request. */
const guards: Guarded[] = [];

async function adminToken(): Promise<string> {
  const r = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
  return ((await r.json()) as { token: string }).token;
}

async function pageAs(user: { username: string; password: string }): Promise<Page> {
  const g = await guardedPage(browser, server.url, { viewport: { width: 1440, height: 960 }, locale: 'zh-CN' });
  guards.push(g);
  await signIn(g.context, user);
  return g.page;
}

/** Zoom the hazard map to a place and click it there. */
async function clickMapAt(page: Page, lonLat: [number, number]): Promise<void> {
  await page.waitForFunction(() => window.__hazardMap?.ready === true, undefined, { timeout: 60_000 });
  await page.evaluate((ll) => window.__hazardMap!.map.jumpTo({ center: ll, zoom: 16 }), lonLat);
  await page.waitForFunction(() => window.__hazardMap!.map.loaded(), undefined, { timeout: 30_000 });
  const at = await page.evaluate((ll) => window.__hazardMap!.map.project(ll), lonLat);
  const box = (await page.getByTestId('hazard-map').boundingBox())!;
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

/** Poll with room for a loaded machine (the screens refetch after each live change). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 45_000, interval: 250 });

const statsRow = (page: Page, key: string) => page.locator(`[data-testid="hazard-stats"] tr[data-key="${key}"] td`).allInnerTexts();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-hz-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }, 300_000),
    launchChromium(),
  ]);
  const token = await adminToken();
  for (const [u, role] of [[PLANNER, 'planner'], [COMMANDER, 'commander']] as const) {
    const made = await fetch(`${server.url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ...u, role }) });
    if (made.status !== 201) throw new Error(`${role} not created: ${made.status}`);
  }
  // A risk point with no sample hazard yet, so the click lands on empty ground next to it.
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const rps = (await (await fetch(`${server.url}/api/layers/risk-points`, auth)).json()) as { features: { geometry: { coordinates: [number, number] }; properties: { code: string; townshipCode: string } }[] };
  const hz = (await (await fetch(`${server.url}/api/hidden-hazards`, auth)).json()) as { features: { geometry: { coordinates: [number, number] } }[] };
  const far = (ll: [number, number]) => hz.features.every((h) => Math.hypot(h.geometry.coordinates[0] - ll[0], h.geometry.coordinates[1] - ll[1]) > 0.004);
  const rp = rps.features.find((f) => f.properties.townshipCode && far(f.geometry.coordinates))!;
  target = { code: rp.properties.code, townshipCode: rp.properties.townshipCode, lonLat: [rp.geometry.coordinates[0] + 0.0008, rp.geometry.coordinates[1]] };
  [planner, commander, commandMap] = await Promise.all([pageAs(PLANNER), pageAs(COMMANDER), pageAs(COMMANDER)]);
}, 420_000);

afterAll(async () => {
  const met = { errors: guards.flatMap((g) => g.errors), external: guards.flatMap((g) => g.external) };
  await browser?.close();
  await server?.stop();
  expectClean(met);
});

describe('hidden hazards (/hazards) and the scoreboard (/scoreboard)', () => {
  let before: string[] = [];
  let openOnCommandMap = 0;

  it('records a hazard on the map, linked to the nearby risk point, and the township figures grow live', async () => {
    await commandMap.goto('/');
    await commandMap.getByTestId('hazard-map-note').waitFor({ timeout: 60_000 });
    openOnCommandMap = Number((await commandMap.getByTestId('hazard-map-note').innerText()).match(/(\d+) 项/)![1]);
    await commander.goto('/hazards');
    await commander.getByTestId('hazard-stats').waitFor({ timeout: 60_000 });
    before = await statsRow(commander, target.townshipCode);

    await planner.goto('/hazards');
    await planner.getByTestId('hazard-stats').waitFor({ timeout: 60_000 });
    await clickMapAt(planner, target.lonLat);
    const form = planner.getByTestId('record-form');
    await form.waitFor();
    expect(await form.innerText()).toContain(target.code.length ? '关联风险点' : '');
    await form.locator('input[name=name]').fill('端到端测试：疏散通道堵塞');
    await form.locator('select[name=category]').selectOption('fire');
    await form.locator('input[name=finder]').fill('县应急局检查组');
    await form.locator('textarea[name=description]').fill('二层疏散通道堆放纸箱');
    await planner.screenshot({ path: join(SHOTS, 'hazards-record.png') });
    expect(await axeFindings(planner)).toEqual([]);
    await form.locator('button[type=submit]').click();
    await poll(() => planner.getByTestId('hazard-status').innerText().catch(() => '')).toBe('已发现');
    const detail = await planner.getByTestId('hazard-detail').innerText();
    expect(detail).toContain(target.code);
    await poll(async () => Number((await statsRow(commander, target.townshipCode))[1])).toBe(Number(before[1] ?? 0) + 1);
    await poll(async () => Number((await commandMap.getByTestId('hazard-map-note').innerText()).match(/(\d+) 项/)![1])).toBe(openOnCommandMap + 1);
    const codes = await commandMap.evaluate(() => window.__riskmap!.map.querySourceFeatures('hidden-hazards').map((f) => String(f.properties.name)));
    expect(codes).toContain('端到端测试：疏散通道堵塞');
  });

  it('assigns the five 到位 and reports rectification', async () => {
    const assign = planner.locator('form[data-step=assign]');
    await assign.locator('input[name=responsibleUnit]').fill('示例商贸公司');
    await assign.locator('input[name=responsiblePerson]').fill('王经理');
    await assign.locator('input[name=measures]').fill('清理通道，张贴禁止堆放标识');
    await assign.locator('input[name=fundsYuan]').fill('1500');
    await assign.locator('input[name=deadline]').fill('2030-12-31');
    await assign.locator('input[name=contingencyPlan]').fill('整改期间安排专人值守');
    await planner.getByTestId('step-assign').click();
    await poll(() => planner.getByTestId('hazard-status').innerText()).toBe('整改中');
    expect(await planner.getByTestId('five-in-place').innerText()).toContain('王经理');
    await planner.locator('form[data-step=report] input[name=note]').fill('已清理完毕');
    await planner.getByTestId('step-report').click();
    await poll(() => planner.getByTestId('hazard-status').innerText()).toBe('待验收');
    expect(await planner.getByTestId('step-close').count()).toBe(0); // a planner may not close
    await planner.screenshot({ path: join(SHOTS, 'hazards-awaiting.png') });
    expect(await axeFindings(planner)).toEqual([]);
  });

  it('a commander verifies and closes it; the statistics and the command map follow live', async () => {
    const fc = (await (await commander.context().request.get('/api/hidden-hazards')).json()) as { features: { geometry: { coordinates: [number, number] }; properties: { name: string; code: string } }[] };
    const mine = fc.features.find((f) => f.properties.name === '端到端测试：疏散通道堵塞')!;
    hazardCode = mine.properties.code;
    await clickMapAt(commander, mine.geometry.coordinates);
    await poll(() => commander.getByTestId('hazard-status').innerText().catch(() => '')).toBe('待验收');
    await commander.locator('form[data-step=close] input[name=note]').fill('现场验收合格');
    await commander.getByTestId('step-close').click();
    await poll(() => commander.getByTestId('hazard-status').innerText()).toBe('已销号');
    expect(await commander.getByTestId('hazard-history').innerText()).toMatch(/登记[\s\S]*落实五到位[\s\S]*报告整改完成[\s\S]*验收销号/);
    await poll(async () => Number((await statsRow(planner, target.townshipCode))[2])).toBe(Number(before[2] ?? 0) + 1);
    await poll(async () => Number((await commandMap.getByTestId('hazard-map-note').innerText()).match(/(\d+) 项/)![1])).toBe(openOnCommandMap);
    await commander.screenshot({ path: join(SHOTS, 'hazards-closed.png') });
    await commandMap.screenshot({ path: join(SHOTS, 'hazards-command-map.png') });
    expect(hazardCode).toMatch(/^YH-/);
  });

  it('a commander reports a 重大 hazard to the higher authority (上报) with a note, once; it shows in its history', async () => {
    const token = await adminToken();
    const at: [number, number] = [target.lonLat[0] - 0.0016, target.lonLat[1] + 0.0004];
    await recordMajorHazard(server.url, { authorization: `Bearer ${token}` }, at, '端到端测试：液氨储罐区安全阀失效');
    await commander.goto('/hazards');
    await commander.getByTestId('hazard-stats').waitFor({ timeout: 60_000 });
    await clickMapAt(commander, at);
    await poll(() => commander.getByTestId('hazard-detail').innerText().catch(() => '')).toContain('液氨储罐区安全阀失效');
    const form = commander.locator('form[data-step=escalate]');
    expect(await commander.getByTestId('step-escalate').innerText()).toBe('上报');
    await form.locator('input[name=note]').fill('已报市应急管理局危化科');
    await commander.screenshot({ path: join(SHOTS, 'hazards-escalate.png') });
    await commander.getByTestId('step-escalate').click();
    await poll(() => commander.getByTestId('hazard-history').innerText()).toMatch(/登记[\s\S]*上报[\s\S]*已报市应急管理局危化科/);
    // once only: the step is gone, the status unchanged
    await poll(() => commander.getByTestId('step-escalate').count()).toBe(0);
    expect(await commander.getByTestId('hazard-status').innerText()).toBe('已发现');
    await commander.screenshot({ path: join(SHOTS, 'hazards-escalated.png') });
    expect(await axeFindings(commander)).toEqual([]);
  });

  it('prints the plan scoreboard as one A4 sheet with red/green judgements', async () => {
    const admin = await pageAs(E2E_ADMIN);
    await admin.goto('/scoreboard');
    await admin.getByTestId('scoreboard').waitFor({ timeout: 60_000 });
    expect(await admin.locator('.scoreboard-table tbody tr').count()).toBe(7);
    expect(await admin.locator('tr.met, tr.not-met').count()).toBe(7);
    expect(await admin.getByTestId('scoreboard').innerText()).toContain('示例数据');
    await admin.screenshot({ path: join(SHOTS, 'scoreboard.png'), fullPage: true });
    expect(await axeFindings(admin)).toEqual([]);
    await admin.emulateMedia({ media: 'print' });
    await admin.screenshot({ path: join(SHOTS, 'scoreboard-print.png'), fullPage: true });
    const pdf = await admin.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  });

  it('reaches the same scoreboard from the planning workspace (a tab, Chinese first, English available) and the command map', async () => {
    await planner.goto('/planning');
    await planner.getByTestId('tab-scoreboard').waitFor({ timeout: 60_000 });
    expect(await planner.getByTestId('tab-scoreboard').innerText()).toBe('指标考核');
    expect(await planner.getByTestId('scoreboard-link').getAttribute('href')).toBe('/scoreboard');
    await planner.getByTestId('tab-scoreboard').click();
    const tab = planner.getByTestId('scoreboard-tab');
    await tab.getByTestId('scoreboard').waitFor({ timeout: 60_000 });
    expect(await tab.locator('.scoreboard-table tbody tr').count()).toBe(7);
    expect(await tab.locator('tr.met, tr.not-met').count()).toBe(7);
    const zh = await tab.locator('.scoreboard-table tbody tr[data-key] td:nth-child(2)').first().innerText();
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    await waitForMapIdle(planner, '__planningMap', 60_000);
    await planner.screenshot({ path: join(SHOTS, 'planning-scoreboard.png') });
    expect(await axeFindings(planner)).toEqual([]);
    await planner.getByTestId('lang-switch').click();
    await poll(() => planner.getByTestId('tab-scoreboard').innerText()).toBe('Indicators');
    expect(await tab.locator('thead th').nth(2).innerText()).toBe('2025 target');
    await planner.screenshot({ path: join(SHOTS, 'planning-scoreboard-en.png') });
    await planner.getByTestId('lang-switch').click();
    await poll(() => planner.getByTestId('tab-scoreboard').innerText()).toBe('指标考核');
    expect(await tab.getByTestId('scoreboard-page-link').getAttribute('href')).toBe('/scoreboard');

    await commandMap.goto('/');
    const link = commandMap.getByTestId('map-scoreboard-link');
    await link.waitFor({ timeout: 60_000 });
    expect(await link.innerText()).toBe('规划指标考核');
    await link.click();
    await commandMap.getByTestId('scoreboard').waitFor({ timeout: 60_000 });
    expect(new URL(commandMap.url()).pathname).toBe('/scoreboard');
    expect(await commandMap.locator('.scoreboard-table tbody tr').count()).toBe(7);
  });

  it('shows an anonymous visitor only the sign-in box', async () => {
    const g = await guardedPage(browser, server.url, { viewport: { width: 1200, height: 800 }, locale: 'zh-CN' });
    guards.push(g);
    await g.page.goto('/hazards');
    await g.page.getByTestId('login').waitFor();
    expect(await g.page.getByTestId('hazard-stats').count()).toBe(0);
    expect(await axeFindings(g.page)).toEqual([]);
    const r = await g.context.request.get('/api/hidden-hazards');
    expect(r.status()).toBe(401);
  });
});
