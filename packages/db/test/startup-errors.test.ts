import { chmodSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@riskmap/config/env';
import { DatabaseStartupError, openDatabase } from '../src/index.js';
import { withDatabase } from '../src/testing/template.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'riskmap-startup-'));

describe('opening a database fails fast with one clear message', () => {
  it('when DATABASE_URL points at no server', async () => {
    const err = await openDatabase({ backend: 'server', url: 'postgres://nobody:secret@127.0.0.1:1/none' }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseStartupError);
    expect(err.message).toMatch(/cannot connect to DATABASE_URL \(postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none\)/);
    expect(err.message).not.toContain('secret');
  });

  it.skipIf(process.getuid?.() === 0)('when the data directory is not writable', async () => {
    const dir = join(scratch(), 'ro');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    await expect(openDatabase({ backend: 'embedded', dataDir: dir })).rejects.toThrow(/is not writable/);
  });

  it('when the data directory cannot be created', async () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openDatabase({ backend: 'embedded', dataDir: join(file, 'pglite') })).rejects.toThrow(/is not writable/);
  });

  it('when the data directory holds something that is not a database', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    await expect(openDatabase({ backend: 'embedded', dataDir: dir })).rejects.toThrow(/holds no PGlite database/);
  });

  it('when the data directory holds a corrupt database', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'PG_VERSION'), 'garbage\n');
    mkdirSync(join(dir, 'global'));
    writeFileSync(join(dir, 'global', 'pg_control'), Buffer.alloc(64, 7));
    const err = await openDatabase({ backend: 'embedded', dataDir: dir }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseStartupError);
    expect(err.message).toMatch(/not a readable PGlite data directory/);
  });

  const database = loadConfig().database;
  it.runIf(database.backend === 'server')('when the server database has no PostGIS and it cannot be created', async () => {
    const url = (database as { url: string }).url;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `riskmap_nopostgis_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'riskmap_limited') THEN CREATE ROLE riskmap_limited LOGIN PASSWORD 'limited'; END IF; END $$`);
    const limited = new URL(withDatabase(url, name));
    limited.username = 'riskmap_limited';
    limited.password = 'limited';
    const err = await openDatabase({ backend: 'server', url: limited.toString() }).catch((e) => e);
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    expect(err).toBeInstanceOf(DatabaseStartupError);
    expect(err.message).toMatch(/has no PostGIS extension/);
  });
});
