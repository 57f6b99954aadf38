import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['api/**/*.test.ts', 'web/**/*.test.ts', 'faults/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A loaded machine (CI, two cores, Chromium and the server side by side) answers in seconds, not the 1 s default.
    expect: { poll: { timeout: 20_000 } },
  },
});
