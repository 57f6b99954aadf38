import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { openTestDatabase, testBackends } from '@riskmap/db/testing';
import { sql } from '@riskmap/db';
import { startTestApp, type TestApp } from './harness.js';
import { call, someShelter } from './edit-helpers.js';
import { ChangeBus } from '../src/events/change-bus.js';
import { eventsRouter } from '../src/routes/events.js';
import { startChangePruner } from '../src/events/change-pruner.js';

/** Read an SSE stream until `until` matches the text so far (or the timeout), then abort it. */
async function readStream(url: string, headers: Record<string, string>, until: (text: string) => boolean, afterOpen?: () => Promise<void>): Promise<string> {
  const ac = new AbortController();
  const r = await fetch(url, { headers, signal: ac.signal });
  expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = r.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => ac.abort(), 10_000);
  const opened = afterOpen?.();
  try {
    while (!until(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    /* aborted on timeout: return what arrived */
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  await opened;
  return text;
}

const messages = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.includes('event: change'))
    .map((block) => ({ id: Number(block.match(/^id: (\d+)$/m)![1]), data: JSON.parse(block.match(/^data: (.*)$/m)![1]!) }));
const rawMessages = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.includes('event: change'))
    .map((block) => ({ id: block.match(/^id: (\S+)$/m)![1]!, data: JSON.parse(block.match(/^data: (.*)$/m)![1]!) }));

