import { dietaryQuestion, type QuestionInput } from "../../app/lib/questions";
import { addQuestionsIn } from "../../app/models/question.server";
import type { SignUpDetails } from "../../app/models/registration.server";
import { type DatabaseHandle, database } from "../../db/client";
import type { Database, NewSession, OutboxMessage } from "../../db/schema";
import { renderQueued } from "../../worker/outbox.server";

let counter = 0;
const HOUR = 3_600_000;

/**
 * A scheduled session starting in a week, in a city of its own; override what a test needs.
 * `handle`: the app's database seen from another process (the end-to-end tests).
 */
export async function createSession(
  overrides: Partial<NewSession> & { partners?: string[] } = {},
  { db }: DatabaseHandle = database(),
) {
  const n = ++counter;
  const { partners = ["Unizo"], ...fields } = overrides;
  const now = new Date().toISOString();
  const city = await db
    .insertInto("cities")
    .values({
      slug: `stad-${n}-${process.pid}`,
      name: "Leuven",
      province: "Vlaams-Brabant",
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const startsAt = new Date(Date.now() + 7 * 24 * HOUR);
  const session = await db
    .insertInto("sessions")
    .values({
      slug: `ontbijtsessie-subsidies-${n}`,
      city_id: city.id,
      kind: "breakfast",
      title: "Ontbijtsessie: subsidies voor je zaak",
      summary: "Welke premies kan je zaak krijgen, en hoe vraag je ze aan?",
      description: "07:30 ontbijt\n\n08:00 toelichting",
      venue_name: "Stadhuis Leuven",
      venue_address: "Grote Markt 9, 3000 Leuven",
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 1.5 * HOUR).toISOString(),
      capacity: 10,
      registration_opens_at: null,
      registration_closes_at: null,
      language: "nl",
      status: "scheduled",
      created_at: now,
      updated_at: now,
      ...fields,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [position, name] of partners.entries()) {
    const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${n}`;
    const partner = await db
      .insertInto("partners")
      .values({ slug, name, website: null, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("session_partners")
      .values({ session_id: session.id, partner_id: partner.id, position })
      .execute();
  }
  return session;
}

/**
 * Questions the session asks, added at the end of its form as the editor adds them; answers
 * their ids in order. Without `inputs`: the dietary question a breakfast starts with.
 */
export async function addQuestions(
  sessionId: number,
  inputs: QuestionInput[] = [dietaryQuestion()],
  { db }: DatabaseHandle = database(),
): Promise<number[]> {
  return addQuestionsIn(db, sessionId, inputs, new Date().toISOString());
}

/** A question of this type with a Dutch label and nothing else; override what a test needs. */
export function question(
  type: QuestionInput["type"],
  label: string,
  overrides: Partial<QuestionInput> = {},
): QuestionInput {
  return {
    type,
    label: { nl: label, fr: null, en: null },
    help: null,
    required: type === "mustTick",
    perPerson: true,
    display: type === "oneChoice" ? "radio" : null,
    choices: [],
    maxLength: null,
    min: null,
    max: null,
    ...overrides,
  };
}

export function person(n: number, overrides: Partial<SignUpDetails> = {}): SignUpDetails {
  return {
    name: `Deelnemer ${n}`,
    email: `deelnemer${n}@example.org`,
    organisation: null,
    enterpriseNumber: null,
    ...overrides,
  };
}

export async function registrationsOf(sessionId: number) {
  return database()
    .db.selectFrom("registrations")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("id")
    .execute();
}

/**
 * Rows of the outbox as the worker sends them: a message queued as a snapshot is rendered (and
 * stored rendered), as the worker does just before its first attempt.
 */
export async function rendered(rows: OutboxMessage[]): Promise<OutboxMessage[]> {
  const result: OutboxMessage[] = [];
  for (const row of rows) result.push(await renderQueued(row));
  return result;
}

/** Renders every message still waiting as a snapshot, as the worker does before sending it. */
export async function renderQueuedMail(): Promise<void> {
  const waiting = await database()
    .db.selectFrom("outbox")
    .selectAll()
    .where("rendered_at", "is", null)
    .where("data", "is not", null)
    .orderBy("id")
    .execute();
  await rendered(waiting);
}

/** The mail queued for one address about one session, oldest first, rendered. */
export async function outboxFor(sessionId: number, email: string) {
  return database()
    .db.selectFrom("outbox")
    .innerJoin("registrations", "registrations.id", "outbox.registration_id")
    .selectAll("outbox")
    .where("registrations.session_id", "=", sessionId)
    .where("outbox.to_email", "=", email)
    .orderBy("outbox.id")
    .execute()
    .then(rendered);
}

/** The mail queued about a session after outbox row `afterId`, oldest first, rendered. */
export async function mailsOf(sessionId: number, afterId = 0) {
  return queuedMailsOf(sessionId, afterId).then(rendered);
}

/** The same mail as queued, not rendered: its snapshot still there (rendering empties it). */
export async function queuedMailsOf(sessionId: number, afterId = 0) {
  return database()
    .db.selectFrom("outbox")
    .innerJoin("registrations", "registrations.id", "outbox.registration_id")
    .selectAll("outbox")
    .where("registrations.session_id", "=", sessionId)
    .where("outbox.id", ">", afterId)
    .orderBy("outbox.id")
    .execute();
}

/** The newest outbox row's id: mail queued after it is what a step under test sent. */
export async function lastOutboxId() {
  const row = await database()
    .db.selectFrom("outbox")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** How many rows a table holds. */
export async function rowCount(table: keyof Database, { db }: DatabaseHandle = database()) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
