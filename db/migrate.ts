import { type Kysely, Migrator } from "kysely";
import { closeDatabase, database } from "./client";
import { migrations } from "./migrations";

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === "Success") console.log(`migration ${result.migrationName} applied`);
    if (result.status === "Error") console.error(`migration ${result.migrationName} failed`);
  }
  if (error) throw error;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await migrateToLatest(database().db);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}
