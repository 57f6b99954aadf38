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
    expect(() => loadConfig({ NODE_ENV: 'production', ADMIN_USERNAME: 'a', ADMIN_PASSWORD: 'short' })).toThrow(/invalid setting ADMIN_PASSWORD: too weak for production \(shorter than 12 characters\)/);
  });

  it('keeps the documented domain defaults (docs/shelters.md 2.5 m² target, docs/risk-grading.md LEC bands)', () => {
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

describe('the site override file (RISKMAP_CONFIG)', () => {
  const write = (content: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), 'riskmap-config-')), 'site.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return { RISKMAP_CONFIG: file };
  };
  it('stops the start on an unknown key, naming its path', () => {
    expect(() => loadConfig(write({ shelters: { perCapitaTargetM: 3 } }))).toThrow(/invalid setting RISKMAP_CONFIG: "shelters.perCapitaTargetM" is not a setting/);
    expect(() => loadConfig(write({ shelter: {} }))).toThrow(/"shelter" is not a setting/);
  });
  it('stops the start on a wrong type, naming its path', () => {
    expect(() => loadConfig(write({ shelters: { perCapitaTargetM2: '3' } }))).toThrow(/"shelters.perCapitaTargetM2" must be a number \(got string\)/);
    expect(() => loadConfig(write({ lec: { bands: [{ level: 1 }] } }))).toThrow(/"lec.bands\[0\]" needs above/);
    expect(() => loadConfig(write({ fireStations: { speedKmh: 40 } }))).toThrow(/"fireStations.speedKmh" must be an object \(got number\)/);
  });
  it('refuses prototype keys and leaves Object.prototype alone', () => {
    expect(() => loadConfig(write('{"__proto__": {"polluted": true}}'))).toThrow(/"__proto__" is not allowed/);
    expect(() => loadConfig(write('{"shelters": {"constructor": {"prototype": {"polluted": true}}}}'))).toThrow(/"shelters.constructor" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('lets a site add entries to the data maps (a substance β) in the shape of the others', () => {
    const c = loadConfig(write({ gb18218: { toxicGasBeta: { 光气示例: 20 } } }));
    expect(c.domain.gb18218.toxicGasBeta['光气示例']).toBe(20);
    expect(() => loadConfig(write({ gb18218: { toxicGasBeta: { x: 'high' } } }))).toThrow(/"gb18218.toxicGasBeta.x" must be a number/);
  });
  it('reads "-Infinity" for the open lower band, which JSON cannot write', () => {
    const bands = [{ level: 1, above: 300 }, { level: 2, above: 150 }, { level: 3, above: 60 }, { level: 4, above: '-Infinity' }];
    expect(loadConfig(write({ lec: { bands } })).domain.lec.bands.map((b) => b.above)).toEqual([300, 150, 60, -Infinity]);
  });
});
