import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI machines have 2 cores; more workers only thrash.
    maxWorkers: 2,
  },
});
