import { describe, expect, it } from 'vitest';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { InFlight, gracefulShutdown } from '../src/http/shutdown.js';
import { httpLogger } from '../src/http/logger.js';
import { requestId } from '../src/http/request-id.js';
import { TokenBuckets } from '../src/http/rate-limit.js';
import { tileOrigins } from '../src/http/security.js';
import { errorMiddleware } from '../src/http/error-middleware.js';

async function listen(app: express.Express) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('gracefulShutdown', () => {
  it('lets a request in flight finish before closing the database, and refuses new connections', async () => {
    const inFlight = new InFlight();
    const app = express();
    app.use(inFlight.middleware);
    const events: string[] = [];
    let arrived!: () => void;
    const inHandler = new Promise<void>((r) => (arrived = r));
    app.get('/slow', (_req, res) => {
      arrived();
      setTimeout(() => res.json({ done: true }).on('finish', () => events.push('answered')), 300);
    });
    const { server, url } = await listen(app);
    const slow = fetch(`${url}/slow`).then((r) => r.json());
    await inHandler; // shut down only once the request is really being answered (a fixed wait is flaky under load)
    const stopped = gracefulShutdown(server, inFlight, async () => void events.push('database closed'), 5000);
    await new Promise((r) => setTimeout(r, 20));
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
    expect(await slow).toEqual({ done: true });
    expect(await stopped).toEqual({ timedOut: false });
    expect(events).toEqual(['answered', 'database closed']);
  });

  it('does not wait for event streams, which never finish by themselves', async () => {
    const inFlight = new InFlight();
    const app = express();
    app.use(inFlight.middleware);
    app.get('/stream', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hello\n\n');
    });
    const { server, url } = await listen(app);
    const controller = new AbortController();
    const stream = await fetch(`${url}/stream`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
    expect(stream.status).toBe(200);
    // With a ten-minute shutdown timer, only not waiting for the open stream lets this finish within the test's timeout.
    expect(await gracefulShutdown(server, inFlight, async () => {}, 600_000)).toEqual({ timedOut: false });
    controller.abort();
  });

  it('gives up waiting after the timeout and still closes', async () => {
    const inFlight = new InFlight();
    const app = express();
    app.use(inFlight.middleware);
    let arrived!: () => void;
    const inHandler = new Promise<void>((resolve) => (arrived = resolve));
    app.get('/hang', () => arrived());
    const { server, url } = await listen(app);
    const hung = fetch(`${url}/hang`).catch(() => 'dropped');
    await inHandler; // shut down only once the request is in flight
    let closed = false;
    expect(await gracefulShutdown(server, inFlight, async () => void (closed = true), 200)).toEqual({ timedOut: true });
    expect(closed).toBe(true);
    expect(await hung).toBe('dropped');
  });
});

describe('httpLogger', () => {
  it('writes one JSON line per request with the request id, status and duration, and no query string', async () => {
    const lines: any[] = [];
    const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(JSON.parse(String(chunk))), cb()) });
    const app = express();
    app.use(requestId(), httpLogger(pino({ level: 'info' }, sink)));
    app.get('/x', (_req, res) => res.status(204).end());
    const { server, url } = await listen(app);
    await fetch(`${url}/x?token=secret`, { headers: { 'x-request-id': 'req-1' } });
    // the line is written when the response has finished on the server side, which may come just after the client has it
    for (let i = 0; i < 500 && lines.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    server.close();
    expect(lines).toEqual([expect.objectContaining({ reqId: 'req-1', method: 'GET', path: '/x', status: 204, msg: 'request' })]);
    expect(typeof lines[0].ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});

describe('errorMiddleware', () => {
  it('answers an unexpected error with 500 internal and nothing of the error itself', async () => {
    const app = express();
    app.get('/boom', () => {
      throw new Error('connection to /var/secret/db refused at pool.ts:42');
    });
    app.use(errorMiddleware);
    const { server, url } = await listen(app);
    const quiet = console.error;
    console.error = () => {};
    const r = await fetch(`${url}/boom`);
    console.error = quiet;
    server.close();
    expect(r.status).toBe(500);
    expect(await r.json()).toEqual({ error: { code: 'internal', message: 'internal server error' } });
  });
});

describe('TokenBuckets', () => {
  it('allows a burst, then one request per refill interval, per key', () => {
    const b = new TokenBuckets(2, 3);
    const t0 = 1_000_000;
    expect([b.take('a', t0), b.take('a', t0), b.take('a', t0)]).toEqual([0, 0, 0]);
    expect(b.take('a', t0)).toBe(500);
    expect(b.take('b', t0)).toBe(0);
    expect(b.take('a', t0 + 500)).toBe(0);
    expect(b.take('a', t0 + 500)).toBeGreaterThan(0);
  });
});

describe('tileOrigins', () => {
  it('turns subdomain templates into wildcards and adds Tianditu when a key is set', () => {
    expect(tileOrigins({ url: 'https://t{0-7}.example.cn/vec_w/wmts?x={x}' })).toEqual(['https://*.example.cn']);
    expect(tileOrigins({ url: 'http://10.1.2.3:8081/tiles/{z}/{x}/{y}.png' })).toEqual(['http://10.1.2.3:8081']);
    expect(tileOrigins({ tiandituKey: 'k' })).toEqual(['https://*.tianditu.gov.cn', 'http://*.tianditu.gov.cn']);
    expect(tileOrigins({})).toEqual([]);
  });
});
