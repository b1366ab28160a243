import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { closeDatabase, database } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { TEST_DATABASE } from "./support/database";
import { createSession, person, registrationsOf } from "./support/factories";
import { send } from "./support/http";

// A short wait for locks, so that the tests need not sit out the default three seconds.
await closeDatabase();
process.env.DATABASE_LOCK_TIMEOUT_MS = "300";
database();

function signUp(slug: string, n: number) {
  const { name, email } = person(n);
  return send(`/sessies/${slug}`, { form: { name, email, consent: "on" } });
}

async function expectBusy(response: Response, startedAt: number) {
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toBe("2");
  expect(await response.text()).toContain("Even druk");
  // Answered after the bounded wait, never a hang.
  expect(Date.now() - startedAt).toBeLessThan(3000);
}

describe("a sign-up that cannot get its lock in time", () => {
  it("answers 503 busy with Retry-After while the session is locked elsewhere, then works", async () => {
    const session = await createSession({ capacity: 5 });
    // The app is up before the clock starts.
    expect((await send(`/sessies/${session.slug}`)).status).toBe(200);
    const url = process.env.DATABASE_URL ?? "";
    let release: () => Promise<void>;
    if (TEST_DATABASE === "postgres") {
      // Another instance holding the session's row, as a long organiser edit would.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("begin");
      await client.query("select id from sessions where id = $1 for update", [session.id]);
      release = async () => {
        await client.query("rollback");
        await client.end();
      };
    } else {
      // Another process holding SQLite's write lock.
      const other = new SQLite(url.replace(/^file:/, ""));
      other.exec("begin immediate");
      release = async () => {
        other.exec("rollback");
        other.close();
      };
    }
    try {
      const startedAt = Date.now();
      await expectBusy(await signUp(session.slug, 1), startedAt);
    } finally {
      await release();
    }
    expect((await signUp(session.slug, 2)).status).toBe(302);
    expect(await registrationsOf(session.id)).toHaveLength(1);
  });

  it.skipIf(TEST_DATABASE === "postgres")(
    "answers 503 while this process's own SQLite writer is held too long",
    async () => {
      const session = await createSession({ capacity: 5 });
      let held!: () => void;
      const holding = writeTransaction(async (trx) => {
        await sql`select 1`.execute(trx);
        await new Promise<void>((resolve) => {
          held = resolve;
        });
      });
      try {
        const startedAt = Date.now();
        await expectBusy(await signUp(session.slug, 3), startedAt);
      } finally {
        held();
        await holding;
      }
      expect((await signUp(session.slug, 4)).status).toBe(302);
    },
  );
});
