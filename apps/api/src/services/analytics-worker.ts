/**
 * Worker thread that computes heavy analytics answers off the API's event loop and hands back the serialized JSON body
 * (a transferred ArrayBuffer: the event loop neither computes nor stringifies). It keeps its own copy of each layer per
 * layer version, so the API posts a layer only when this worker does not hold that version yet; the site's
 * configuration is posted the same way. Messages in: AnalyticsMessage; out: `done` with `body`, or `failed`.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { DomainConfig } from '@riskmap/config';
import type { LayerId } from '@riskmap/geo';
import { computeAnalytics, type AnalyticsInput, type AnalyticsJob, type AnalyticsLayers } from './analytics-compute.js';
import { failureOf, type PoolReply } from './worker-pool.js';

export interface AnalyticsMessage {
  jobId: string;
  job: AnalyticsJob;
  /** Posted with the first task and whenever the configuration object changes. */
  domain?: DomainConfig;
  /** Every layer the job reads with its version; `data` only when this worker does not hold that version. */
  inputs: { id: AnalyticsInput; version: number; data?: FeatureCollection | Feature<MultiPolygon> }[];
}

export type AnalyticsReply = PoolReply<{ body: Uint8Array }>;

/**
 * Lower this thread's scheduling priority (Linux: a thread is a task with its own nice value; /proc/thread-self names
 * its id), so the event loop wins the CPU when both want it. Elsewhere, or when refused, the thread keeps the default.
 */
function lowerPriority(nice: number): void {
  if (!(nice > 0)) return;
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
  } catch {
    // not Linux, or not allowed: run at the normal priority
  }
}
lowerPriority((workerData as { nice?: number } | null)?.nice ?? 0);

let domain: DomainConfig | undefined;
const held = new Map<AnalyticsInput, { version: number; data: unknown }>();
const derived = new Map<string, { version: number; value: unknown }>();
const encoder = new TextEncoder();
const MAX_DERIVED = 8;

function source(versions: Map<AnalyticsInput, number>): AnalyticsLayers {
  const take = (id: AnalyticsInput) => {
    const h = held.get(id);
    if (!h || h.version !== versions.get(id)) throw new Error(`analytics worker: layer ${id} version ${versions.get(id)} was not posted`);
    return h.data;
  };
  return {
    get: async (id: LayerId) => take(id) as FeatureCollection,
    county: async () => take('county') as Feature<MultiPolygon>,
    derive: async <T>(key: string, layers: LayerId[], compute: () => Promise<T> | T) => {
      // Derived values (the county grid) follow the county outline, which follows the townships.
      const version = layers.reduce((s, l) => s * 1_000_003 + (held.get(l === 'townships' ? 'county' : l)?.version ?? -1), 0);
      const hit = derived.get(key);
      if (hit && hit.version === version) return hit.value as T;
      const value = await compute();
      derived.set(key, { version, value });
      // A few grids at most (any cell size may be asked): the oldest goes first.
      while (derived.size > MAX_DERIVED) derived.delete(derived.keys().next().value!);
      return value;
    },
  };
}

parentPort?.on('message', async (m: AnalyticsMessage) => {
  const port = parentPort!;
  try {
    if (m.domain) domain = m.domain;
    if (!domain) throw new Error('analytics worker: no configuration was posted');
    for (const i of m.inputs) if (i.data !== undefined) held.set(i.id, { version: i.version, data: i.data });
    const result = await computeAnalytics(m.job, source(new Map(m.inputs.map((i) => [i.id, i.version]))), domain);
    const body = encoder.encode(JSON.stringify(result));
    port.postMessage({ jobId: m.jobId, type: 'done', body } satisfies AnalyticsReply, [body.buffer]);
  } catch (e) {
    port.postMessage({ jobId: m.jobId, type: 'failed', error: failureOf(e) } satisfies AnalyticsReply);
  }
});
