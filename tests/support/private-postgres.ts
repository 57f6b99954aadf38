import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.js';

/** Where Debian puts the PostgreSQL 15 server programs (infra/install-system-packages.sh installs them). */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throwaway PostgreSQL + PostGIS cluster of its own (initdb in a temporary directory, on a free
 * loopback port), for tests that stop, restart or kill the database: they must never touch the
 * shared server that the other suites use.
 */
export interface PrivatePostgres {
  /** postgres://riskmap:riskmap@127.0.0.1:<port>/riskmap (PostGIS created). */
  url: string;
  port: number;
  /** Stop the cluster (`fast` ends sessions, `immediate` is a crash stop). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  restart(mode?: 'fast' | 'immediate'): void;
  /** Run SQL as the superuser over psql; returns stdout. */
  psql(sql: string, database?: string): string;
  /**
   * Take `LOCK TABLE <table> IN EXCLUSIVE MODE` in a session of its own and keep it (readers pass, writers wait)
   * until `release()` ends that session: a test can hold a writer in the middle of its transaction.
   */
  holdLock(table: string, database?: string): Promise<{ release(): void }>;
  /** Stop and delete everything. */
  destroy(): void;
}

/** True when the Debian PostgreSQL server programs and PostGIS are installed here. */
export function privatePostgresAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync('/usr/share/postgresql/15/extension/postgis.control');
}

/** Start a private cluster; runs the server programs as the `postgres` user when the tests run as root. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!privatePostgresAvailable()) throw new Error(`PostgreSQL server programs not found in ${PG_BIN} (run infra/install-system-packages.sh)`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): string => {
    const bin = join(PG_BIN, cmd);
    const res = asRoot
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map(shellQuote).join(' ')], { encoding: 'utf8' })
      : spawnSync(bin, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}): ${res.stderr || res.stdout}`);
    return res.stdout;
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
  const pgctl = (args: string[]) => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', '-t', '60', ...args]);
  const psql = (sql: string, database = 'postgres') =>
    run('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qtAc', sql]);
  const holdLock = async (table: string, database = 'riskmap') => {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
    const app = `riskmap-test-lock-${table}`;
    const conninfo = `host=${dir} port=${port} user=postgres dbname=${database} application_name=${app}`;
    const sqlText = `BEGIN; LOCK TABLE ${table} IN EXCLUSIVE MODE; SELECT pg_sleep(900);`;
    const bin = join(PG_BIN, 'psql');
    const child = asRoot ? spawn('su', ['postgres', '-s', '/bin/sh', '-c', [bin, conninfo, '-qtAc', sqlText].map(shellQuote).join(' ')], { stdio: 'ignore' }) : spawn(bin, [conninfo, '-qtAc', sqlText], { stdio: 'ignore' });
    const held = `SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name = '${app}' AND l.granted AND l.mode = 'ExclusiveLock' AND l.relation = '${table}'::regclass`;
    for (let i = 0; Number(psql(held, database).trim()) === 0; i += 1) {
      if (i > 600) throw new Error(`could not lock ${table}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return {
      release: () => {
        psql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${app}'`, database);
        child.kill();
      },
    };
  };
  pgctl(['start']);
  psql("CREATE ROLE riskmap LOGIN SUPERUSER PASSWORD 'riskmap'");
  psql('CREATE DATABASE riskmap OWNER riskmap');
  psql('CREATE EXTENSION IF NOT EXISTS postgis', 'riskmap');
  let destroyed = false;
  return {
    url: `postgres://riskmap:riskmap@127.0.0.1:${port}/riskmap`,
    port,
    stop: (mode = 'fast') => void pgctl(['stop', '-m', mode]),
    start: () => void pgctl(['start']),
    restart: (mode = 'fast') => void pgctl(['restart', '-m', mode]),
    psql,
    holdLock,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      try {
        pgctl(['stop', '-m', 'immediate']);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
