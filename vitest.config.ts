import {defineConfig} from 'vitest/config'
import {missingShared, testsReadingShared} from './tests/helpers/require-shared.js'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Without ../shared (seed, corpus, vectors) beside us, the tests that read it are left out and
    // the set-up says so (or, under MIGRATE_REQUIRE_SHARED=1, as in CI, stops the run).
    exclude: missingShared().length === 0 ? [] : testsReadingShared(),
    globalSetup: ['tests/helpers/require-shared.ts'],
    // Property and end-to-end tests do real work; shared CI machines are slow, so give them room.
    testTimeout: 60_000
  }
})
