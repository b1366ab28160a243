import { createHash } from "node:crypto";
import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

const sha256 = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Manage tokens and check-in codes are kept as SHA-256 hashes only, as organisers' session
 * tokens already are: a copy of the database opens no one's registration. Every mail that
 * carries a link gets a token of its own (a later mail cannot repeat an earlier token that is
 * no longer known), so a registration has any number of them, in a table of their own.
 * A row whose registration_id is null is the token of a registration that was erased: the
 * link then says "erased" (410) instead of "unknown" (404), and leads to no one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  const rows = await db
    .selectFrom("registrations")
    .select(["id", "manage_token", "checkin_code", "created_at"])
    .execute();

  if (postgres) {
    await createTokenTable(db);
    await db.schema.dropIndex("registrations_checkin_code_idx").execute();
    await db.schema.alterTable("registrations").dropColumn("checkin_code").execute();
    await db.schema.alterTable("registrations").dropColumn("manage_token").execute();
  } else {
    await db.schema.dropIndex("registrations_checkin_code_idx").execute();
    await db.schema.alterTable("registrations").dropColumn("checkin_code").execute();
    await dropSqliteUniqueColumn(db, "registrations", "manage_token");
    await createTokenTable(db);
  }

  for (const row of rows) {
    const tokens = [{ token: row.manage_token as string, purpose: "manage" }];
    if (row.checkin_code) tokens.push({ token: row.checkin_code as string, purpose: "checkin" });
    await db
      .insertInto("registration_tokens")
      .values(
        tokens.map(({ token, purpose }) => ({
          token_hash: sha256(token),
          registration_id: row.id,
          purpose,
          created_at: row.created_at,
        })),
      )
      .execute();
  }
}

async function createTokenTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("registration_tokens")
    .addColumn("token_hash", "text", (col) => col.primaryKey())
    .addColumn("registration_id", "integer", (col) => col.references("registrations.id"))
    .addColumn("purpose", "text", (col) =>
      col.notNull().check(sql`purpose in ('manage', 'checkin')`),
    )
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("registration_tokens_registration_idx")
    .on("registration_tokens")
    .column("registration_id")
    .execute();
}

/**
 * SQLite drops no column that carries a UNIQUE constraint, so the table is rebuilt without it
 * (https://sqlite.org/lang_altertable.html#otheralter). Migrations may run inside the setup
 * transaction, where `PRAGMA foreign_keys` cannot be switched off: foreign keys are deferred
 * instead. The rows wait in a plain copy while the table is dropped (which counts the rows of
 * other tables that refer to them as violations) and created again under its own name; putting
 * the rows back settles those violations, and the check before the release proves it. The
 * table's own SQL is reused, so columns other migrations added are kept whatever their order.
 */
async function dropSqliteUniqueColumn(db: Kysely<any>, table: string, column: string) {
  const holding = `${table}_holding`;
  await sql`savepoint drop_unique_column`.execute(db);
  try {
    await sql`pragma defer_foreign_keys = on`.execute(db);
    const create = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
    const indexes = await sql<{ sql: string }>`
      select sql from sqlite_master
      where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
    const sequence = await sql<{ seq: number }>`
      select seq from sqlite_sequence where name = ${table}`.execute(db);
    const original = create.rows[0]?.sql ?? "";
    const columnDefinition = new RegExp(`,\\s*"${column}"[^,]*unique`, "i");
    if (!columnDefinition.test(original)) throw new Error(`${table}.${column} not found`);

    await sql`create table ${sql.table(holding)} as select * from ${sql.table(table)}`.execute(db);
    await sql`drop table ${sql.table(table)}`.execute(db);
    await sql.raw(original.replace(columnDefinition, "")).execute(db);
    const columns = (
      await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
    ).rows.map(({ name }) => sql.ref(name));
    await sql`insert into ${sql.table(table)} (${sql.join(columns)})
      select ${sql.join(columns)} from ${sql.table(holding)}`.execute(db);
    await sql`drop table ${sql.table(holding)}`.execute(db);
    for (const { sql: index } of indexes.rows) await sql.raw(index).execute(db);
    // The new table's AUTOINCREMENT starts after the highest id ever given, as the old one did.
    if (sequence.rows[0]) {
      await sql`delete from sqlite_sequence where name = ${table}`.execute(db);
      await sql`insert into sqlite_sequence (name, seq) values (${table}, ${sequence.rows[0].seq})`.execute(
        db,
      );
    }
    const broken = await sql`select * from pragma_foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(`foreign keys broken: ${JSON.stringify(broken.rows)}`);
    await sql`release drop_unique_column`.execute(db);
  } catch (error) {
    await sql`rollback to drop_unique_column`.execute(db);
    await sql`release drop_unique_column`.execute(db);
    throw error;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The plain tokens cannot be recovered from their hashes: every registration gets new ones,
  // and the links already mailed stop working.
  const { randomBytes } = await import("node:crypto");
  await db.schema.dropTable("registration_tokens").execute();
  await db.schema.alterTable("registrations").addColumn("manage_token", "text").execute();
  await db.schema.alterTable("registrations").addColumn("checkin_code", "text").execute();
  const rows = await db.selectFrom("registrations").select("id").execute();
  for (const row of rows) {
    await db
      .updateTable("registrations")
      .set({
        manage_token: randomBytes(24).toString("base64url"),
        checkin_code: randomBytes(16).toString("base64url"),
      })
      .where("id", "=", row.id)
      .execute();
  }
  for (const column of ["manage_token", "checkin_code"]) {
    await db.schema
      .createIndex(`registrations_${column}_idx`)
      .on("registrations")
      .column(column)
      .unique()
      .execute();
  }
}
