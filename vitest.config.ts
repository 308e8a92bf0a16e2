import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests of system programs npm cannot bring: .ci/run runs them (vitest.system.config.ts).
    exclude: [...configDefaults.exclude, 'test/system/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
