/**
 * Siting as users get it: MCLP through POST /api/siting over HTTP (planner token, inline clustered
 * demand and candidates, default solver choice, jobs polled when the API answers 202), against the
 * exact optimum of the same problem solved in the same run by an exact peer, reported as gap and time
 * ratio. The peer is CBC (Debian's coinor-cbc) in its own process when `cbc` is on PATH, else HiGHS in
 * process (--exact=cbc|highs). Instances: 2,000 × 300 and 20,000 × 1,000 by default; add --large for
 * 80,000 × 1,000, or name them: --sizes=20000x1000,80000x1000. Embedded PGlite backend.
 * S defaults to the medium-term fixed shelter's radius from the configuration (1.5 km); --radius=3000
 * gives a much harder instance (weak LP bound). The exact peer has a budget (--exact-ms, default
 * 300,000 ms). When it cannot prove the optimum within it, the row says so and reports its best bound:
 * the API's gap is then given against that bound (an upper limit on the true gap) and against the
 * peer's best incumbent.
 * A failed API run (e.g. a job marked lost) is reported in its row, and the exact peer still runs; a 503
 * (load shedding) is retried after its Retry-After, up to 5 attempts.
 * --stale-ms sets SITING_STALE_MS (default: the configuration's) for a run that blocks the process longer.
 * Run: cd apps/api && npx tsx bench/siting-http.ts [--large] [--sizes=NxC,...] [--radius=1500] [--exact=cbc] [--exact-ms=300000] [--stale-ms=N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@riskmap/config/env';
import { createUser, prepareDatabase } from '@riskmap/db';
import { buildImpedanceMatrix, coverageSets, loadHighs, mclpModel, solveSitingWith, type LocationProblem, type LocationResult } from '@riskmap/geo';
import { createApp } from '../src/app.js';
import { hashPassword } from '../src/auth/password.js';
import { ChangeBus } from '../src/events/change-bus.js';
import { cbcAvailable, runCbc } from './run-cbc.js';

const large = process.argv.includes('--large');
const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = arg('sizes')
  ?.split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
if (sizes?.some(([n, c]) => !(n > 0 && c > 0))) throw new Error('--sizes: write sizes as NxC,NxC (e.g. 20000x1000)');
const INSTANCES = sizes
  ? sizes.map(([n, c]) => ({ n, c, p: c >= 1_000 ? 30 : 10 }))
  : [{ n: 2_000, c: 300, p: 10 }, { n: 20_000, c: 1_000, p: 30 }, ...(large ? [{ n: 80_000, c: 1_000, p: 30 }] : [])];
const EXACT_MS = Number(arg('exact-ms') ?? 300_000);
if (!(EXACT_MS > 0)) throw new Error('--exact-ms: a positive number of milliseconds');
const baseConfig = loadConfig({ NODE_ENV: 'test' });
/** Default S: the medium-term fixed shelter's service radius (GB 51143, in the configuration). */
const RADIUS_M = Number(arg('radius') ?? baseConfig.domain.shelters.classes['medium-term']!.radiusM);
if (!(RADIUS_M > 0)) throw new Error('--radius: a positive number of metres');
const EXACT = arg('exact') ?? ((await cbcAvailable()) ? 'cbc' : 'highs');
if (EXACT !== 'cbc' && EXACT !== 'highs') throw new Error('--exact: cbc or highs');

/** mulberry32 */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Villages clustered round 40 towns in the county's box; candidates half near towns, half anywhere. */
function instance(n: number, c: number, seed: number) {
  const rnd = seeded(seed);
  const towns = Array.from({ length: 40 }, () => [115.6 + rnd() * 0.45, 35.95 + rnd() * 0.35] as const);
  const near = () => {
    const t = towns[Math.floor(rnd() * towns.length)]!;
    const g = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()) * 0.03;
    return [t[0] + g(), t[1] + g()] as [number, number];
  };
  const fc = <P extends { id: string }>(pts: [number, number][], props: (i: number) => P) => ({
    type: 'FeatureCollection' as const,
    features: pts.map((coordinates, i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates }, properties: props(i) })),
  });
  const demand = fc(Array.from({ length: n }, near), (i) => ({ id: `d${i}`, weight: Math.round(50 + rnd() * 2950) }));
  const candidates = fc(
    Array.from({ length: c }, (_, j) => (j % 2 ? near() : ([115.6 + rnd() * 0.45, 35.95 + rnd() * 0.35] as [number, number]))),
    (j) => ({ id: `c${j}` }),
  );
  return { demand, candidates };
}

