import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { domainDefaults, type DomainConfig } from './domain.js';
import { mergeDomain } from './merge-domain.js';
import { ResilienceEnv, resilienceConfig, type ResilienceConfig } from './resilience.js';
export type { ResilienceConfig } from './resilience.js';
import { passwordProblem } from './password-policy.js';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_LISTEN_URL: z.string().url().optional(),
  SSE_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(8),
  SSE_MAX_TOTAL: z.coerce.number().int().positive().default(1000),
  CHANGES_POLL_MS: z.coerce.number().int().positive().default(5_000),
  /** Change-table retention: changes younger than this many days are kept… */
  CHANGES_KEEP_DAYS: z.coerce.number().min(0).default(30),
  /** …and at least this many of the latest ones, however old. */
  CHANGES_KEEP_ROWS: z.coerce.number().int().min(0).default(100_000),
  /** How often a process tries to prune (one at a time; 0 = never). */
  CHANGES_PRUNE_MS: z.coerce.number().int().min(0).default(3_600_000),
  SITING_HEARTBEAT_MS: z.coerce.number().int().positive().default(1_000),
  SITING_STALE_MS: z.coerce.number().int().positive().default(10_000),
  PGLITE_DATA_DIR: z.string().default('./data/pglite'),
  LOAD_SAMPLE: z.enum(['true', 'false']).optional(),
  RISKMAP_CONFIG: z.string().optional(),
  ADMIN_USERNAME: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  BASEMAP_URL: z.string().optional(),
  BASEMAP_ATTRIBUTION: z.string().optional(),
  TIANDITU_KEY: z.string().optional(),
  WEB_DIST: z.string().optional(),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(50_000),
  /** Largest total size a zip (Shapefile, KMZ) or XLSX upload may expand to: a zip bomb is refused before it is inflated. */
  IMPORT_MAX_INFLATED_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
  /** How often a running import writes its progress row (and learns of a cancel asked on another process). */
  IMPORT_HEARTBEAT_MS: z.coerce.number().int().positive().default(1_000),
  /** An import whose process has not written its row for this long is marked failed (the process died). */
  IMPORT_STALE_MS: z.coerce.number().int().positive().default(60_000),
  JSON_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT: z.enum(['on', 'off']).optional(),
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(20),
  RATE_LIMIT_BURST: z.coerce.number().int().positive().default(300),
  TRUST_PROXY: z.string().default(''),
  LOGIN_BACKOFF_BASE_S: z.coerce.number().positive().default(1),
  LOGIN_BACKOFF_MAX_S: z.coerce.number().positive().default(300),
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(0).default(3),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().positive().default(500),
  LOGIN_ADDRESS_WINDOW_S: z.coerce.number().int().positive().default(900),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ...ResilienceEnv,
  BASIC_AUTH_CACHE_S: z.coerce.number().int().min(0).max(3600).default(60),
  TILE_MAX_FEATURES: z.coerce.number().int().min(1).default(4000),
  /** Byte budget of one vector tile below the full-detail zoom: 500 KB, the tile size limit of Mapbox's tiling service (docs.mapbox.com, "Tileset limits"). */
  TILE_MAX_BYTES: z.coerce.number().int().min(1024).default(500 * 1024),
  /** From this zoom on every feature is in its tile (no thinning): 14, a street block fills a 256-px tile (~2.4 km across at 36°N). */
  TILE_FULL_DETAIL_ZOOM: z.coerce.number().int().min(0).max(22).default(14),
  /** Grid cell (in 256-px tile pixels, a power of two) a thinned tile starts grouping points by; doubled until the tile fits its budget. 4 px ≈ a point symbol's radius. */
  TILE_CLUSTER_CELL_PX: z.coerce.number().int().refine((n) => [1, 2, 4, 8, 16, 32, 64, 128, 256].includes(n), 'a power of two from 1 to 256').default(4),
  COMPRESSION: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_GIS_PER_SECOND: z.coerce.number().positive().default(200),
  RATE_LIMIT_GIS_BURST: z.coerce.number().int().positive().default(3000),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { backend: 'embedded'; dataDir: string } | { backend: 'server'; url: string; listenUrl?: string };
  /**
   * Several API processes on one database: SSE stream caps (per client address and per process), the
   * safety-net poll of the change table (LISTEN/NOTIFY is the fast path), and the siting run heartbeat
   * and the silence after which a run's worker counts as dead.
   */
  cluster: {
    sseMaxPerAddress: number;
    sseMaxTotal: number;
    changesPollMs: number;
    sitingHeartbeatMs: number;
    sitingStaleMs: number;
    /**
     * Change-table retention: keep `keepDays` days and at least the last `keepRows` changes (a county's edits are
     * hundreds a day, an import up to IMPORT_MAX_ROWS changes; 30 days covers a monthly review and a client away
     * for a holiday); pruned every `pruneMs` by one process at a time. A stream resuming from a pruned id gets `reset`.
     */
    changeRetention: { keepDays: number; keepRows: number; pruneMs: number };
  };
  loadSample: boolean;
  /** The admin created at start; `rotate`: set its password to this one at every start (ADMIN_PASSWORD given). */
  admin?: { username: string; password: string; rotate: boolean };
  basemap: { url?: string; attribution?: string; tiandituKey?: string };
  webDist?: string;
  domain: Readonly<DomainConfig>;
  /** Upload limits of `POST /api/imports/:layer`. */
  imports: { maxBytes: number; maxRows: number; maxInflatedBytes: number; heartbeatMs: number; staleMs: number };
  /**
   * GIS clients (QGIS, ArcGIS, GDAL): how long a verified HTTP Basic login is remembered (seconds; 0 = verify
   * the password on every request — GIS clients send it with each of their many requests), the per-tile feature
   * budget for thinning at low zoom, whether responses are gzip/brotli compressed, and the anonymous budget of
   * tile and OGC reads (cost units per address: a tile 1, a revalidation with If-None-Match 0.25, an OGC items
   * page 1 per started 100 features; sized so a QGIS pan of a few hundred tiles at once stays well inside it).
   */
  gis: {
    basicAuthCacheS: number;
    tileMaxFeatures: number;
    /** Per-tile byte budget, the zoom from which tiles hold every feature, and the first grid cell (px) of thinning. */
    tileMaxBytes: number;
    tileFullDetailZoom: number;
    tileClusterCellPx: number;
    compression: boolean;
    rateLimit: { perSecond: number; burst: number };
  };
  /** HTTP hardening: JSON body limit, allowed CORS origins, public rate limit (token bucket per address), log level. */
  http: {
    jsonMaxBytes: number;
    corsOrigins: readonly string[];
    rateLimit: { enabled: boolean; perSecond: number; burst: number };
    logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
    /** Which peers may set X-Forwarded-* (express `trust proxy`: addresses, CIDRs, loopback/linklocal/uniquelocal); false: none. */
    trustProxy: false | string[];
    /** Session cookies always Secure (production), else only over HTTPS. */
    secureCookies: boolean;
  };
  /** Staying up: database pool and timeouts, start-up retry, load shedding, heavy-request bounds (see resilience.ts). */
  resilience: ResilienceConfig;
  /**
   * Login throttling (state in the database): per username + address, `freeFailures` failures are free, then
   * each waits baseS·2^(n-free-1) seconds up to maxS; an address is refused after addressMaxFailures within addressWindowS.
   */
  login: { freeFailures: number; backoffBaseS: number; backoffMaxS: number; addressMaxFailures: number; addressWindowS: number };
}

