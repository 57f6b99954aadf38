/**
 * The command map's dense risk-point layer, old path against vector tiles, in one run and one browser:
 * BENCH_POINTS (default 100,000) risk points are put into a private PostgreSQL (copies of the sample's
 * 300, moved by up to ±0.01°, fixed seed), the real server and the real command map are started, and
 * for each way the time from showing the data to MapLibre's `idle` ("load") and from `jumpTo(zoom + 1)`
 * to `idle` ("zoom", then back) is measured in the page (performance.now(), ms; median of BENCH_RUNS, default 2):
 *  - tiles: the app's own path (risk-tiles source, /tiles/risk-points/{z}/{x}/{y}.mvt, server-thinned);
 *  - geojson: the whole layer fetched from /api/layers/risk-points and drawn by a GeoJSON circle layer
 *    (the fetch is counted in "load");
 *  - webgl: the same GeoJSON drawn by the WebGL point layer (map/dense-points.ts), the previous app path.
 * A click on the map centre must still open a risk point's detail panel on the tile path.
 * Run: npm run bench -w @riskmap/tests (or: cd tests && npx tsx bench/dense-tiles.ts). Bounded: BENCH_TIMEOUT_S (default 480; about 4 min on a loaded 2-core machine, most of it the app loading 100,000 points as GeoJSON).
 */
import { E2E_ADMIN, launchChromium, signIn, waitForMapIdle } from '../support/browser.js';
import { privatePostgresAvailable, startPrivatePostgres } from '../support/private-postgres.js';
import { startServer } from '../support/server.js';

