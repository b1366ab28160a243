import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, type Migration, Migrator } from "kysely";
import pg from "pg";
import { createDatabase } from "../../db/client";
import { migrations } from "../../db/migrations";
import { POSTGRES_ADMIN_URL, TEST_DATABASE } from "./database";

/**
 * A database of its own beside the test's, for a migration test: migrated up to some point,
 * filled as an older version would have left it, then migrated the rest of the way.
 */

// biome-ignore lint/suspicious/noExplicitAny: kysely's Migrator works on any schema
export async function migrate(db: Kysely<any>, set: Record<string, Migration>) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => set } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** Runs every migration of the app that comes before `name`: the schema an older version had. */
// biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
export function migrateUpTo(db: Kysely<any>, name: string) {
  return migrate(
    db,
    Object.fromEntries(Object.entries(migrations).filter(([migration]) => migration < name)),
  );
}

/** Runs every migration of the app up to `name`, that one included: its schema, and no later one. */
// biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
export function migrateThrough(db: Kysely<any>, name: string) {
  return migrate(
    db,
    Object.fromEntries(Object.entries(migrations).filter(([migration]) => migration <= name)),
  );
}

/** An empty database beside the test's own, on the same kind of server. */
export async function scratchDatabase() {
  if (TEST_DATABASE === "postgres") {
    const name = `oa_migrate_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    const handle = createDatabase(url.toString());
    return {
      handle,
      drop: async () => {
        await handle.db.destroy();
        const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "oa-migrate-"));
  const handle = createDatabase(`file:${join(dir, "old.sqlite")}`);
  return {
    handle,
    drop: async () => {
      await handle.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A city and one of its sessions, written with the columns the first schema already had, so a
 * migration test can fill an older schema: a forum next year unless told otherwise.
 */
export async function olderSession(
  // biome-ignore lint/suspicious/noExplicitAny: an older schema than the app's types describe
  db: Kysely<any>,
  {
    kind = "forum",
    startsAt = "2027-01-01T09:00:00.000Z",
    endsAt = "2027-01-01T10:00:00.000Z",
  }: { kind?: string; startsAt?: string; endsAt?: string } = {},
): Promise<{ id: number }> {
  const now = new Date().toISOString();
  const city = await db
    .insertInto("cities")
    .values({ slug: "oudstad", name: "Oudstad", province: "Antwerpen", created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return db
    .insertInto("sessions")
    .values({
      slug: "oude-sessie",
      city_id: city.id,
      kind,
      title: "Oude sessie",
      summary: "",
      description: "",
      venue_name: "Stadhuis",
      venue_address: "Grote Markt 1",
      starts_at: startsAt,
      ends_at: endsAt,
      capacity: 10,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
