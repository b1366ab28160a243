import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "../db/schema";
import { lockSession } from "../db/transaction";

/** A Kysely of one dialect that runs nothing and records the SQL it is given. */
function recording(dialect: "postgres" | "sqlite") {
  const queries: string[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => (dialect === "postgres" ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) =>
        dialect === "postgres" ? new PostgresIntrospector(db) : new SqliteIntrospector(db),
      createQueryCompiler: () =>
        dialect === "postgres" ? new PostgresQueryCompiler() : new SqliteQueryCompiler(),
    },
    log: (event) => {
      queries.push(event.query.sql);
    },
  });
  return { db, queries };
}

describe("lockSession", () => {
  // The process's own handle is SQLite in one test run and PostgreSQL in the other: the lock
  // must follow the transaction it is given either way.
  it("locks the session row in a PostgreSQL transaction, whatever the default handle", async () => {
    const { db, queries } = recording("postgres");
    await db.transaction().execute((trx) => lockSession(trx, 7));
    expect(queries.some((q) => /select .* from "sessions" .* for update/i.test(q))).toBe(true);
  });

  it("takes no row lock in a SQLite transaction (BEGIN IMMEDIATE holds the database)", async () => {
    const { db, queries } = recording("sqlite");
    await db.transaction().execute((trx) => lockSession(trx, 7));
    expect(queries.some((q) => /for update/i.test(q))).toBe(false);
  });
});