const POINTS = Number(process.env.BENCH_POINTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
let cleanUp = async () => {};
const guard = setTimeout(() => {
  console.error('dense-tiles bench: timed out');
  void cleanUp().finally(() => process.exit(1));
}, Number(process.env.BENCH_TIMEOUT_S ?? 480) * 1000);

if (!privatePostgresAvailable()) {
  console.log('dense-tiles bench skipped: needs PostgreSQL 15 + PostGIS (infra/install-system-packages.sh)');
  process.exit(0);
}

type Way = 'tiles' | 'geojson' | 'webgl';
interface Timing { loadMs: number; zoomMs: number; backMs: number; zoom: number }
const median = (all: number[]) => { const xs = all.filter((x) => x >= 0).sort((a, b) => a - b); return xs.length ? xs[Math.floor(xs.length / 2)]! : -1; };

const pg = await startPrivatePostgres();
let stop = async () => {};
cleanUp = async () => (await stop().catch(() => {}), pg.destroy());
try {
  const server = await startServer({ DATABASE_URL: pg.url, ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password, RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
  stop = async () => void (await server.stop());
  const have = Number(pg.psql('select count(*) from risk_points', 'riskmap'));
  const copies = Math.ceil(POINTS / have);
  const columns = pg.psql("select string_agg(quote_ident(column_name), ',' order by ordinal_position) from information_schema.columns where table_name = 'risk_points' and column_name not in ('id', 'code', 'name', 'geom', 'created_at', 'updated_at')", 'riskmap').trim();
  const t0 = Date.now();
  // Triggers off for the copy (the change log of 100,000 rows is not what is measured; nothing is cached yet).
  pg.psql(`set session_replication_role = replica; select setseed(0.42); insert into risk_points (code, name, geom, ${columns})
    select r.code || '-B' || g, '压力测试点 ' || r.name || ' ' || g, ST_SetSRID(ST_Translate(r.geom, (random() - 0.5) * 0.02, (random() - 0.5) * 0.02), 4326), ${columns.split(',').map((c) => `r.${c}`).join(',')}
    from risk_points r cross join generate_series(1, ${copies - 1}) g order by r.id, g limit ${Math.max(0, POINTS - have)}`, 'riskmap');
  const total = Number(pg.psql('select count(*) from risk_points where deleted_at is null', 'riskmap'));
  console.log(`[dense-tiles] ${total} risk points in the database (${Date.now() - t0} ms to insert)`);

  // The server alone: one thinned tile over the county town at zoom 10 (first build, then from its cache).
  const cookie = (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(E2E_ADMIN) })).headers.get('set-cookie')?.split(';')[0] ?? '';
  for (const pass of ['first', 'cached']) {
    const s0 = Date.now();
    const r = await fetch(`${server.url}/tiles/risk-points/10/841/401.mvt`, { headers: { cookie, origin: server.url } });
    console.log(`[dense-tiles] tile 10/841/401 (${pass}): ${r.status}, ${(await r.arrayBuffer()).byteLength} bytes, ${Date.now() - s0} ms`);
  }

  const browser = await launchChromium();
  stop = async () => (await browser.close(), void (await server.stop()));
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  await signIn(context);
  const page = await context.newPage();
  const opened = Date.now();
  await page.goto('/');
  await waitForMapIdle(page, '__riskmap', 180_000);
  await page.evaluate('window.__name = (f) => f'); // tsx keeps function names with a helper the page lacks
  console.log(`[dense-tiles] command map idle ${Date.now() - opened} ms after opening (the app still loads the layer as GeoJSON for its lists)`);

  const time = (way: Way) =>
    page.evaluate(async (way) => {
      const rm = window.__riskmap!;
      const map = rm.map;
      // An 'idle' that never comes (the machine is shared) is reported as -1 after 90 s instead of hanging.
      const idle = () => Promise.race([new Promise<boolean>((r) => map.once('idle', () => r(true))), new Promise<boolean>((r) => setTimeout(() => r(false), 90_000))]);
      const src = map.getSource('risk-tiles') as unknown as { setTiles(t: string[]): void };
      // The app's level filter on the tile layer: the WebGL way's showRiskPoints hides the tiles (filter NOTHING), so it is put back after each way.
      const filter = map.getFilter('risk-tiles');
      map.setLayoutProperty('risk-tiles', 'visibility', way === 'tiles' ? 'visible' : 'none');
      const t0 = performance.now();
      let done = idle();
      if (way === 'tiles') src.setTiles([`${location.origin}/tiles/risk-points/{z}/{x}/{y}.mvt?v=bench${t0}`]); // a new URL: every tile is fetched again
      else {
        const fc = await (await fetch('/api/layers/risk-points', { credentials: 'same-origin' })).json();
        done = idle();
        if (way === 'webgl') (rm as unknown as { showRiskPoints(f: unknown[]): string }).showRiskPoints(fc.features);
        else {
          map.addSource('bench', { type: 'geojson', data: fc });
          map.addLayer({ id: 'bench', type: 'circle', source: 'bench', paint: { 'circle-radius': 4, 'circle-color': '#d7191c' } });
        }
      }
      const loadMs = (await done) ? performance.now() - t0 : -1;
      const t1 = performance.now();
      const z = idle();
      map.jumpTo({ zoom: map.getZoom() + 1 });
      const zoomMs = (await z) ? performance.now() - t1 : -1;
      const t2 = performance.now();
      const b = idle();
      map.jumpTo({ zoom: map.getZoom() - 1 });
      const backMs = (await b) ? performance.now() - t2 : -1;
      if (way === 'webgl') (rm as unknown as { showRiskPoints(f: unknown[]): string }).showRiskPoints([]);
      if (way === 'geojson') (map.removeLayer('bench'), map.removeSource('bench'));
      map.setFilter('risk-tiles', filter);
      map.setLayoutProperty('risk-tiles', 'visibility', 'visible');
      const settled = idle();
      map.triggerRepaint();
      await settled;
      return { loadMs, zoomMs, backMs, zoom: map.getZoom() };
    }, way) as Promise<Timing>;

  const results: Record<Way, Timing[]> = { tiles: [], geojson: [], webgl: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const way of ['tiles', 'geojson', 'webgl'] as const) {
      const r = await time(way);
      results[way].push(r);
      console.log(`[dense-tiles] run ${i + 1} ${way}: ${JSON.stringify(r, (_, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
    }
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([way, runs]) => [way, { loadMs: Math.round(median(runs.map((r) => r.loadMs))), zoomMs: Math.round(median(runs.map((r) => r.zoomMs))), backMs: Math.round(median(runs.map((r) => r.backMs))) }]),
  );

  // The tile path still answers a click with a risk point's detail panel (the other point layers off, as in the stress e2e).
  for (const id of ['hazard-sources', 'shelters', 'warehouses', 'fire-stations']) await page.click(`[data-testid=toggle-${id}]`);
  await waitForMapIdle(page, '__riskmap', 120_000);
  const box = await page.evaluate(() => { const c = window.__riskmap!.map.getCanvas().getBoundingClientRect(); return { x: c.left + c.width / 2, y: c.top + c.height / 2 }; });
  let detail = '';
  for (const [dx, dy] of [[0, 0], [4, 0], [0, 4], [-4, 0], [0, -4], [8, 8], [-8, -8], [12, 0]]) {
    await page.mouse.click(box.x + dx!, box.y + dy!);
    if (await page.locator('[data-testid=detail-panel]').count()) { detail = (await page.textContent('[data-testid=detail-panel]')) ?? ''; break; }
  }
  console.log('[dense-tiles]', JSON.stringify({ points: total, runs: RUNS, medianMs: summary, clickOpensDetail: detail.includes('压力测试点'), detail: detail.slice(0, 60) }));
  if (!detail.includes('压力测试点')) throw new Error('a click on the dense tile layer opened no risk point');
} finally {
  await stop();
  pg.destroy();
  clearTimeout(guard);
}
