import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['api/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
