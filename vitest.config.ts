import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    // One database migrated before the files; each file gets a copy of its own.
    globalSetup: ["test/support/template-database.ts"],
    setupFiles: ["test/support/database.ts"],
    // Each file gets its own process and its own database. Two at a time even on two cores:
    // most of a test's time is spent waiting for the app, the database, SMTP or a child process.
    pool: "forks",
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
