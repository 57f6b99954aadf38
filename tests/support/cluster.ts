import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from './server.js';

/** The recipe's templates (infra/cluster), filled in the same way as infra/cluster/start.sh does. */
function template(name: string, vars: Record<string, string | number>): string {
  return readFileSync(join(repoRoot, 'infra', 'cluster', name), 'utf8').replace(/\$\{(\w+)\}/g, (_, k: string) => {
    if (!(k in vars)) throw new Error(`${name}: no value for \${${k}}`);
    return String(vars[k]);
  });
}

export interface Helper {
  url: string;
  port: number;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** True when the Debian haproxy and pgbouncer programs are installed (infra/install-system-packages.sh). */
export function clusterToolsAvailable(): boolean {
  return existsSync('/usr/sbin/haproxy') && existsSync('/usr/sbin/pgbouncer');
}

async function waitForPort(port: number, child: ChildProcess, out: () => string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${out()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms:\n${out()}`);
}

function run(cmd: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out };
}

function stopper(child: ChildProcess, cleanup: () => void): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    cleanup();
  };
}

/** haproxy on a free loopback port, round-robin over `backends` (http://127.0.0.1:port URLs), from infra/cluster/haproxy.cfg.tmpl. */
export async function startHaproxy(backends: string[]): Promise<Helper> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-lb-'));
  const servers = backends.map((b, i) => `  server api${i + 1} ${new URL(b).host} check`).join('\n');
  const base = template('haproxy.cfg.tmpl', { LB_HOST: '127.0.0.1', LB_PORT: port });
  // the server lines go into both backends
  const cfg = base.replace(/(backend riskmap_api[\s\S]*?)(\n\nbackend riskmap_events)/, `$1\n${servers}$2`) + `${servers}\n`;
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, cfg);
  const check = spawnSync('/usr/sbin/haproxy', ['-c', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy configuration invalid:\n${check.stdout}${check.stderr}`);
  const { child, output } = run('/usr/sbin/haproxy', ['-db', '-f', file]);
  await waitForPort(port, child, output);
  return { url: `http://127.0.0.1:${port}`, port, process: child, output, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) };
}

/** pgbouncer (transaction pooling) on a free loopback port in front of `postgresUrl`, from infra/cluster/pgbouncer.ini.tmpl. */
export async function startPgbouncer(postgresUrl: string): Promise<Helper> {
  const u = new URL(postgresUrl);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-bouncer-'));
  chmodSync(dir, 0o777);
  const database = u.pathname.slice(1);
  writeFileSync(join(dir, 'userlist.txt'), `"${decodeURIComponent(u.username)}" "${decodeURIComponent(u.password)}"\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    template('pgbouncer.ini.tmpl', { PG_DATABASE: database, PG_HOST: u.hostname, PG_PORT: u.port || 5432, BOUNCER_HOST: '127.0.0.1', BOUNCER_PORT: port, BOUNCER_DIR: dir }),
  );
  chmodSync(join(dir, 'userlist.txt'), 0o644);
  chmodSync(join(dir, 'pgbouncer.ini'), 0o644);
  const asRoot = process.getuid?.() === 0;
  const { child, output } = run('/usr/sbin/pgbouncer', [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')]);
  await waitForPort(port, child, () => output() + (existsSync(join(dir, 'pgbouncer.log')) ? readFileSync(join(dir, 'pgbouncer.log'), 'utf8') : ''));
  const url = new URL(postgresUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), port, process: child, output, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) };
}
