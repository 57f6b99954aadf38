import type { TestApp } from './harness.js';

/** POST/GET/DELETE JSON against the test app with a bearer token. */
export async function call(app: TestApp, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A deterministic pseudo-random generator (mulberry32). */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n random points around Yanggu as a GeoJSON FeatureCollection with `props(i)`. */
export function points(n: number, seed: number, props: (i: number, rnd: () => number) => Record<string, unknown>) {
  const rnd = seeded(seed);
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [115.6 + rnd() * 0.4, 35.95 + rnd() * 0.35] },
      properties: props(i, rnd),
    })),
  };
}

/** Poll a siting job until `until(view)` holds (or 60 s pass). */
export async function pollJob(app: TestApp, token: string, id: string, until: (v: any) => boolean) {
  const t0 = Date.now();
  for (;;) {
    const { body } = await call(app, 'GET', `/api/siting/jobs/${id}`, token);
    if (until(body) || Date.now() - t0 > 60_000) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
}
