import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobs, sitingRuns, sql } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

/**
 * A job whose heartbeat is late is failed as lost only when it belongs to another process: the sweeping process's own
 * jobs are alive (their heartbeats were late because its event loop stalled), so it never fails them itself.
 */
describe.each(testBackends())('stale jobs on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'empty');
  });
  afterAll(async () => t?.close());

  it('siting runs: fails a silent run of another worker, never one of the sweeping worker', async () => {
    const mine = randomUUID();
    const other = randomUUID();
    for (const [id, worker] of [[mine, 'host:1:a'], [other, 'host:2:b']] as const) {
      await sitingRuns.insert(t.db, { id, problem: 'mclp', request: {}, owner: 'planner', timeLimitMs: 1000 });
      expect((await sitingRuns.claim(t.db, worker, id))?.id).toBe(id);
    }
    await t.db.updateTable('siting_runs').set({ heartbeat_at: sql<Date>`now() - interval '1 hour'` }).execute();
    expect(await sitingRuns.failStale(t.db, 10_000, 'host:1:a')).toEqual([other]);
    const status = async (id: string) => (await t.db.selectFrom('siting_runs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect([await status(mine), await status(other)]).toEqual(['running', 'failed']);
    // without a worker named, every silent run is failed
    expect(await sitingRuns.failStale(t.db, 10_000)).toEqual([mine]);
  });

  it('import jobs: fails a silent job of another worker, never one of the sweeping worker', async () => {
    for (const [id, worker] of [['job-mine', 'host:1:a'], ['job-other', 'host:2:b']] as const) {
      expect(await importJobs.start(t.db, { id, owner: 'planner', layer: 'shelters', dryRun: false, worker })).toBe(true);
    }
    await t.db.updateTable('import_jobs').set({ heartbeat_at: sql<any>`now() - interval '1 hour'` }).execute();
    expect(await importJobs.failStale(t.db, 10_000, 'host:1:a')).toEqual(['job-other']);
    const rows = await t.db.selectFrom('import_jobs').select(['id', 'phase']).orderBy('id').execute();
    expect(rows).toEqual([{ id: 'job-mine', phase: 'reading' }, { id: 'job-other', phase: 'failed' }]);
  });
});
