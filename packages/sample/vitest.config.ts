import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the sources of the sibling packages, so they never depend on a stale dist/.
const src = (pkg: string) => fileURLToPath(new URL(`../${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: { alias: { '@riskmap/geo': src('geo'), '@riskmap/config': src('config') } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