type ApiAnswer = Partial<LocationResult> & { excludedCandidates?: { id: string }[]; coveredWeight?: number; solver?: string };

/** POST /api/siting, polling the job when the API answers 202; throws on a failed or cancelled job. */
async function runApi(base: string, headers: Record<string, string>, body: unknown): Promise<ApiAnswer> {
  // A 503 (the server shedding load) is retried after its Retry-After, as a client would, up to 5 times.
  let res!: Response;
  let first!: ApiAnswer & { id?: string; error?: { details?: { retryAfterSeconds?: number } } };
  for (let attempt = 1; ; attempt++) {
    res = await fetch(`${base}/api/siting`, { method: 'POST', headers, body: JSON.stringify(body) });
    first = (await res.json()) as typeof first;
    if (res.status !== 503 || attempt >= 5) break;
    await new Promise((r) => setTimeout(r, 1000 * (first.error?.details?.retryAfterSeconds ?? 1)));
  }
  if (res.status === 202 && first.id) {
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      res = await fetch(`${base}/api/siting/jobs/${first.id}`, { headers });
      const job = (await res.json()) as { status: string; result?: ApiAnswer; error?: unknown };
      if (job.status === 'done') return job.result!;
      if (job.status === 'failed' || job.status === 'cancelled') throw new Error(`job ${job.status}: ${JSON.stringify(job.error)}`);
    }
  }
  if (!res.ok) throw new Error(`POST /api/siting ${res.status}: ${JSON.stringify(first)}`);
  return first;
}

interface Exact {
  best: number;
  bound: number | null;
  optimal: boolean;
  exactMs: number;
  exactCell: string;
}

/** HiGHS in process through the product's own exact path (model and solve timed together). */
function exactByHighs(problem: LocationProblem, highs: Awaited<ReturnType<typeof loadHighs>>, config: ReturnType<typeof loadConfig>): Exact {
  const t1 = performance.now();
  const exact = solveSitingWith(problem, highs, config.domain) as LocationResult;
  const exactMs = performance.now() - t1;
  const best = exact.objective.after ?? 0;
  const bound = exact.optimal ? best : (exact.objective.bound ?? null);
  const exactCell = exact.optimal
    ? 'HiGHS, proven optimum'
    : `HiGHS, not proven in ${EXACT_MS / 1000} s: incumbent ${best.toLocaleString('en-US')}, bound ${bound === null ? 'none' : bound.toLocaleString('en-US')}, own gap ${exact.gap === null ? 'unknown' : `${(exact.gap * 100).toFixed(3)} %`}`;
  return { best, bound, optimal: exact.optimal, exactMs, exactCell };
}

/**
 * CBC as a separate process on the same problem: the impedance matrix and coverage sets built as the
 * API builds them, the MCLP written by the product's `mclpModel` (identical-coverer demand merged),
 * then solved by `cbc`; the time is model building plus CBC's solve.
 */
