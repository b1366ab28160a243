import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Door volunteers: a third role, `door`, for an account that checks people in at one session
 * or at every session of one day, and nothing else.
 * - organisers.door_session_id: the session the access was given for (for a day, the session it
 *   was given from); null for every other role, and once that session is gone;
 * - organisers.door_whole_day: 1 when the access covers every session that day the inviting
 *   organiser may see, 0 when only that one session;
 * - organisers.door_invited_by: who gave it: a day's sessions are those still in their scope.
 * When the access ends follows from the session's times, so a session moved later keeps its door.
 */
const OLD_ROLES = /role in \('admin',\s*'organiser'\)/;
const ROLES = "role in ('admin', 'organiser', 'door')";

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await db.schema.alterTable("organisers").dropConstraint("organisers_role_check").execute();
    await db.schema
      .alterTable("organisers")
      .addCheckConstraint("organisers_role_check", sql.raw(ROLES))
      .execute();
  } else {
    await widenSqliteOrganiserRole(db);
  }
  await db.schema
    .alterTable("organisers")
    .addColumn("door_session_id", "integer", (col) =>
      col.references("sessions.id").onDelete("set null"),
    )
    .execute();
  await db.schema
    .alterTable("organisers")
    .addColumn("door_whole_day", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("organisers")
    .addColumn("door_invited_by", "integer", (col) => col.references("organisers.id"))
    .execute();
  await db.schema
    .createIndex("organisers_door_session_idx")
    .on("organisers")
    .column("door_session_id")
    .execute();
}

/**
 * SQLite changes no CHECK in place: the table is made again from its own SQL with the wider
 * check, as 2026-12-07T12-30 did for registrations (see there, and 2026-11-26T12-30 for why
 * foreign keys are deferred). The rows of tables that a dropped organiser would take with it
 * (scopes, sign-in sessions, password links) wait in copies and come back after.
 */
async function widenSqliteOrganiserRole(db: Kysely<any>) {
  await sql`savepoint widen_organiser_role`.execute(db);
  try {
    await sql`pragma defer_foreign_keys = on`.execute(db);
    const create = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and name = 'organisers'`.execute(db);
    const indexes = await sql<{ sql: string }>`
      select sql from sqlite_master
      where type = 'index' and tbl_name = 'organisers' and sql is not null`.execute(db);
    const sequence = await sql<{ seq: number }>`
      select seq from sqlite_sequence where name = 'organisers'`.execute(db);
    const original = create.rows[0]?.sql ?? "";
    if (!OLD_ROLES.test(original)) throw new Error("organisers.role check not found");

    const dependents = (
      await sql<{ name: string }>`
        select distinct m.name from sqlite_master m, pragma_foreign_key_list(m.name) f
        where m.type = 'table' and f."table" = 'organisers' and m.name <> 'organisers'
          and upper(f.on_delete) in ('CASCADE', 'SET NULL', 'SET DEFAULT')`.execute(db)
    ).rows.map(({ name }) => name);
    const held = ["organisers", ...dependents];
    for (const table of held) {
      await sql`create table ${sql.id(`${table}_holding`)} as select * from ${sql.id(table)}`.execute(
        db,
      );
    }
    await sql`drop table organisers`.execute(db);
    await sql.raw(original.replace(OLD_ROLES, ROLES)).execute(db);
    for (const table of held) {
      const columns = (
        await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      ).rows.map(({ name }) => sql.ref(name));
      await sql`delete from ${sql.id(table)}`.execute(db);
      await sql`insert into ${sql.id(table)} (${sql.join(columns)})
        select ${sql.join(columns)} from ${sql.id(`${table}_holding`)}`.execute(db);
      await sql`drop table ${sql.id(`${table}_holding`)}`.execute(db);
    }
    for (const { sql: index } of indexes.rows) await sql.raw(index).execute(db);
    if (sequence.rows[0]) {
      await sql`delete from sqlite_sequence where name = 'organisers'`.execute(db);
      await sql`insert into sqlite_sequence (name, seq) values ('organisers', ${sequence.rows[0].seq})`.execute(
        db,
      );
    }
    const broken = await sql`select * from pragma_foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(`foreign keys broken: ${JSON.stringify(broken.rows)}`);
    await sql`release widen_organiser_role`.execute(db);
  } catch (error) {
    await sql`rollback to widen_organiser_role`.execute(db);
    await sql`release widen_organiser_role`.execute(db);
    throw error;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // A door account has no place among the older roles: it ends as a removed account.
  await db
    .updateTable("organisers")
    .set({ role: "organiser", password_hash: "removed" })
    .where("role", "=", "door")
    .execute();
  await db.schema.dropIndex("organisers_door_session_idx").execute();
  for (const column of ["door_invited_by", "door_whole_day", "door_session_id"]) {
    await db.schema.alterTable("organisers").dropColumn(column).execute();
  }
}
