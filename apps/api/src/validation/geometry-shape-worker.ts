import { parentPort } from 'node:worker_threads';
import { validateGeometry } from '@riskmap/geo';

/** Checks large geometries off the API's event loop (see geometry-shape.ts). */
parentPort!.on('message', (m: { id: number; geometry: Parameters<typeof validateGeometry>[0] }) => {
  let check;
  try {
    check = validateGeometry(m.geometry);
  } catch (err) {
    check = { valid: false, code: 'invalid-coordinates', reason: (err as Error).message };
  }
  parentPort!.postMessage({ id: m.id, check });
});
