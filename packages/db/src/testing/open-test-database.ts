import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '@riskmap/config/env';
import { openDatabase, type Backend, type RiskmapDb } from '../connect.js';
import { embeddedTemplatePath, RUN_ID_VAR, serverTemplateName, withDatabase, type TemplateKind } from './template.js';

export interface TestDatabase extends RiskmapDb {
  /** Settings that reopen this same database (e.g. for an app under test). */
  settings: { backend: 'server'; url: string } | { backend: 'embedded'; loadDataDir: Blob };
}

/** The backends the data-layer suites run on: embedded always, the server too when DATABASE_URL is set. */
export function testBackends(): Backend[] {
  return loadConfig().database.backend === 'server' ? ['embedded', 'server'] : ['embedded'];
}

/**
 * A private database for one test file, copied from the run's template (migrated; with the sample
 * dataset when `kind` is 'sample'). Closing it drops the server copy.
 * @example const t = await openTestDatabase('embedded', 'sample')
 */
export async function openTestDatabase(backend: Backend, kind: TemplateKind = 'sample'): Promise<TestDatabase> {
  const runId = process.env[RUN_ID_VAR];
  if (!runId) throw new Error('openTestDatabase needs the @riskmap/db/testing globalSetup in the vitest config');
  if (backend === 'embedded') {
    const loadDataDir = new Blob([readFileSync(embeddedTemplatePath(runId, kind))]);
    const opened = await openDatabase({ backend: 'embedded', loadDataDir });
    return { ...opened, settings: { backend: 'embedded', loadDataDir } };
  }
  const database = loadConfig().database;
  if (database.backend !== 'server') throw new Error('the server backend needs DATABASE_URL');
  const name = `riskmap_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${serverTemplateName(runId, kind)}`);
  await admin.end();
  const url = withDatabase(database.url, name);
  const opened = await openDatabase({ backend: 'server', url });
  return {
    ...opened,
    settings: { backend: 'server', url },
    close: async () => {
      await opened.close();
      const drop = new pg.Client({ connectionString: database.url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
