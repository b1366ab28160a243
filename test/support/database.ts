import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll } from "vitest";

/**
 * Gives every test file a database of its own, migrated and empty: a SQLite file in a temp
 * folder, or with TEST_DATABASE=postgres a fresh PostgreSQL database that is dropped after.
 */
export const TEST_DATABASE = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

process.env.PUBLIC_URL = "http://agenda.test";
process.env.MAIL_FROM = '"Ondernemersagenda Leuven" <agenda@leuven.test>';
process.env.OUTBOX_WORKER = "off";
// The tests play many clients: each names itself in X-Forwarded-For (see http.ts).
process.env.TRUST_PROXY = "on";
// Cookies signed here must open in the built app, which reads the same secret.
process.env.SESSION_SECRET ??= "test-secret-that-is-long-enough-for-the-config-check";
// Most tests sign the same few addresses up again and again; the abuse-limit tests set the
// real budgets for themselves (test/abuse-limits.test.ts).
process.env.RATE_MAILS_PER_ADDRESS_PER_HOUR ??= "10000";
process.env.RATE_SIGNUPS_PER_CLIENT_PER_MINUTE ??= "10000";
process.env.RATE_LOGINS_PER_CLIENT_PER_MINUTE ??= "10000";
process.env.RATE_RESETS_PER_CLIENT_PER_HOUR ??= "10000";
process.env.RATE_INVITATIONS_PER_ORGANISER_PER_HOUR ??= "10000";

let cleanup: () => Promise<void>;
if (TEST_DATABASE === "postgres") {
  const name = `oa_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
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
