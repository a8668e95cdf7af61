import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: these bound a hang, not speed (speed lives in npm run bench). Set-up hooks start
    // Chromium, PGlite and an ingest, which on a loaded 2-core machine can take over a minute.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // PGlite instances are memory-hungry; two workers match the two cores we have.
    maxWorkers: 2,
  },
})
