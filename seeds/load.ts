import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { config } from "../app/lib/config.server";
import { storedEmailDomains } from "../app/lib/email-domains";
import { hashPassword } from "../app/lib/password.server";
import { keyedChoices } from "../app/lib/question-form";
import {
  answerField,
  dietaryQuestion,
  type QuestionInput,
  storedAnswers,
} from "../app/lib/questions";
import { brusselsDate, brusselsTimeToInstant } from "../app/lib/time";
import { personKey } from "../app/models/pseudonym.server";
import { addQuestionsIn, storeAnswersIn } from "../app/models/question.server";
import { registrationKeys } from "../app/models/registration.server";
import { closeDatabase, type DatabaseHandle, database } from "../db/client";
import { migrateToLatest, withSetupLock } from "../db/migrate";
import type { Database, OrganiserRole } from "../db/schema";
import {
  cities,
  firstNames,
  lastNames,
  organisations,
  partners,
  type SeedQuestion,
  type SeedSession,
  sessions,
} from "./data";

const DAY_MS = 86_400_000;

/** The session's instants, counted in Brussels calendar days from `today`. */
export function scheduleOf(seed: SeedSession, today: Date) {
  const day = brusselsDate(new Date(today.getTime() + seed.daysFromNow * DAY_MS).toISOString());
  const startsAt = brusselsTimeToInstant(day, seed.startTime);
  const shift = (days: number) => new Date(Date.parse(startsAt) + days * DAY_MS).toISOString();
  return {
    startsAt,
    endsAt: brusselsTimeToInstant(day, seed.endTime),
    opensAt:
      seed.opensInDays !== undefined
        ? new Date(today.getTime() + seed.opensInDays * DAY_MS).toISOString()
        : null,
    closesAt: seed.closesDaysBefore !== undefined ? shift(-seed.closesDaysBefore) : null,
  };
}

