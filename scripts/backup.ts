/**
 * An online backup of the SQLite database, safe while the app runs and writes:
 *
 *   npm run db:backup                      → data/backups/ondernemersagenda-<time>.sqlite
 *   npm run db:backup -- /mnt/backup/x.sqlite
 *
 * The copy is checked (PRAGMA integrity_check) before it gets its name, so a file under that
 * name is a whole, sound database. On PostgreSQL, pg_dump is the tool; this does nothing there.
 * See docs/operations.md for restoring.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { closeDatabase, database } from "../db/client";

const DEFAULT_DIRECTORY = "data/backups";

/** "2026-11-27T10-15-30Z": sorts by time and is a valid file name on every system. */
const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");

/** The file the app's database handle has open (DATABASE_URL, read in one place). */
async function databaseFile(): Promise<string> {
  const { db } = database();
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const { rows: tables } = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master`.execute(db);
  const file = rows.find((row) => row.name === "main")?.file;
  if (!file) throw new Error("The database is in memory: there is no file to back up.");
  if (!tables[0]?.n) {
    throw new Error(`Nothing to back up in ${file}: is DATABASE_URL the one the app uses?`);
  }
  return file;
}

async function backUp(source: string, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  mkdirSync(dirname(destination), { recursive: true });
  const from = new SQLite(source, { fileMustExist: true, timeout: 5000 });
  try {
    // All pages in one step, so from one read snapshot: in WAL mode the app keeps writing
    // meanwhile, and a write between two smaller steps would make SQLite start over.
    await from.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    from.close();
  }
  const copy = new SQLite(partial, { fileMustExist: true });
  try {
    // One self-contained file: no -wal beside it to forget when it is copied or restored.
    copy.pragma("journal_mode = DELETE");
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`The copy fails its integrity check: ${result}`);
  } finally {
    copy.close();
  }
  renameSync(partial, destination);
}

try {
  if (database().dialect === "postgres") {
    console.log(
      "DATABASE_URL is a PostgreSQL database: back it up with pg_dump (see docs/operations.md). Nothing done.",
    );
  } else {
    const destination = resolve(
      process.argv[2] ?? join(DEFAULT_DIRECTORY, `ondernemersagenda-${stamp(new Date())}.sqlite`),
    );
    if (existsSync(destination)) throw new Error(`${destination} exists already.`);
    await backUp(await databaseFile(), destination);
    const { size } = statSync(destination);
    console.log(`backup: ${destination} (${size} bytes, ${(size / 1024 / 1024).toFixed(1)} MB)`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
