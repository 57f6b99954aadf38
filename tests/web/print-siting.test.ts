/**
 * A siting result on paper and as files, in a real Chromium against the real server with the sample
 * data: an MCLP run with the coverage page's rule (and a stricter 1,200 m from hazard sources) prints its rule, demand basis, uncoverable demand and
 * the candidates excluded by safety distance; its GeoJSON and CSV exports hold the same result.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, waitForMapIdle, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import type { Env } from './flows/env.js';
import { endPrint, printShot, printVia } from './flows/print-sheet.js';

const env = {} as Env;
let server: RunningServer | undefined;

beforeAll(async () => {
  mkdirSync(join(import.meta.dirname, 'screenshots'), { recursive: true });
  const given = process.env.E2E_URL;
  const started = given ? Promise.resolve({ url: given }) : startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-print-siting-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }, 400_000).then((s) => (server = s));
  [env.server, env.browser] = await Promise.all([started, launchChromium()]);
}, 600_000);

afterAll(async () => {
  await env.browser?.close();
  await server?.stop();
});

interface Answer {
  runId: string;
  chosen: unknown[];
  coverageRule: { zh: string; en: string };
  demandBasis: { zh: string; en: string };
  uncoverable: { count: number; population: number } | null;
  excludedCandidates: { reason: string }[];
}

/** The siting answer the page receives (a 200 result, or a finished job's result). */
function answerOf(page: Page): Promise<Answer> {
  return new Promise((resolve) => {
    const seen = async (r: Response) => {
      if (!/\/api\/siting(\/jobs\/[^/?]+)?$/.test(new URL(r.url()).pathname) || r.request().method() === 'DELETE' || !r.ok()) return;
      const body = (await r.json().catch(() => null)) as (Answer & { result?: Answer; status?: string }) | null;
      const a = body?.runId ? body : body?.status === 'done' ? body.result : undefined;
      if (a) {
        page.off('response', seen);
        resolve(a);
      }
    };
    page.on('response', seen);
  });
}

async function download(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

describe.each(['zh-CN', 'en'] as const)('a siting result printed and exported (%s)', (locale) => {
  let g: Guarded;
  let page: Page;
  const en = locale === 'en';
  beforeAll(async () => {
    g = await guardedPage(env.browser, env.server.url, { viewport: { width: 1600, height: 900 }, locale, deviceScaleFactor: 1, acceptDownloads: true });
    await g.context.addInitScript((l) => localStorage.setItem('riskmap.locale', l), locale);
    await signIn(g.context);
    page = g.page;
  }, 120_000);
  afterAll(async () => {
    await g?.context.close();
    if (g) expectClean(g);
  });

  it('prints an MCLP siting result with its rule, demand basis, uncoverable demand and excluded candidates, and exports it as GeoJSON and CSV', async () => {
    await page.goto('/planning');
    await waitForMapIdle(page, '__planningMap');
    await page.getByTestId('tab-siting').click();
    expect(await page.getByTestId('siting-problem').inputValue()).toBe('mclp');
    expect(await page.getByTestId('siting-reach-default').isChecked()).toBe(true);
    // The sample's candidates all keep the default 1,000 m from hazard sources; a stricter 1,200 m leaves some out.
    await page.locator('[data-testid=siting-filters] > summary').click();
    await page.getByTestId('siting-hazard-distance').fill('1200');
    const answered = answerOf(page);
    await page.getByTestId('siting-run').click();
    const a = await answered;
    await page.getByTestId('siting-result').waitFor({ timeout: 60_000 });
    const hazard = a.excludedCandidates.filter((e) => e.reason === 'hazard-distance');
    expect(a.uncoverable?.count).toBeGreaterThan(0);
    expect(hazard.length).toBeGreaterThan(0);

    await printVia(page, 'print');
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-scenarios');
    const shown = async (id: string) => {
      const el = sheet.getByTestId(id);
      expect(await el.isVisible()).toBe(true);
      return (await el.innerText()).replace(/\s+/g, ' ');
    };
    expect(await shown('print-siting-rule')).toContain((en ? a.coverageRule.en : a.coverageRule.zh).replace(/\s+/g, ' '));
    const basis = await shown('print-siting-basis');
    expect(basis).toContain((en ? a.demandBasis.en : a.demandBasis.zh).replace(/\s+/g, ' '));
    expect(basis).toMatch(en ? /denominator: total demand [\d,]+ \(people/ : /分母：需求合计 [\d,]+（人）/);
    expect(await shown('print-siting-uncoverable')).toContain(en ? `${a.uncoverable!.count} demand points` : `无法覆盖的需求点 ${a.uncoverable!.count} 个`);
    const excluded = await shown('print-siting-excluded');
    expect(excluded).toContain(en ? `${hazard.length} candidates excluded by hazard safety distances` : `因危险源安全距离排除的备选用地 ${hazard.length} 处`);
    expect(await sheet.getByTestId('print-siting-excluded').locator('li').count()).toBe(Math.min(5, hazard.length));
    if (hazard.length > 5) expect(excluded).toContain(en ? `${hazard.length - 5} more` : `另有 ${hazard.length - 5} 个`);
    // The side panel (and its copy of the explanation) is not on paper.
    expect(await page.getByTestId('siting-explain').isVisible()).toBe(false);
    await printShot(page, `print-planning-siting-${locale}.png`, 'desktop');
    await endPrint(page);

    await page.getByTestId('siting-export').scrollIntoViewIfNeeded();
    await page.getByTestId('siting-result').screenshot({ path: join(import.meta.dirname, 'screenshots', `planning-siting-export-${locale}.png`) });
    const geo = await download(page, 'siting-export-geojson');
    expect(geo.name).toMatch(/^siting-mclp-\d{8}\.geojson$/);
    const fc = JSON.parse(geo.text) as { properties: Record<string, unknown>; features: { geometry: unknown; properties: { kind: string } }[] };
    expect(fc.features).toHaveLength(a.chosen.length + a.uncoverable!.count + a.excludedCandidates.length);
    expect(fc.properties).toMatchObject({ problem: 'mclp', runId: a.runId, rule: en ? a.coverageRule.en : a.coverageRule.zh, basis: en ? a.demandBasis.en : a.demandBasis.zh, sample: true, note: en ? 'Sample data' : '示例数据' });
    expect(fc.features.filter((f) => f.properties.kind === 'excluded').every((f) => f.geometry !== null)).toBe(true);

    const csv = await download(page, 'siting-export-csv');
    expect(csv.name).toMatch(/^siting-mclp-\d{8}\.csv$/);
    const [head, ...rows] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(head).toMatch(en ? /^kind,code,name,/ : /^类型,编号,名称,/);
    expect(rows).toHaveLength(a.chosen.length + a.uncoverable!.count);
    const kinds = rows.map((r) => r.split(',')[0]);
    expect(kinds.filter((k) => k === (en ? 'proposed site' : '建议点位'))).toHaveLength(a.chosen.length);
    expect(kinds.filter((k) => k === (en ? 'uncoverable demand point' : '无法覆盖的需求点'))).toHaveLength(a.uncoverable!.count);
  }, 240_000);
});
