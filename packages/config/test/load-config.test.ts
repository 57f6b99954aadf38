import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/env.js';
import { domainDefaults } from '../src/domain.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data/pglite on port 8080', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.database).toEqual({ backend: 'embedded', dataDir: join(process.cwd(), 'data/pglite') });
    expect(c.loadSample).toBe(true);
  });

  it('chooses the server backend when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@localhost:5432/db' }).database).toEqual({ backend: 'server', url: 'postgres://u:p@localhost:5432/db' });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(new ConfigError('invalid setting PORT: Invalid input: expected number, received NaN'));
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/invalid setting DATABASE_URL/);
  });

  it('refuses production without an administrator password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/NODE_ENV=production needs ADMIN_USERNAME and ADMIN_PASSWORD/);
    expect(() => loadConfig({ NODE_ENV: 'production', ADMIN_USERNAME: 'a', ADMIN_PASSWORD: 'short' })).toThrow(/at least 12 characters/);
  });

  it('keeps the domain defaults from DOMAIN.md (2.5 m² target, LEC bands)', () => {
    const c = loadConfig({});
    expect(c.domain.shelters.perCapitaTargetM2).toBe(2.5);
    expect(c.domain.lec.bands.map((b) => b.above)).toEqual([320, 160, 70, -Infinity]);
  });

  it('merges a site override file over the defaults without touching the rest', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'riskmap-config-')), 'site.json');
    writeFileSync(file, JSON.stringify({ shelters: { perCapitaTargetM2: 3 }, fireStations: { speedKmh: { rural: 50 } } }));
    const c = loadConfig({ RISKMAP_CONFIG: file });
    expect(c.domain.shelters.perCapitaTargetM2).toBe(3);
    expect(c.domain.shelters.capacityShare).toBe(domainDefaults.shelters.capacityShare);
    expect(c.domain.fireStations.speedKmh).toEqual({ urban: 30, rural: 50 });
    expect(domainDefaults.shelters.perCapitaTargetM2).toBe(2.5);
  });

  it('reports an unreadable override file by name', () => {
    expect(() => loadConfig({ RISKMAP_CONFIG: '/nonexistent/site.json' })).toThrow(/invalid setting RISKMAP_CONFIG: cannot read \/nonexistent\/site.json/);
  });

  it('freezes the result', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.domain.shelters)).toBe(true);
  });
});
