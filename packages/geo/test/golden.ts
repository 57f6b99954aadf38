import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Golden-fixture runner (Turf style): for every `test/fixtures/<name>/in/*.geojson`, run `compute`
 * and compare with `out/<same file>`. `REGEN=1` writes (or rewrites) the outputs; review them as diffs. A missing output fails.
 */
export function goldenFixtures(name: string, compute: (input: any, file: string) => unknown): void {
  const inDir = join(fixturesRoot, name, 'in');
  const outDir = join(fixturesRoot, name, 'out');
  const files = existsSync(inDir) ? readdirSync(inDir).filter((f) => f.endsWith('.geojson') || f.endsWith('.json')) : [];
  it(`has golden fixtures for ${name}`, () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`matches the golden output for ${name}/${file}`, () => {
      const input = JSON.parse(readFileSync(join(inDir, file), 'utf8'));
      const actual = JSON.parse(JSON.stringify(compute(input, file)));
      const outFile = join(outDir, file);
      if (process.env.REGEN === '1') {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(outFile, JSON.stringify(actual, null, 2) + '\n');
      }
      if (!existsSync(outFile)) throw new Error(`missing golden output ${outFile}: run the test with REGEN=1 and review the new file`);
      expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
    });
  }
}
