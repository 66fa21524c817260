import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Stop at once, with one clear message, when ../shared (seed, corpus, vectors) is not beside us.
    globalSetup: ['tests/helpers/require-shared.ts'],
    // Property and end-to-end tests do real work; shared CI machines are slow, so give them room.
    testTimeout: 60_000
  }
})
