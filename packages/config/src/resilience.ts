import { z } from 'zod';

const ms = (def: number) => z.coerce.number().int().min(0).default(def);

/**
 * Settings that keep the API answering under database faults, overload and heavy requests. Defaults are
 * sized for a 2-core machine running one API process against one database (embedded or a server):
 * a pool of 8 connections (≈ 4 per core; PostgreSQL's own guidance is cores × 2 plus spindles), a wait
 * queue of 64 callers for at most 2 s, 15 s per statement, and shedding when the event loop lags 200 ms.
 */
export const ResilienceEnv = {
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(8),
  DB_POOL_MAX_WAITING: z.coerce.number().int().min(0).default(512),
  DB_POOL_WAIT_MS: ms(5_000),
  DB_CONNECT_TIMEOUT_MS: ms(5_000),
  DB_STATEMENT_TIMEOUT_MS: ms(15_000),
  DB_STARTUP_RETRY_SECONDS: z.coerce.number().min(0).default(30),
  DB_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(5),
  LOAD_SHED_LAG_MS: z.coerce.number().int().min(0).optional(),
  GEOMETRY_MAX_VERTICES: z.coerce.number().int().min(4).default(100_000),
  GEOMETRY_WORKER_VERTICES: z.coerce.number().int().min(0).default(2_000),
  ANALYTICS_CACHE_ENTRIES: z.coerce.number().int().min(0).default(64),
  PUBLIC_MIN_EMPTY_CELL_M: z.coerce.number().min(0).default(500),
  PUBLIC_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  PUBLIC_ANALYTICS_COST: z.coerce.number().int().min(1).default(20),
  ANALYTICS_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  ANALYTICS_QUEUE: z.coerce.number().int().min(0).default(8),
  ANALYTICS_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(2),
  ANALYTICS_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  FINDER_STALE_MS: ms(10_000),
  FINDER_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(30),
};

export interface ResilienceConfig {
  /** The server backend's pool: size, bounded wait queue, timeouts (PGlite uses the queue bounds too). */
  database: {
    poolMax: number;
    maxWaiting: number;
    waitMs: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
    /** How long a database that is down at start-up is retried before giving up (0: fail at once). */
    startupRetryMs: number;
    /** Retry-After (seconds) sent with 503 database_unavailable. */
    retryAfterSeconds: number;
  };
  /** Shed requests with 503 `overloaded` while the event loop lags more than this (0 disables). */
  shedLagMs: number;
  /** Largest geometry accepted (vertices over all rings), and the size from which it is validated off the main thread. */
  geometry: { maxVertices: number; workerVertices: number };
  /** Analytics results kept per data revision + parameters (0 disables the cache). */
  analyticsCacheEntries: number;
  /** Anonymous callers: no includeEmpty below this cell size (m), a response-size cap (bytes), and the token cost of one analytics request. */
  public: { minEmptyCellM: number; maxResponseBytes: number; analyticsCost: number };
  /**
   * Heavy analytics (risk-map grids, density, coverage) run in worker threads, never on the event loop: `workers`
   * threads (default 1: on 2 cores one core stays with the event loop that answers the finder), at most `queue`
   * computations waiting for one (beyond that 503 `overloaded` with Retry-After `retryAfterSeconds`). The worker threads
   * run at scheduling priority `nice` (Linux nice value of the thread, 0 = same as the event loop), so on a busy machine
   * the event loop answering the finder gets the CPU first.
   */
  analytics: { workers: number; queue: number; retryAfterSeconds: number; nice: number };
  /**
   * The public finder (`GET /api/shelters/nearest`): after the shelters change it keeps answering from its previous
   * index while the new one is built, if that index was built from shelters read at most `staleMs` ago (0: every
   * answer waits for the changed shelters), so an import never makes residents wait for the database; and its answers
   * may be cached by browsers and proxies for `maxAgeSeconds` (Cache-Control max-age). Default 10 s, below the 30 s
   * max-age: no answer is staler than a cached one may already be.
   */
  finder: { staleMs: number; maxAgeSeconds: number };
}

type ResilienceValues = z.output<z.ZodObject<typeof ResilienceEnv>>;

/** The resilience block of the configuration from the parsed environment. */
export function resilienceConfig(e: ResilienceValues & { NODE_ENV: string }): ResilienceConfig {
  return {
    database: {
      poolMax: e.DB_POOL_MAX,
      maxWaiting: e.DB_POOL_MAX_WAITING,
      waitMs: e.DB_POOL_WAIT_MS,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      startupRetryMs: e.DB_STARTUP_RETRY_SECONDS * 1000,
      retryAfterSeconds: e.DB_RETRY_AFTER_SECONDS,
    },
    // Off under NODE_ENV=test unless set (a test machine's lag says nothing about the service); 200 ms otherwise.
    shedLagMs: e.LOAD_SHED_LAG_MS ?? (e.NODE_ENV === 'test' ? 0 : 200),
    geometry: { maxVertices: e.GEOMETRY_MAX_VERTICES, workerVertices: e.GEOMETRY_WORKER_VERTICES },
    analyticsCacheEntries: e.ANALYTICS_CACHE_ENTRIES,
    public: { minEmptyCellM: e.PUBLIC_MIN_EMPTY_CELL_M, maxResponseBytes: e.PUBLIC_MAX_RESPONSE_BYTES, analyticsCost: e.PUBLIC_ANALYTICS_COST },
    analytics: { workers: e.ANALYTICS_WORKERS, queue: e.ANALYTICS_QUEUE, retryAfterSeconds: e.ANALYTICS_RETRY_AFTER_SECONDS, nice: e.ANALYTICS_WORKER_NICE },
    finder: { staleMs: e.FINDER_STALE_MS, maxAgeSeconds: e.FINDER_MAX_AGE_SECONDS },
  };
}
