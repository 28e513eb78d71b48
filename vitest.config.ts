import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default: a browser page loading on a busy CI machine can take longer.
    expect: { poll: { timeout: 15_000 } },
    // CI machines have 2 cores; more workers only thrash.
    maxWorkers: 2,
  },
});
