import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Organisers add questions of their own to the survey after a session:
 * - session_questions: `part`, the form that asks a question: the sign-up form ("signUp", every
 *   question so far) or the survey after the session ("survey"); one more type, "scale" (a score
 *   from 1 to 5, whose results are an average and a distribution);
 * - survey_answers: the answers to those questions, each belonging to one anonymous answer of
 *   the survey (`survey_responses`), and so, like it, to no person, at no time.
 */
const TYPES = [
  "shortText",
  "longText",
  "oneChoice",
  "severalChoices",
  "yesNo",
  "number",
  "mustTick",
  "scale",
];
const OLD_TYPES =
  /type in \('shortText', 'longText', 'oneChoice', 'severalChoices', 'yesNo', 'number', 'mustTick'\)/;

export async function up(db: Kysely<any>): Promise<void> {
  const types = `type in (${TYPES.map((type) => `'${type}'`).join(", ")})`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .alterTable("session_questions")
      .dropConstraint("session_questions_type_check")
      .execute();
    await db.schema
      .alterTable("session_questions")
      .addCheckConstraint("session_questions_type_check", sql.raw(types))
      .execute();
  } else {
    await widenSqliteQuestionType(db, types);
  }
  await db.schema
    .alterTable("session_questions")
    .addColumn("part", "text", (col) =>
      col.notNull().defaultTo("signUp").check(sql`part in ('signUp', 'survey')`),
    )
    .execute();

  await db.schema
    .createTable("survey_answers")
    .addColumn("response_id", "integer", (col) =>
      col.notNull().references("survey_responses.id").onDelete("cascade"),
    )
    .addColumn("question_id", "integer", (col) =>
      col.notNull().references("session_questions.id").onDelete("cascade"),
    )
    .addColumn("value", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("survey_answers_pk", ["response_id", "question_id"])
    .execute();
  await db.schema
    .createIndex("survey_answers_question_idx")
    .on("survey_answers")
    .column("question_id")
    .execute();
}

/**
 * SQLite changes no CHECK in place: the table is made again from its own SQL with the wider
 * check, as 2026-12-07T12-30 did for registrations (see there, and 2026-11-26T12-30 for why
 * foreign keys are deferred). No table loses rows with a question (the answers refer to it
 * without a cascade), so only the questions wait in a copy while their table is made again.
 */
async function widenSqliteQuestionType(db: Kysely<any>, wider: string) {
  await sql`savepoint widen_question_type`.execute(db);
  try {
    await sql`pragma defer_foreign_keys = on`.execute(db);
    const create = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and name = 'session_questions'`.execute(
      db,
    );
    const indexes = await sql<{ sql: string }>`
      select sql from sqlite_master
      where type = 'index' and tbl_name = 'session_questions' and sql is not null`.execute(db);
    const sequence = await sql<{ seq: number }>`
      select seq from sqlite_sequence where name = 'session_questions'`.execute(db);
    const original = create.rows[0]?.sql ?? "";
    if (!OLD_TYPES.test(original)) throw new Error("session_questions.type check not found");

    await sql`create table session_questions_holding as select * from session_questions`.execute(
      db,
    );
    await sql`drop table session_questions`.execute(db);
    await sql.raw(original.replace(OLD_TYPES, wider)).execute(db);
    const columns = (
      await sql<{
        name: string;
      }>`select name from pragma_table_info('session_questions')`.execute(db)
    ).rows.map(({ name }) => sql.ref(name));
    await sql`insert into session_questions (${sql.join(columns)})
      select ${sql.join(columns)} from session_questions_holding`.execute(db);
    await sql`drop table session_questions_holding`.execute(db);
    for (const { sql: index } of indexes.rows) await sql.raw(index).execute(db);
    if (sequence.rows[0]) {
      await sql`delete from sqlite_sequence where name = 'session_questions'`.execute(db);
      await sql`insert into sqlite_sequence (name, seq)
        values ('session_questions', ${sequence.rows[0].seq})`.execute(db);
    }
    const broken = await sql`select * from pragma_foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(`foreign keys broken: ${JSON.stringify(broken.rows)}`);
    await sql`release widen_question_type`.execute(db);
  } catch (error) {
    await sql`rollback to widen_question_type`.execute(db);
    await sql`release widen_question_type`.execute(db);
    throw error;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The survey's own questions, and scores, have no place in the older schema: they go, with
  // their answers.
  await db.schema.dropTable("survey_answers").execute();
  await db
    .deleteFrom("session_questions")
    .where((eb) => eb.or([eb("part", "=", "survey"), eb("type", "=", "scale")]))
    .execute();
  await db.schema.alterTable("session_questions").dropColumn("part").execute();
}
