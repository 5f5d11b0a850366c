import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app (dist/) served on 127.0.0.1 and driven in
// Debian's Chromium through playwright-core. See test/e2e/README.md.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
