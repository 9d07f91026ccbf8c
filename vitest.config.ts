import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Rendering is CPU-bound; two workers match the 2-core CI machine.
    maxWorkers: 2,
  },
});
