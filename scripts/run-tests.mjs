#!/usr/bin/env node
// `npm test`: run every workspace's tests through turbo, then say loudly what did not run and why
// (vitest's per-package skip counts, and the parts of the machine that were missing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const skipped = new Map();
// Failures are repeated at the very end: CI keeps only the tail of a long log.
const failures = [];
let failureLines = 0;
let buffer = '';
const child = spawn('npx', ['turbo', 'run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  buffer += chunk;
  const lines = buffer.split('\n');
  buffer = lines.pop() ?? '';
  for (const raw of lines) {
    const line = strip(raw);
    const body = line.replace(/^\S+?:test:\s?/, '');
    if (/^\s*(FAIL|×|✗)\s/.test(body) || /ERROR\s+command|AssertionError|Test timed out|Hook timed out/.test(body)) failureLines = 12;
    if (failureLines > 0 && failures.length < 70) {
      failures.push(line);
      failureLines -= 1;
    }
    const m = /^(\S+?):test:\s+(Tests|Test Files)\s+(.*)$/.exec(line);
    if (!m) continue;
    const n = /(\d+) (skipped|todo)/.exec(m[3]);
    if (n) skipped.set(`${m[1]} (${m[2] === 'Tests' ? 'tests' : 'files'})`, Number(n[1]));
  }
});
child.on('close', (testCode) => {
  console.log('\n== structure (npm run check:structure: no cycles, one-way layers, routes mounted by the app only)');
  const structure = spawnSync('npm', ['run', '--silent', 'check:structure'], { stdio: 'inherit' });
  const code = testCode || structure.status;
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const reasons = [];
  if (!process.env.DATABASE_URL) reasons.push('DATABASE_URL is not set: the database suites ran on the embedded PGlite only, not on a PostgreSQL server (see .ci/run).');
  if (!has('ogrinfo')) reasons.push('GDAL (ogrinfo/ogr2ogr) not found: the checks that read riskmap with GDAL were skipped.');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) reasons.push(`Chromium not found at ${chromium}: the browser end-to-end flows could not run.`);
  if (!existsSync('/usr/lib/postgresql/15/bin/initdb')) reasons.push('PostgreSQL server programs not found: the fault drills that stop and restart a database could not run.');
  if (process.getuid?.() === 0) reasons.push('running as root: the "data directory not writable" start-up check is skipped (root writes anywhere).');
  const bar = '='.repeat(78);
  console.log(`\n${bar}\nSKIPPED IN THIS RUN`);
  if (skipped.size === 0) console.log('  nothing: every test ran');
  for (const [what, n] of skipped) console.log(`  ${what}: ${n} skipped`);
  if (reasons.length) console.log('why:');
  for (const r of reasons) console.log(`  - ${r}`);
  console.log(bar);
  if (failures.length) {
    console.log(`FAILURES (repeated from above${failures.length >= 70 ? '; the first 70 lines' : ''})`);
    for (const f of failures) console.log(`  ${f}`);
    console.log(bar);
  }
  process.exit(code ?? 1);
});
