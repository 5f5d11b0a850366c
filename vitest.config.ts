import { defineConfig } from 'vitest/config';

// Unit and cross-module tests. The core runs in Node's environment so that a
// stray `window` or `document` fails a test instead of a review.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30000,
  },
});
