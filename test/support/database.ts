import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { POSTGRES_ADMIN_URL, TEST_DATABASE } from "./test-env";

export { POSTGRES_ADMIN_URL, TEST_DATABASE };

/**
 * Gives every test file a database of its own, migrated and empty: a SQLite file in a temp
 * folder, or with TEST_DATABASE=postgres a fresh PostgreSQL database that is dropped after; each
 * a copy of the one migrated before the files (template-database.ts). The migrations still run,
 * finding nothing to do, as they would on a deployed database.
 */
let cleanup: () => Promise<void>;
if (TEST_DATABASE === "postgres") {
  const name = `oa_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  // A copy of the database migrated once before the files (template-database.ts).
  await admin.query(`create database ${name} template ${inject("postgresTemplate")}`);
  // A test database is thrown away after its file: it need not wait for each commit to reach the
  // disk (about 4 ms a commit on these machines, 0.2 ms without). What other connections see is
  // the same either way; only a crash of the server could lose the last commits.
  await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    // pg's pool.end() resolves before its sockets have closed, and a test may have opened a
    // pool of its own: never force the drop, which would kill those connections and make their
    // clients throw in this process. Wait for them to go; if they linger, leave the database
    // for scripts/test-postgres.sh, which drops what earlier runs left.
    let dropped = false;
    for (let i = 0; i < 150 && !dropped; i++) {
      try {
        await client.query(`drop database if exists ${name}`);
        dropped = true;
      } catch (error) {
        // 55006: the database is still being used by someone.
        if ((error as { code?: string }).code !== "55006") throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    if (!dropped) console.warn(`test database ${name} still in use: left to drop later`);
    await client.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), "oa-test-"));
  // A copy of the file migrated once before the files (template-database.ts).
  copyFileSync(inject("sqliteTemplate"), join(dir, "test.sqlite"));
  process.env.DATABASE_URL = `file:${join(dir, "test.sqlite")}`;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

const { database, closeDatabase } = await import("../../db/client");
const { migrateToLatest } = await import("../../db/migrate");
await migrateToLatest(database().db);

afterAll(async () => {
  await closeDatabase();
  await cleanup();
});
