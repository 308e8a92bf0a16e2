// Tests that need a system program npm cannot bring (LibreOffice Writer): `.ci/run` installs it and runs these after
// `npm test`, whose configuration (vitest.config.ts) leaves them out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/system/**/*.test.ts'],
    testTimeout: 300_000,
  },
});