// Attendees are made up from the name lists, the same ones on every load.
function seededPerson(index: number) {
  const first = firstNames[index % firstNames.length] ?? "An";
  const last = lastNames[(index * 7 + 3) % lastNames.length] ?? "Peeters";
  const local = `${first}.${last}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  return {
    name: `${first} ${last}`,
    email: `${local}.${index}@example.org`,
    organisation: index % 3 === 0 ? null : (organisations[index % organisations.length] ?? null),
  };
}

function questionOf(seed: SeedQuestion): QuestionInput {
  const rows = (seed.choices ?? []).map((nl) => ({ key: null, nl, fr: null, en: null }));
  return {
    type: seed.type,
    label: { nl: seed.label, fr: seed.labelFr ?? null, en: seed.labelEn ?? null },
    help: seed.help ? { nl: seed.help, fr: null, en: null } : null,
    required: seed.type === "mustTick" || seed.required === true,
    perPerson: seed.perPerson ?? true,
    display: seed.type === "oneChoice" ? (seed.display ?? "radio") : null,
    choices: keyedChoices(rows, []) ?? [],
    maxLength: seed.maxLength ?? null,
    min: null,
    max: null,
  };
}

const DIETS = ["Vegetarisch", "Glutenvrij", "Geen noten (allergie)", "Halal"];

/**
 * What seeded attendee `index` answers: a diet now and then, every box ticked, a choice in turn
 * (an optional one left open now and then), and for one in six a yes and the text that goes with it.
 */
function seededAnswer(question: QuestionInput, seed: SeedQuestion | undefined, index: number) {
  const keys = question.choices.map((choice) => choice.key);
  switch (question.type) {
    case "mustTick":
      return true;
    case "yesNo":
      return index % 6 === 0 ? "yes" : "no";
    case "oneChoice":
      return question.required || index % 4 !== 3 ? keys[(index * 7 + 3) % keys.length] : null;
    case "severalChoices":
      return keys.length ? [keys[index % keys.length]] : null;
    case "shortText":
    case "longText": {
      const texts = seed?.answers ?? DIETS;
      const every = seed ? 6 : 5;
      return index % every === 0 ? texts[(index / every) % texts.length] : null;
    }
    default:
      return null;
  }
}

/**
 * Loads the cities, partners and sessions a city would publish, with attendees, inside the
 * caller's transaction (see `setUpDatabase`). Idempotent: what exists (matched on slug) is left
 * as it is, so loading twice adds nothing.
 */
export async function loadSeeds(
  trx: Kysely<Database>,
  today = new Date(),
): Promise<{ sessions: number }> {
  const now = today.toISOString();
  let added = 0;
  for (const city of cities) {
    await trx
      .insertInto("cities")
      .values({ ...city, created_at: now })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
  }
  for (const partner of partners) {
    await trx
      .insertInto("partners")
      .values({ ...partner, created_at: now })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
  }
  const cityIds = new Map(
    (await trx.selectFrom("cities").select(["id", "slug"]).execute()).map((c) => [c.slug, c.id]),
  );
  const partnerIds = new Map(
    (await trx.selectFrom("partners").select(["id", "slug"]).execute()).map((p) => [p.slug, p.id]),
  );
  const existing = new Set(
    (await trx.selectFrom("sessions").select("slug").execute()).map((s) => s.slug),
  );

  let person = 0;
  for (const seed of sessions) {
    if (existing.has(seed.slug)) continue;
    const cityId = cityIds.get(seed.city);
    if (!cityId) throw new Error(`seed session ${seed.slug}: unknown city ${seed.city}`);
    const { startsAt, endsAt, opensAt, closesAt } = scheduleOf(seed, today);
    const session = await trx
      .insertInto("sessions")
      .values({
        slug: seed.slug,
        city_id: cityId,
        kind: seed.kind,
        title: seed.title,
        summary: seed.summary,
        description: seed.description,
        venue_name: seed.venueName,
        venue_address: seed.venueAddress,
        venue_latitude: seed.venueLatitude ?? null,
        venue_longitude: seed.venueLongitude ?? null,
        starts_at: startsAt,
        ends_at: endsAt,
        capacity: seed.capacity,
        registration_opens_at: opensAt,
        registration_closes_at: closesAt,
        language: seed.language,
        status: seed.cancelled ? "cancelled" : "scheduled",
        requires_approval: seed.requiresApproval ? 1 : 0,
        unlisted: seed.unlisted ? 1 : 0,
        email_domains: storedEmailDomains(seed.emailDomains ?? []),
        max_group_size: seed.groupSize ?? 1,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [position, slug] of seed.partners.entries()) {
      const partnerId = partnerIds.get(slug);
      if (!partnerId) throw new Error(`seed session ${seed.slug}: unknown partner ${slug}`);
      await trx
        .insertInto("session_partners")
        .values({ session_id: session.id, partner_id: partnerId, position })
        .execute();
    }
    const firstRequest = seed.attendees - (seed.requests ?? 0);
    // A breakfast asks about dietary needs, as one an organiser creates does; then its own.
    const asked = [
      ...(seed.kind === "breakfast" ? [{ input: dietaryQuestion(), seed: undefined }] : []),
      ...(seed.questions ?? []).map((question) => ({
        input: questionOf(question),
        seed: question,
      })),
    ];
    const questionIds = await addQuestionsIn(
      trx,
      session.id,
      asked.map(({ input }) => input),
      now,
    );
    const questions = asked.map((question, n) => ({ ...question, id: questionIds[n] ?? 0 }));
    const seated: { id: number; came: boolean }[] = [];
    // Where a sign-up may bring colleagues, every fourth firm came with one colleague.
    let group: { id: string; organisation: string | null; left: number } | null = null;
    for (let i = 0; i < seed.attendees; i++) {
      const seeded = seededPerson(person++);
      const { name, email } = seeded;
      if (group && group.left === 0) group = null;
      if (!group && (seed.groupSize ?? 1) > 1 && i % 4 === 0 && i + 1 < seed.attendees) {
        group = { id: randomUUID(), organisation: seeded.organisation, left: 2 };
      }
      const organisation = group ? group.organisation : seeded.organisation;
      if (group) group.left--;
      // The last to sign up for a session that requires approval are still waiting for a decision.
      const requested = i >= firstRequest;
      const confirmed = !requested && i < seed.capacity;
      // Sign-ups spread over the six weeks before (before the start, for a past session),
      // in order, so the waiting list has an order.
      const signUpsEnd = Math.min(Date.parse(now), Date.parse(startsAt));
      const signedUpAt = new Date(
        signUpsEnd - ((seed.attendees - i) / seed.attendees) * 42 * DAY_MS,
      ).toISOString();
      // At a session that took place, four in five of those with a seat came.
      const cameAt = confirmed && startsAt < now && i % 5 !== 4 ? startsAt : null;
      const registration = await trx
        .insertInto("registrations")
        .values({
          session_id: session.id,
          ...registrationKeys(signedUpAt),
          name,
          email,
          email_normalized: email.toLowerCase(),
          person_key: personKey(email),
          organisation,
          enterprise_number: null,
          locale: "nl-BE",
          status: requested ? "requested" : confirmed ? "confirmed" : "waitlisted",
          consented_at: signedUpAt,
          created_at: signedUpAt,
          updated_at: signedUpAt,
          confirmed_at: confirmed ? signedUpAt : null,
          cancelled_at: null,
          checked_in_at: cameAt,
          group_id: group?.id ?? null,
          group_together: group ? 1 : 0,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const values = Object.fromEntries(
        questions.map(({ id, input, seed }) => [answerField(id), seededAnswer(input, seed, i)]),
      );
      const types = questions.map(({ id, input }) => ({ id, type: input.type }));
      await storeAnswersIn(trx, registration.id, storedAnswers(types, values));
      if (confirmed) seated.push({ id: registration.id, came: cameAt !== null });
    }
    if (!seed.cancelled && endsAt < now) {
      await seedFollowUps(trx, session.id, seated, endsAt);
    }
    added++;
  }
  return { sessions: added };
}

/** Open answers a seeded survey got: typed by the public, so one tries a spreadsheet formula. */
const SURVEY_COMMENTS = [
  "Heel concreet, ik weet nu welke premie ik kan aanvragen.",
  "Iets te veel uitleg over de procedure, te weinig voorbeelden.",
  '=HYPERLINK("http://voorbeeld.invalid";"meer info")',
  null,
  "Goed georganiseerd, de koffie was op tijd.",
  null,
];

/**
 * A session that took place has sent its mails after the end (so the worker sends none for the
 * seed), and four in five of those who came answered the survey: stored without them.
 */
async function seedFollowUps(
  trx: Kysely<Database>,
  sessionId: number,
  seated: { id: number; came: boolean }[],
  endsAt: string,
) {
  if (!seated.length) return;
  const queuedAt = new Date(Date.parse(endsAt) + 2 * 3_600_000).toISOString();
  await trx
    .insertInto("session_follow_ups")
    .values(
      seated.map(({ id, came }) => ({
        registration_id: id,
        session_id: sessionId,
        kind: came ? ("thankYou" as const) : ("missedYou" as const),
        queued_at: queuedAt,
      })),
    )
    .execute();
  const answered = seated.filter(({ came }, i) => came && i % 5 !== 3);
  for (const [i, { id }] of answered.entries()) {
    await trx
      .updateTable("registrations")
      .set({ survey_answered: 1 })
      .where("id", "=", id)
      .execute();
    await trx
      .insertInto("survey_responses")
      .values({
        session_id: sessionId,
        rating: [4, 5, 3, 4, 5, 2][i % 6] ?? 4,
        useful: (["yes", "yes", "somewhat", "yes", "no"] as const)[i % 5] ?? "yes",
        comment: SURVEY_COMMENTS[i % SURVEY_COMMENTS.length] ?? null,
      })
      .execute();
  }
}

/** The demo accounts of development data; the README names them. Never loaded in production. */
export const DEMO_PASSWORD = "ondernemen-in-leuven";

interface DemoOrganiser {
  email: string;
  name: string;
  role: OrganiserRole;
  citySlugs?: string[];
  partnerSlugs?: string[];
}

const demoOrganisers: DemoOrganiser[] = [
  { email: "beheer@ondernemersagenda.local", name: "Sara Claes (beheerder)", role: "admin" },
  {
    email: "leuven@ondernemersagenda.local",
    name: "Pieter Wouters (Stad Leuven)",
    role: "organiser",
    citySlugs: ["leuven"],
  },
  {
    email: "gent@ondernemersagenda.local",
    name: "Lotte De Smet (Stad Gent)",
    role: "organiser",
    citySlugs: ["gent"],
  },
  {
    email: "unizo@ondernemersagenda.local",
    name: "Koen Jacobs (Unizo)",
    role: "organiser",
    partnerSlugs: ["unizo"],
  },
];

type HashedDemoOrganiser = DemoOrganiser & { passwordHash: string };

/** Hashing takes a while: done before the setup lock is taken, never inside it. */
async function hashDemoOrganisers(): Promise<HashedDemoOrganiser[]> {
  const hashed: HashedDemoOrganiser[] = [];
  for (const organiser of demoOrganisers) {
    hashed.push({ ...organiser, passwordHash: await hashPassword(DEMO_PASSWORD) });
  }
  return hashed;
}

/**
 * Adds the demo accounts that do not exist yet, with their scope, inside the caller's
 * transaction; returns how many were added.
 */
async function loadDemoOrganisers(
  trx: Kysely<Database>,
  organisers: HashedDemoOrganiser[],
  now: string,
): Promise<number> {
  let added = 0;
  for (const organiser of organisers) {
    const exists = await trx
      .selectFrom("organisers")
      .select("id")
      .where("email", "=", organiser.email)
      .executeTakeFirst();
    if (exists) continue;
    const { id } = await trx
      .insertInto("organisers")
      .values({
        email: organiser.email,
        name: organiser.name,
        password_hash: organiser.passwordHash,
        role: organiser.role,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const idsOf = async (table: "cities" | "partners", slugs: string[] = []) =>
      slugs.length
        ? (await trx.selectFrom(table).select("id").where("slug", "in", slugs).execute()).map(
            (row) => row.id,
          )
        : [];
    const scopes = [
      ...(await idsOf("cities", organiser.citySlugs)).map((cityId) => ({
        organiser_id: id,
        city_id: cityId,
        partner_id: null,
      })),
      ...(await idsOf("partners", organiser.partnerSlugs)).map((partnerId) => ({
        organiser_id: id,
        city_id: null,
        partner_id: partnerId,
      })),
    ];
    if (scopes.length) await trx.insertInto("organiser_scopes").values(scopes).execute();
    added++;
  }
  return added;
}

/** True when the database holds no session yet: a fresh install that wants the demo data. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("sessions").select("id").limit(1).executeTakeFirst();
  return !row;
}

export interface SetUpOptions {
  /** Load the demo data always, only into a database without sessions, or never. */
  seed: "always" | "if-empty" | "never";
  /** Add the demo organiser accounts with the demo data (never in production). */
  demoOrganisers: boolean;
  today?: Date;
}

/**
 * Migrates the database and loads the demo data it should have, all in one transaction under
 * the setup lock: instances that start at the same time take turns, the first does the work
 * and the others find it done. Returns what was loaded, or null when nothing was.
 */
export async function setUpDatabase(
  { seed, demoOrganisers: withOrganisers, today = new Date() }: SetUpOptions,
  handle: DatabaseHandle = database(),
): Promise<{ sessions: number; organisers: number } | null> {
  // A database with sessions keeps them, so it will not be empty under the lock either; a
  // fresh one has no tables yet.
  const mayLoad =
    seed === "always" || (seed === "if-empty" && (await isEmpty(handle.db).catch(() => true)));
  const organisers = mayLoad && withOrganisers ? await hashDemoOrganisers() : [];
  return withSetupLock(async (trx) => {
    await migrateToLatest(trx, { inTransaction: true });
    if (seed === "never" || (seed === "if-empty" && !(await isEmpty(trx)))) return null;
    const loaded = await loadSeeds(trx, today);
    return {
      sessions: loaded.sessions,
      organisers: await loadDemoOrganisers(trx, organisers, today.toISOString()),
    };
  }, handle);
}

// `npm run db:seed`: adds whatever demo data is missing, in any database.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const production = config().NODE_ENV === "production";
    const loaded = await setUpDatabase({ seed: "always", demoOrganisers: !production });
    console.log(`seed: ${loaded?.sessions ?? 0} session(s) added`);
    if (!production) {
      console.log(`seed: ${loaded?.organisers ?? 0} demo organiser account(s) added`);
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}
