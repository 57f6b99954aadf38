import { rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '@riskmap/config/env';
import { generateSample } from '@riskmap/sample';
import { openDatabase } from '../connect.js';
import { migrateToLatest } from '../migrate.js';
import { loadSample } from '../sample/load-sample.js';
import { embeddedTemplatePath, RUN_ID_VAR, serverTemplateName, withDatabase, type TemplateKind } from './template.js';

const KINDS: TemplateKind[] = ['empty', 'sample'];

/**
 * Vitest global setup: build the migrated (and sample-loaded) template databases once per run, so
 * that each test file copies one instead of paying CREATE EXTENSION postgis again.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  process.env[RUN_ID_VAR] = runId;
  const sample = generateSample();
  const database = loadConfig().database;
  const url = database.backend === 'server' ? database.url : undefined;

  for (const kind of KINDS) {
    const opened = await openDatabase({ backend: 'embedded' });
    await migrateToLatest(opened.db);
    if (kind === 'sample') await loadSample(opened.db, sample);
    const tar = await opened.dumpDataDir!();
    writeFileSync(embeddedTemplatePath(runId, kind), Buffer.from(await tar.arrayBuffer()));
    await opened.close();
  }

  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const kind of KINDS) {
      const name = serverTemplateName(runId, kind);
      await admin.query(`CREATE DATABASE ${name}`);
      const opened = await openDatabase({ backend: 'server', url: withDatabase(url, name) });
      await migrateToLatest(opened.db);
      if (kind === 'sample') await loadSample(opened.db, sample);
      await opened.close();
    }
    await admin.end();
  }

  return async () => {
    for (const kind of KINDS) rmSync(embeddedTemplatePath(runId, kind), { force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const kind of KINDS) await admin.query(`DROP DATABASE IF EXISTS ${serverTemplateName(runId, kind)} WITH (FORCE)`);
      await admin.end();
    }
  };
}
