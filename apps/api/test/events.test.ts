import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call, someShelter } from './edit-helpers.js';
import { ChangeBus } from '../src/events/change-bus.js';
import { eventsRouter } from '../src/routes/events.js';

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

describe.each(testBackends())('GET /api/events on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  it('sends a message per change with the change seq as its id', async () => {
    const s = await someShelter(app, false);
    const text = await readStream(`${app.url}/api/events`, {}, (t) => t.includes('event: change'), async () => {
      await new Promise((r) => setTimeout(r, 100));
      await call(app, 'planner', 'PATCH', `/api/layers/shelters/${s.id}`, { version: s.version, properties: { capacity: 321 } });
    });
    const [m] = messages(text);
    expect(m!.data).toMatchObject({ layer: 'shelters', id: s.id, action: 'update', version: s.version + 1 });
    expect(m!.id).toBe(m!.data.seq);
  });

  it('replays the changes after Last-Event-ID on reconnect', async () => {
    const first = app.changes.publish({ layer: 'shelters', id: 1, action: 'update', version: 5 });
    app.changes.publish({ layer: 'shelters', id: 2, action: 'delete', version: 6 });
    app.changes.publish({ layer: 'fire-stations', id: 3, action: 'create', version: 1 });
    const text = await readStream(`${app.url}/api/events`, { 'last-event-id': String(first.seq) }, (t) => messages(t).length >= 2);
    expect(messages(text).map((m) => [m.id, m.data.id])).toEqual([
      [first.seq + 1, 2],
      [first.seq + 2, 3],
    ]);
  });

  it('does not tell anonymous clients about layers without public fields, but tells a commander', async () => {
    const mark = app.changes.publish({ layer: 'shelters', id: 9, action: 'update', version: 2 });
    app.changes.publish({ layer: 'risk-points', id: 7, action: 'update', version: 2 });
    app.changes.publish({ layer: 'shelters', id: 10, action: 'update', version: 2 });
    const anonymous = messages(await readStream(`${app.url}/api/events`, { 'last-event-id': String(mark.seq) }, (t) => messages(t).length >= 1));
    expect(anonymous.map((m) => m.data.layer)).toEqual(['shelters']);
    const token = await app.login('commander');
    const commander = messages(await readStream(`${app.url}/api/events`, { 'last-event-id': String(mark.seq), authorization: `Bearer ${token}` }, (t) => messages(t).length >= 2));
    expect(commander.map((m) => m.data.layer)).toEqual(['risk-points', 'shelters']);
  });

  it('asks the client to reload when the Last-Event-ID is newer than anything the server knows (a restart)', async () => {
    const text = await readStream(`${app.url}/api/events`, { 'last-event-id': '999999' }, (t) => t.includes('event: reset'));
    expect(text).toContain('event: reset');
  });
});

describe('SSE stream housekeeping', () => {
  it('sends heartbeat comments and unsubscribes when the client goes away', async () => {
    const changes = new ChangeBus();
    const server = express().use(eventsRouter({ changes }, { heartbeatMs: 50 })).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    const listeners = () => (changes as unknown as { listeners: Set<unknown> }).listeners.size;
    const text = await readStream(url, {}, (t) => (t.match(/: heartbeat/g) ?? []).length >= 2);
    expect((text.match(/^: heartbeat \d+$/gm) ?? []).length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 50 && listeners() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(listeners()).toBe(0);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
});
