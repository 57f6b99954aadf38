import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { DomainConfig } from '@riskmap/config';
import type { ResilienceConfig } from '@riskmap/config/env';
import type { Database, Kysely } from '@riskmap/db';
import { analyticsInputs, type AnalyticsInput, type AnalyticsJob } from './analytics-compute.js';
import type { AnalyticsMessage } from './analytics-worker.js';
import { countyFeature } from './county.js';
import type { LayerCache } from './layer-cache.js';
import { compiledWorkerUrl, WorkerPool } from './worker-pool.js';

interface Task {
  jobId: string;
  job: AnalyticsJob;
  inputs: { id: AnalyticsInput; version: number; data: FeatureCollection | Feature<MultiPolygon> }[];
}

let nextJob = 1;

/**
 * Heavy analytics answers computed in worker threads (the shared WorkerPool running computeAnalytics): the event loop
 * only reads the layers from the layer cache and receives the serialized body, so the finder keeps answering while a
 * grid e-map of the whole county is built. Each worker keeps the layers it was given per layer version, so a layer is
 * posted to a worker once per change, not per request. A full queue refuses with 503 `overloaded` + Retry-After.
 * @example const body = await offload.run({ kind: 'risk-density', query: q, isPublic: true }); res.type('json').send(body)
 */
export class AnalyticsOffload {
  private readonly pool: WorkerPool<Task, { body: Uint8Array }>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly layers: LayerCache,
    domain: DomainConfig,
    settings: ResilienceConfig['analytics'],
  ) {
    this.pool = new WorkerPool<Task, { body: Uint8Array }>({
      size: settings.workers,
      maxQueue: settings.queue,
      retryAfterSeconds: settings.retryAfterSeconds,
      name: 'analytics',
      url: compiledWorkerUrl(import.meta.url, './analytics-worker.js', '../../dist/services/analytics-worker.js'),
      workerData: { nice: settings.nice },
      output: (m) => ({ body: m.body }),
      prepare: (task, memory) => {
        const message: AnalyticsMessage = {
          jobId: task.jobId,
          job: task.job,
          ...(memory.get('domain') === domain ? {} : { domain }),
          inputs: task.inputs.map((i) => (memory.get(i.id) === i.version ? { id: i.id, version: i.version } : i)),
        };
        memory.set('domain', domain);
        for (const i of task.inputs) memory.set(i.id, i.version);
        return { message };
      },
    });
  }

  /** The versions of the layers `job` reads, as a cache key: an answer stays valid until one of them changes. */
  revision(job: AnalyticsJob): string {
    return analyticsInputs(job).map((id) => this.layers.version(id === 'county' ? 'townships' : id)).join('.');
  }

  /** Tasks waiting for a worker and running (for health and the bench). */
  state(): { waiting: number; running: number } {
    return { waiting: this.pool.waiting, running: this.pool.running };
  }

  /** The serialized JSON answer of `job`, computed in a worker thread. */
  async run(job: AnalyticsJob): Promise<Buffer> {
    const inputs = await Promise.all(
      analyticsInputs(job).map(async (id) => {
        const version = this.layers.version(id === 'county' ? 'townships' : id);
        const data = id === 'county' ? await countyFeature(this.db, this.layers) : await this.layers.get(id);
        return { id, version, data };
      }),
    );
    const { body } = await this.pool.run({ jobId: `a${nextJob++}`, job, inputs });
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
