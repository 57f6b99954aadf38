import { Worker } from 'node:worker_threads';
import type { Geometry } from 'geojson';
import { validateGeometry, type GeometryCheck } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';

/** Positions in a geometry (every ring and part), counted without recursion limits. */
export function countVertices(geometry: unknown): number {
  let n = 0;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (c.length > 0 && typeof c[0] === 'number') n += 1;
    else for (const child of c) walk(child);
  };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  return n;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (check: GeometryCheck) => void>();

function workerUrl(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return new URL(here.href.replace('/src/validation/geometry-shape.ts', '/dist/validation/geometry-shape-worker.js'));
  return new URL('./geometry-shape-worker.js', here);
}

function validateOffThread(geometry: Geometry): Promise<GeometryCheck> {
  if (!worker) {
    worker = new Worker(workerUrl());
    worker.unref();
    worker.on('message', (m: { id: number; check: GeometryCheck }) => {
      pending.get(m.id)?.(m.check);
      pending.delete(m.id);
    });
    const fail = (err: Error) => {
      worker = undefined;
      for (const resolve of pending.values()) resolve({ valid: false, code: 'invalid-coordinates', reason: `could not be checked (${err.message})` });
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`checker exited ${code}`)));
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, geometry });
  });
}

/**
 * The shape check of a geometry a user sent (validateGeometry from @riskmap/geo), bounded: more than
 * `maxVertices` positions → 413 `geometry_too_large` naming the field; more than `workerVertices` → checked
 * in a worker thread so the self-intersection test never holds the event loop; otherwise inline.
 * Throws 400 `invalid_input` naming the field when the shape is wrong.
 * @example await checkGeometryShape(feature.geometry, 'geometry', config.resilience.geometry)
 */
export async function checkGeometryShape(geometry: Geometry, field: string, limits: { maxVertices: number; workerVertices: number }): Promise<void> {
  const vertices = countVertices(geometry);
  if (vertices > limits.maxVertices) {
    const message = `${vertices} vertices; at most ${limits.maxVertices} are accepted (GEOMETRY_MAX_VERTICES): simplify the geometry`;
    throw new HttpError(413, 'geometry_too_large', `${field}: ${message}`, { fields: [{ field, message }], vertices, maxVertices: limits.maxVertices });
  }
  const check = vertices > limits.workerVertices ? await validateOffThread(geometry) : validateGeometry(geometry);
  if (!check.valid) throw new HttpError(400, 'invalid_input', `${field}: ${check.reason}`, { fields: [{ field, code: check.code, message: check.reason }] });
}
