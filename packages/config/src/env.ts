import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { domainDefaults, type DomainConfig } from './domain.js';
import { mergeDomain } from './merge-domain.js';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().default('./data/pglite'),
  LOAD_SAMPLE: z.enum(['true', 'false']).default('true'),
  RISKMAP_CONFIG: z.string().optional(),
  ADMIN_USERNAME: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  BASEMAP_URL: z.string().optional(),
  BASEMAP_ATTRIBUTION: z.string().optional(),
  TIANDITU_KEY: z.string().optional(),
  WEB_DIST: z.string().optional(),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(50_000),
  JSON_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT: z.enum(['on', 'off']).optional(),
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(20),
  RATE_LIMIT_BURST: z.coerce.number().int().positive().default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { backend: 'embedded'; dataDir: string } | { backend: 'server'; url: string };
  loadSample: boolean;
  admin?: { username: string; password: string };
  sessionSecret?: string;
  basemap: { url?: string; attribution?: string; tiandituKey?: string };
  webDist?: string;
  domain: Readonly<DomainConfig>;
  /** Upload limits of `POST /api/imports/:layer`. */
  imports: { maxBytes: number; maxRows: number };
  /** HTTP hardening: JSON body limit, allowed CORS origins, public rate limit (token bucket per address), log level. */
  http: {
    jsonMaxBytes: number;
    corsOrigins: readonly string[];
    rateLimit: { enabled: boolean; perSecond: number; burst: number };
    logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  };
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
  if (e.NODE_ENV === 'production' && e.ADMIN_PASSWORD && e.ADMIN_PASSWORD.length < 12) {
    throw new ConfigError('invalid setting ADMIN_PASSWORD: at least 12 characters in production');
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
      ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD }
      : e.NODE_ENV === 'production'
        ? undefined
        : { username: 'admin', password: 'riskmap-dev-admin' };
  const config: AppConfig = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { backend: 'server', url: e.DATABASE_URL } : { backend: 'embedded', dataDir: resolve(e.PGLITE_DATA_DIR) },
    loadSample: e.LOAD_SAMPLE === 'true',
    ...(admin ? { admin } : {}),
    ...(e.SESSION_SECRET ? { sessionSecret: e.SESSION_SECRET } : {}),
    basemap: { url: e.BASEMAP_URL, attribution: e.BASEMAP_ATTRIBUTION, tiandituKey: e.TIANDITU_KEY },
    ...(e.WEB_DIST ? { webDist: resolve(e.WEB_DIST) } : {}),
    domain: mergeDomain(domainDefaults, overrides as never),
    imports: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS },
    http: {
      jsonMaxBytes: e.JSON_MAX_BYTES,
      corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      rateLimit: { enabled: (e.RATE_LIMIT ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on', perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
      logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    },
  };
  return Object.freeze(config);
}
