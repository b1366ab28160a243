import type { Kysely } from "kysely";
import { brusselsDate, brusselsTimeToInstant } from "../app/lib/time";
import { createOrganiser, type NewOrganiser } from "../app/models/organiser.server";
import { registrationKeys } from "../app/models/registration.server";
import { closeDatabase, database } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import type { Database } from "../db/schema";
import {
  cities,
  firstNames,
  lastNames,
  organisations,
  partners,
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

/**
 * Loads the cities, partners and sessions a city would publish, with attendees. Idempotent:
 * what exists (matched on slug) is left as it is, so loading twice adds nothing.
 */
export async function loadSeeds(
  db: Kysely<Database>,
  today = new Date(),
): Promise<{ sessions: number }> {
  const now = today.toISOString();
  let added = 0;
  await db.transaction().execute(async (trx) => {
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
      (await trx.selectFrom("partners").select(["id", "slug"]).execute()).map((p) => [
        p.slug,
        p.id,
      ]),
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
          starts_at: startsAt,
          ends_at: endsAt,
          capacity: seed.capacity,
          registration_opens_at: opensAt,
          registration_closes_at: closesAt,
          language: seed.language,
          status: seed.cancelled ? "cancelled" : "scheduled",
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
      for (let i = 0; i < seed.attendees; i++) {
        const { name, email, organisation } = seededPerson(person++);
        const confirmed = i < seed.capacity;
        // Sign-ups spread over the six weeks before (before the start, for a past session),
        // in order, so the waiting list has an order.
        const signUpsEnd = Math.min(Date.parse(now), Date.parse(startsAt));
        const signedUpAt = new Date(
          signUpsEnd - ((seed.attendees - i) / seed.attendees) * 42 * DAY_MS,
        ).toISOString();
        // At a session that took place, four in five of those with a seat came.
        const cameAt = confirmed && startsAt < now && i % 5 !== 4 ? startsAt : null;
        await trx
          .insertInto("registrations")
          .values({
            session_id: session.id,
            ...registrationKeys(signedUpAt),
            name,
            email,
            email_normalized: email.toLowerCase(),
            organisation,
            enterprise_number: null,
            dietary_needs: seed.kind === "breakfast" && i % 5 === 0 ? "Vegetarisch" : null,
            locale: "nl-BE",
            status: confirmed ? "confirmed" : "waitlisted",
            consented_at: signedUpAt,
            created_at: signedUpAt,
            updated_at: signedUpAt,
            confirmed_at: confirmed ? signedUpAt : null,
            cancelled_at: null,
            checked_in_at: cameAt,
          })
          .execute();
      }
      added++;
    }
  });
  return { sessions: added };
}

/** The demo accounts of development data; the README names them. Never loaded in production. */
export const DEMO_PASSWORD = "ondernemen-in-leuven";
const demoOrganisers: NewOrganiser[] = [
  {
    email: "beheer@ondernemersagenda.local",
    name: "Sara Claes (beheerder)",
    role: "admin",
    password: DEMO_PASSWORD,
  },
  {
    email: "leuven@ondernemersagenda.local",
    name: "Pieter Wouters (Stad Leuven)",
    role: "organiser",
    password: DEMO_PASSWORD,
    citySlugs: ["leuven"],
  },
  {
    email: "gent@ondernemersagenda.local",
    name: "Lotte De Smet (Stad Gent)",
    role: "organiser",
    password: DEMO_PASSWORD,
    citySlugs: ["gent"],
  },
  {
    email: "unizo@ondernemersagenda.local",
    name: "Koen Jacobs (Unizo)",
    role: "organiser",
    password: DEMO_PASSWORD,
    partnerSlugs: ["unizo"],
  },
];

export async function loadDemoOrganisers(db: Kysely<Database>): Promise<number> {
  let added = 0;
  for (const organiser of demoOrganisers) {
    const exists = await db
      .selectFrom("organisers")
      .select("id")
      .where("email", "=", organiser.email)
      .executeTakeFirst();
    if (exists) continue;
    await createOrganiser(organiser);
    added++;
  }
  return added;
}

/** True when the database holds no session yet: a fresh install that wants the demo data. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("sessions").select("id").limit(1).executeTakeFirst();
  return !row;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { db } = database();
    await migrateToLatest(db);
    const { sessions: count } = await loadSeeds(db);
    console.log(`seed: ${count} session(s) added`);
    if (process.env.NODE_ENV !== "production") {
      console.log(`seed: ${await loadDemoOrganisers(db)} demo organiser account(s) added`);
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}