describe.each(testBackends())('GET /api/events on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  it('sends a message per change with the change seq as its id', async () => {
    const s = await someShelter(app, false);
    const token = await app.login('commander');
    const text = await readStream(`${app.url}/api/events`, { authorization: `Bearer ${token}` }, (t) => t.includes('event: change'), async () => {
      await new Promise((r) => setTimeout(r, 100));
      await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { capacity: 321 } });
    });
    const [m] = messages(text);
    expect(m!.data).toMatchObject({ layer: 'shelters', id: s.id, action: 'update', version: s.version + 1 });
    expect(m!.id).toBe(m!.data.seq);
  });

  it('replays the changes after Last-Event-ID on reconnect, straight from the change table (plain SQL counts)', async () => {
    const token = await app.login('commander');
    const mark = app.changes.position(false);
    await sql`update shelters set capacity = capacity + 1 where id in (select id from shelters order by id limit 2)`.execute(app.t.db);
    await sql`update fire_stations set staff = staff where id = (select min(id) from fire_stations)`.execute(app.t.db);
    const text = await readStream(`${app.url}/api/events`, { 'last-event-id': String(mark), authorization: `Bearer ${token}` }, (t) => messages(t).length >= 3);
    const got = messages(text);
    expect(got.map((m) => m.data.layer)).toEqual(['shelters', 'shelters', 'fire-stations']);
    expect(got.map((m) => m.id)).toEqual(got.map((m) => m.data.seq));
    expect(got[0]!.id).toBeGreaterThan(mark);
  });

  it('gives anonymous clients only public changes, numbered without gaps, and a commander every change', async () => {
    const token = await app.login('commander');
    const markAll = app.changes.position(false);
    const markPublic = app.changes.position(true);
    const hidden = (await app.t.db.selectFrom('shelters').select('id').where('is_public', '=', false).executeTakeFirst())?.id;
    await sql`update risk_points set score = score where id = (select min(id) from risk_points)`.execute(app.t.db);
    if (hidden !== undefined) await sql`update shelters set capacity = capacity + 1 where id = ${hidden}`.execute(app.t.db);
    await sql`update shelters set contact_phone = '0635-0000000' where id = (select min(id) from shelters where is_public)`.execute(app.t.db);
    await sql`update shelters set capacity = capacity + 1 where id = (select min(id) from shelters where is_public)`.execute(app.t.db);
    const anonymous = rawMessages(await readStream(`${app.url}/api/events`, { 'last-event-id': `p${markPublic}` }, (t) => rawMessages(t).length >= 1));
    // the risk point, the hidden shelter and the change of a non-public column are not told, and leave no gap
    expect(anonymous.map((m) => [m.id, m.data.layer, m.data.action])).toEqual([[`p${markPublic + 1}`, 'shelters', 'update']]);
    const commander = messages(await readStream(`${app.url}/api/events`, { 'last-event-id': String(markAll), authorization: `Bearer ${token}` }, (t) => messages(t).length >= (hidden === undefined ? 3 : 4)));
    expect(commander.map((m) => m.data.layer)).toEqual(['risk-points', ...(hidden === undefined ? [] : ['shelters']), 'shelters', 'shelters']);
  });

  it('asks the client to reload when the Last-Event-ID is newer than the database, or from the other audience', async () => {
    const text = await readStream(`${app.url}/api/events`, { 'last-event-id': '999999999' }, (t) => t.includes('event: reset'));
    expect(text).toContain('event: reset');
    const token = await app.login('commander');
    const other = await readStream(`${app.url}/api/events`, { 'last-event-id': 'p1', authorization: `Bearer ${token}` }, (t) => t.includes('event: reset'));
    expect(other).toContain('another audience');
  });

  it('prunes the change table in the background, and a stream resuming from a pruned id is told to reload', async () => {
    const token = await app.login('commander');
    const mark = app.changes.position(false);
    const publicMark = app.changes.position(true);
    await sql`update shelters set capacity = capacity + 1 where id in (select id from shelters where is_public order by id limit 2)`.execute(app.t.db);
    await app.changes.catchUp();
    const pruned = await new Promise<{ deleted: number; prunedThrough: number }>((resolve, reject) => {
      const stop = startChangePruner(app.t.db, { keepDays: 0, keepRows: 1, pruneMs: 20, onPruned: (r) => void stop().then(() => resolve(r)), onError: reject });
    });
    expect(pruned.deleted).toBeGreaterThan(0);
    expect(pruned.prunedThrough).toBeGreaterThan(mark);
    const stale = await readStream(`${app.url}/api/events`, { 'last-event-id': String(mark), authorization: `Bearer ${token}` }, (t) => t.includes('event: ready'));
    expect(stale).toMatch(/event: reset\ndata: \{"reason":"the last event id is older than the oldest change kept/);
    expect(messages(stale)).toEqual([]);
    const stalePublic = await readStream(`${app.url}/api/events`, { 'last-event-id': `p${publicMark}` }, (t) => t.includes('event: ready'));
    expect(stalePublic).toContain('older than the oldest change kept');
    // a client that is up to date resumes without a reset, and gets the next change
    const current = app.changes.position(false);
    const fresh = await readStream(`${app.url}/api/events`, { 'last-event-id': String(current), authorization: `Bearer ${token}` }, (t) => t.includes('event: change'), async () => {
      await new Promise((r) => setTimeout(r, 100));
      await sql`update fire_stations set staff = staff where id = (select min(id) from fire_stations)`.execute(app.t.db);
    });
    expect(fresh).not.toContain('event: reset');
    expect(messages(fresh)[0]!.id).toBeGreaterThan(current);
  });

  it('caps open streams per address (429 too_many_streams)', async () => {
    const capped = await startTestApp(backend, 'sample', { SSE_MAX_PER_ADDRESS: '1' });
    try {
      const ac = new AbortController();
      const first = await fetch(`${capped.url}/api/events`, { signal: ac.signal });
      expect(first.status).toBe(200);
      const second = await fetch(`${capped.url}/api/events`);
      expect(second.status).toBe(429);
      expect(((await second.json()) as { error: { code: string } }).error.code).toBe('too_many_streams');
      ac.abort();
    } finally {
      await capped.close();
    }
  });
});

describe('SSE stream housekeeping', () => {
  it('sends heartbeat comments and unsubscribes when the client goes away', async () => {
    const t = await openTestDatabase('embedded', 'empty');
    const changes = await ChangeBus.start(t.db, t.listen);
    const server = express().use(eventsRouter({ changes }, { heartbeatMs: 50 })).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    const listeners = () => (changes as unknown as { listeners: Set<unknown> }).listeners.size;
    const text = await readStream(url, {}, (s) => (s.match(/event: heartbeat/g) ?? []).length >= 2);
    expect((text.match(/^event: heartbeat\ndata: \{"at":"[^"]+","position":"p\d+"\}$/gm) ?? []).length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 50 && listeners() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(listeners()).toBe(0);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await changes.close();
    await t.close();
  });
});
