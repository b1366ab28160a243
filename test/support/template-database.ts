import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { POSTGRES_ADMIN_URL, TEST_DATABASE } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty SQLite file that each test file copies. */
    sqliteTemplate: string;
    /** A migrated, empty PostgreSQL database that each test file copies (CREATE … TEMPLATE). */
    postgresTemplate: string;
  }
}

/**
 * Before the test files: one database migrated once, which each file copies (database.ts)
 * instead of running every migration again; dropped after the run.
 */
export default async function setup(project: TestProject) {
  if (TEST_DATABASE === "postgres") {
    const name = `oa_template_${process.pid}`;
    await onAdmin(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    await migrated(url.toString());
    await untilNobodyIsConnected(name);
    project.provide("postgresTemplate", name);
    project.provide("sqliteTemplate", "");
    return () => onAdmin(`drop database if exists ${name} with (force)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "oa-template-"));
  const file = join(dir, "template.sqlite");
  await migrated(`file:${file}`);
  // Everything in the file itself, no write-ahead log beside it: a copy of the file is whole.
  const sqlite = new SQLite(file);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  project.provide("sqliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}

async function migrated(url: string) {
  const handle = createDatabase(url);
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.changes?.close();
    await handle.db.destroy();
  }
}

async function onAdmin(statement: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A copy is refused while anyone is connected to the template; pg closes its sockets late. */
async function untilNobodyIsConnected(name: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [name],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