/** The domain defaults with the site's override file merged in; a bad key stops the start naming it. */
function siteDomain(overrides: unknown): Readonly<DomainConfig> {
  try {
    return mergeDomain(domainDefaults, overrides);
  } catch (err) {
    throw new ConfigError(`invalid setting RISKMAP_CONFIG: ${(err as Error).message}`);
  }
}

/** Thrown for any invalid setting; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Read and validate the environment once and return a frozen configuration.
 * The only place in the platform that reads `process.env`.
 * @example const config = loadConfig(); config.port // 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<AppConfig> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`invalid setting ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !(e.ADMIN_USERNAME && e.ADMIN_PASSWORD)) {
    throw new ConfigError('NODE_ENV=production needs ADMIN_USERNAME and ADMIN_PASSWORD (no default password is used in production)');
  }
  if (e.NODE_ENV === 'production' && e.ADMIN_PASSWORD) {
    const problem = passwordProblem(e.ADMIN_PASSWORD, e.ADMIN_USERNAME);
    if (problem) throw new ConfigError(`invalid setting ADMIN_PASSWORD: too weak for production (${problem})`);
  }
  let overrides: unknown;
  if (e.RISKMAP_CONFIG) {
    try {
      overrides = JSON.parse(readFileSync(resolve(e.RISKMAP_CONFIG), 'utf8'));
    } catch (err) {
      throw new ConfigError(`invalid setting RISKMAP_CONFIG: cannot read ${e.RISKMAP_CONFIG} as JSON (${(err as Error).message})`);
    }
  }
  const admin =
    e.ADMIN_USERNAME && e.ADMIN_PASSWORD
      ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD, rotate: true }
      : e.NODE_ENV === 'production'
        ? undefined
        : { username: 'admin', password: 'riskmap-dev-admin', rotate: false };
  const config: AppConfig = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { backend: 'server', url: e.DATABASE_URL, ...(e.DATABASE_LISTEN_URL ? { listenUrl: e.DATABASE_LISTEN_URL } : {}) } : { backend: 'embedded', dataDir: resolve(e.PGLITE_DATA_DIR) },
    loadSample: (e.LOAD_SAMPLE ?? (e.NODE_ENV === 'production' ? 'false' : 'true')) === 'true',
    ...(admin ? { admin } : {}),
    basemap: { url: e.BASEMAP_URL, attribution: e.BASEMAP_ATTRIBUTION, tiandituKey: e.TIANDITU_KEY },
    ...(e.WEB_DIST ? { webDist: resolve(e.WEB_DIST) } : {}),
    domain: siteDomain(overrides),
    imports: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, maxInflatedBytes: e.IMPORT_MAX_INFLATED_BYTES, heartbeatMs: e.IMPORT_HEARTBEAT_MS, staleMs: e.IMPORT_STALE_MS },
    cluster: {
      sseMaxPerAddress: e.SSE_MAX_PER_ADDRESS,
      sseMaxTotal: e.SSE_MAX_TOTAL,
      changesPollMs: e.CHANGES_POLL_MS,
      sitingHeartbeatMs: e.SITING_HEARTBEAT_MS,
      sitingStaleMs: e.SITING_STALE_MS,
      changeRetention: { keepDays: e.CHANGES_KEEP_DAYS, keepRows: e.CHANGES_KEEP_ROWS, pruneMs: e.CHANGES_PRUNE_MS },
    },
    gis: { basicAuthCacheS: e.BASIC_AUTH_CACHE_S, tileMaxFeatures: e.TILE_MAX_FEATURES, tileMaxBytes: e.TILE_MAX_BYTES, tileFullDetailZoom: e.TILE_FULL_DETAIL_ZOOM, tileClusterCellPx: e.TILE_CLUSTER_CELL_PX, compression: e.COMPRESSION === 'on', rateLimit: { perSecond: e.RATE_LIMIT_GIS_PER_SECOND, burst: e.RATE_LIMIT_GIS_BURST } },
    http: {
      jsonMaxBytes: e.JSON_MAX_BYTES,
      corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      rateLimit: { enabled: (e.RATE_LIMIT ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on', perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
      logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      secureCookies: e.NODE_ENV === 'production',
    },
    login: {
      freeFailures: e.LOGIN_FREE_FAILURES,
      backoffBaseS: e.LOGIN_BACKOFF_BASE_S,
      backoffMaxS: e.LOGIN_BACKOFF_MAX_S,
      addressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
      addressWindowS: e.LOGIN_ADDRESS_WINDOW_S,
    },
    resilience: resilienceConfig(e),
  };
  return Object.freeze(config);
}

const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as express `trust proxy` values: '' or `none` → false; else comma-separated names, addresses or CIDRs. */
function parseTrustProxy(value: string): false | string[] {
  const items = value.split(',').map((v) => v.trim()).filter(Boolean);
  if (items.length === 0 || (items.length === 1 && items[0] === 'none')) return false;
  for (const item of items) {
    if (!TRUST_NAMES.has(item) && !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(item)) {
      throw new ConfigError(`invalid setting TRUST_PROXY: "${item}" is not loopback, linklocal, uniquelocal, an address or a CIDR`);
    }
  }
  return items;
}