async function exactByCbc(problem: LocationProblem, config: ReturnType<typeof loadConfig>): Promise<Exact> {
  const t1 = performance.now();
  const spec = { kind: 'geodesic' as const, detourFactor: config.domain.shelters.walkingDetourFactor };
  const { matrix } = buildImpedanceMatrix(problem.demand, problem.candidates, [], spec, config.domain.fireStations, RADIUS_M);
  const model = mclpModel(coverageSets(matrix, RADIUS_M), problem.p!);
  const buildMs = performance.now() - t1;
  const run = await runCbc(model, EXACT_MS);
  const exactMs = performance.now() - t1;
  const best = run.objective ?? 0;
  const bound = run.optimal ? best : run.bound;
  const what = run.optimal
    ? `CBC, proven optimum ${best.toLocaleString('en-US')}`
    : `CBC, not proven in ${EXACT_MS / 1000} s: incumbent ${best.toLocaleString('en-US')}, bound ${bound === null ? 'none' : bound.toLocaleString('en-US')}`;
  const exactCell = `${what}; ${model.rows.toLocaleString('en-US')} grouped rows, model ${(buildMs / 1000).toFixed(2)} s + solve ${(run.ms / 1000).toFixed(2)} s`;
  return { best, bound, optimal: run.optimal, exactMs, exactCell };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-bench-siting-'));
  const prepared = await prepareDatabase({ backend: 'embedded', dataDir: join(dir, 'pglite') }, { loadSample: true });
  const config = loadConfig({ NODE_ENV: 'test', LOAD_SAMPLE: 'false', JSON_MAX_BYTES: String(64 * 1024 * 1024), ...(arg('stale-ms') ? { SITING_STALE_MS: arg('stale-ms')! } : {}) });
  await createUser(prepared.db, { username: 'bench-planner', passwordHash: await hashPassword('bench-password'), role: 'planner' });
  const app = createApp({ db: prepared.db, backend: prepared.backend, postgis: prepared.postgis, config, changes: await ChangeBus.start(prepared.db, prepared.listen) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-planner', password: 'bench-password' }) });
  const { token } = (await login.json()) as { token: string };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const highs = EXACT === 'highs' ? await loadHighs() : null;
  const rows: string[] = [];
  for (const inst of INSTANCES) {
    const { demand, candidates } = instance(inst.n, inst.c, inst.n + inst.c);
    const body = { problem: 'mclp', facility: 'shelter', p: inst.p, radiusM: RADIUS_M, demand, candidates, existing: { type: 'FeatureCollection', features: [] }, timeLimitMs: 20_000 };
    const t0 = performance.now();
    let failed: string | null = null;
    const answer = await runApi(base, headers, body).catch((e: Error) => {
      const cause = e.cause as { message?: string; code?: string } | undefined;
      failed = cause ? `${e.message} (${cause.code ?? ''} ${cause.message ?? ''})` : e.message;
      return {} as ApiAnswer;
    });
    const apiMs = performance.now() - t0;
    // The same problem, exactly: the candidates the API kept (hazard distances; all of them when the API run failed), HiGHS with a budget.
    const dropped = new Set((answer.excludedCandidates ?? []).map((e) => String(e.id)));
    const problem: LocationProblem = {
      kind: 'mclp', facility: 'shelter', p: inst.p, radiusM: RADIUS_M, impedance: { kind: 'geodesic', detourFactor: config.domain.shelters.walkingDetourFactor },
      demand: demand.features.map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], weight: f.properties.weight })),
      candidates: candidates.features.filter((f) => !dropped.has(f.properties.id)).map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })),
      existing: [], exact: true, timeLimitMs: EXACT_MS,
    };
    const { best, bound, optimal, exactMs, exactCell } = EXACT === 'cbc' ? await exactByCbc(problem, config) : exactByHighs(problem, highs!, config);
    const got = answer.coveredWeight ?? 0;
    const pct = (ref: number) => (ref > 0 ? ((ref - got) / ref) * 100 : 0);
    const gapCell = optimal
      ? `${pct(best).toFixed(3)} %`
      : `${pct(best).toFixed(3)} % to ${EXACT.toUpperCase()}'s incumbent; ≤ ${bound === null ? '?' : pct(bound).toFixed(3)} % to the optimum (vs bound)`;
    const apiCell = failed ? `failed after ${(apiMs / 1000).toFixed(2)} s: ${failed}` : `${(apiMs / 1000).toFixed(2)} s (${answer.solver}, covered ${got.toLocaleString('en-US')})`;
    rows.push(`| ${inst.n.toLocaleString('en-US')} × ${inst.c.toLocaleString('en-US')}, p = ${inst.p}, S = ${RADIUS_M / 1000} km, load ${loadavg()[0]!.toFixed(1)} | ${apiCell} | ${(exactMs / 1000).toFixed(2)} s (${exactCell}) | ${failed ? '—' : gapCell} | ${failed ? '—' : (apiMs / exactMs).toFixed(2)} |`);
    console.log(rows[rows.length - 1]);
  }
  console.log(`\n| MCLP through POST /api/siting (HTTP, PGlite) | API time (solver) | exact peer (${EXACT === 'cbc' ? 'CBC, separate process' : 'HiGHS, in process'}) | gap to optimum | time ratio API ÷ exact |\n| --- | --- | --- | --- | --- |`);
  for (const r of rows) console.log(r);
  server.closeAllConnections();
  server.close();
  await prepared.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
