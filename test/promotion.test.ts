import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { type SessionFormValues, sessionFormSchema } from "../app/lib/session-form";
import { brusselsDate, brusselsTimeToInstant } from "../app/lib/time";
import { cancelRegistration, promoteFromWaitlist, signUp } from "../app/models/registration.server";
import { resolveRegistrationToken } from "../app/models/registration-token.server";
import { sessionFormValues, updateSession } from "../app/models/session-editing.server";
import { database } from "../db/client";
import type { Registration } from "../db/schema";
import { lockSession, writeTransaction } from "../db/transaction";
import { TEST_DATABASE } from "./support/database";
import {
  createSession,
  lastOutboxId,
  person,
  queuedMailsOf,
  registrationsOf,
  rendered,
} from "./support/factories";
import { parsed } from "./support/forms";
import { statementsOf } from "./support/statements";
import { manageTokenOf } from "./support/tokens";

const opts = { locale: "nl-BE" as const };
const DAY = 24 * 3_600_000;

let organiserId: number;

beforeAll(async () => {
  const now = new Date().toISOString();
  organiserId = (
    await database()
      .db.insertInto("organisers")
      .values({
        email: "promotie@leuven.test",
        name: "Promotie",
        password_hash: "scrypt$test",
        role: "admin",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});

/** The statements from the one that takes the session's lock to the COMMIT that lets it go. */
function underTheLock(statements: readonly string[]): string[] {
  const first = statements.findIndex((s) =>
    TEST_DATABASE === "postgres" ? s.includes("for update") : s.startsWith("begin immediate"),
  );
  const commit = statements.indexOf("commit", first);
  expect(first).toBeGreaterThanOrEqual(0);
  expect(commit).toBeGreaterThan(first);
  return statements.slice(first, commit + 1);
}

/** What each statement is, whatever its values: its beginning. */
const shapes = (statements: readonly string[]) => statements.map((s) => s.slice(0, 60));

/** Checks that every link a queued mail carries opens its own registration, for its purpose. */
async function expectLinksOf(data: {
  registration: { id: number };
  links: { manageToken: string; checkinCode: string | null; viewToken?: string | null };
}) {
  const opens = async (token: string | null | undefined, purpose: "manage" | "checkin" | "view") =>
    token ? await resolveRegistrationToken(token, purpose) : null;
  const id = data.registration.id;
  expect(await opens(data.links.manageToken, "manage")).toMatchObject({ registrationId: id });
  if (data.links.checkinCode) {
    expect(await opens(data.links.checkinCode, "checkin")).toMatchObject({ registrationId: id });
  }
  if (data.links.viewToken) {
    expect(await opens(data.links.viewToken, "view")).toMatchObject({ registrationId: id });
  }
}

describe("a cancellation that gives a seat back", () => {
  it("promotes a group of five in as many statements as one person, with their invites", async () => {
    // One seat, one person waiting: the cancellation promotes one.
    const single = await createSession({ capacity: 1 });
    await signUp(single.slug, person(1), opts);
    await signUp(single.slug, person(2), opts);
    // Five seats, one taken, and five colleagues who come together or not at all: they wait
    // until the cancellation frees the fifth seat, then take all five.
    const group = await createSession({ capacity: 5, max_group_size: 5 });
    await signUp(group.slug, person(10), opts);
    await signUp(group.slug, person(11), {
      ...opts,
      colleagues: { people: [12, 13, 14, 15].map((n) => person(n)), together: true },
    });
    expect((await registrationsOf(group.id)).map((r) => r.status)).toEqual([
      "confirmed",
      ...Array(5).fill("waitlisted"),
    ]);

    const cancel = async (sessionId: number) => {
      const [seated] = await registrationsOf(sessionId);
      const token = await manageTokenOf(seated?.id);
      let result: unknown;
      const statements = await statementsOf(async () => {
        result = await cancelRegistration(token);
      });
      return { result, statements };
    };
    const one = await cancel(single.id);
    const before = await lastOutboxId();
    const five = await cancel(group.id);
    expect(one.result).toEqual({ ok: true, promoted: 1, previousStatus: "confirmed" });
    expect(five.result).toEqual({ ok: true, promoted: 5, previousStatus: "confirmed" });

    // The same statements, whoever and however many are promoted.
    expect(shapes(five.statements)).toEqual(shapes(one.statements));
    const held = underTheLock(five.statements);
    if (TEST_DATABASE === "postgres") {
      // The lock with the cancellation, then the promotion with every invite, then the commit.
      expect(held).toHaveLength(3);
      const [locking = "", promoting = ""] = held;
      expect(locking).toContain("for update");
      expect(locking).toContain("insert into outbox");
      for (const table of ["registrations", "outbox"]) {
        expect(promoting).toContain(`update ${table}`);
      }
      expect(promoting).toContain("insert into registration_tokens");
      expect(promoting).toContain("insert into outbox");
    } else {
      // The cancellation, the superseded invites, the promotion, the links and the mail.
      expect(held).toHaveLength(7);
    }

    // Everyone's mail as it was before: the CANCEL of the seat, an invite for each of the five.
    const registrations = await registrationsOf(group.id);
    expect(registrations.map((r) => [r.status, r.ical_sequence])).toEqual([
      ["cancelled", 1],
      ...Array(5).fill(["confirmed", 0]),
    ]);
    const mails = await queuedMailsOf(group.id, before);
    expect(mails.map((m) => [m.registration_id, m.kind, m.ics_method, m.to_email])).toEqual(
      registrations.map((r, i) => [
        r.id,
        i === 0 ? "registration.cancelled" : "registration.promoted",
        i === 0 ? "CANCEL" : "REQUEST",
        r.email,
      ]),
    );
    for (const [i, mail] of mails.entries()) {
      const data = JSON.parse(mail.data ?? "{}");
      const registration = registrations[i];
      expect(data).toMatchObject({
        session: { id: group.id, title: group.title, city: { name: "Leuven" } },
        registration: {
          id: registration?.id,
          ical_uid: registration?.ical_uid,
          ical_sequence: registration?.ical_sequence,
          name: registration?.name,
          email: registration?.email,
          locale: "nl-BE",
          status: registration?.status,
          calendar_reply: null,
        },
        publicUrl: expect.any(String),
        organizer: { email: expect.any(String) },
        waitlistPosition: null,
        ...(i === 0 ? { previousStatus: "confirmed" } : {}),
      });
      expect(Object.keys(data.links).sort()).toEqual(["checkinCode", "manageToken", "viewToken"]);
      expect(data.links.checkinCode === null).toBe(i === 0);
      await expectLinksOf(data);
    }
    // And they render as they did: an invite for each, the CANCEL for the seat given back.
    const sent = await rendered(mails);
    expect(sent.map((m) => m.ics?.includes(`METHOD:${m.ics_method}`))).toEqual(Array(6).fill(true));
  });

  it("takes no one off the waiting list for a cancelled place on it, in one statement and the commit", async () => {
    const session = await createSession({ capacity: 1 });
    for (const n of [1, 2, 3]) await signUp(session.slug, person(n), opts);
    const [, waiting] = await registrationsOf(session.id);
    const token = await manageTokenOf(waiting?.id);
    const statements = await statementsOf(() => cancelRegistration(token));
    if (TEST_DATABASE === "postgres") expect(underTheLock(statements)).toHaveLength(2);
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "cancelled",
      "waitlisted",
    ]);
    const [mail] = await queuedMailsOf(session.id, (await lastOutboxId()) - 1);
    expect(mail).toMatchObject({ kind: "registration.cancelled", ics_method: null });
    const data = JSON.parse(mail?.data ?? "{}");
    expect(data.previousStatus).toBe("waitlisted");
    expect(Object.keys(data.links).sort()).toEqual(["checkinCode", "manageToken"]);
    await expectLinksOf(data);
  });
});

describe("a raised capacity", () => {
  /** A session next week at 07:30 (minute-exact, as the form has it), two seats, eight people. */
  async function fullSession() {
    const date = brusselsDate(new Date(Date.now() + 7 * DAY).toISOString());
    const session = await createSession({
      capacity: 2,
      starts_at: brusselsTimeToInstant(date, "07:30"),
      ends_at: brusselsTimeToInstant(date, "09:00"),
    });
    for (let n = 1; n <= 8; n++) await signUp(session.slug, person(n), opts);
    return session;
  }

  async function raise(sessionId: number, by: number) {
    const values = (await sessionFormValues(sessionId)) as SessionFormValues;
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...values, capacity: String(2 + by) })) {
      for (const item of [value ?? []].flat()) form.append(name, String(item));
    }
    const input = parsed(sessionFormSchema, form);
    if (!input.ok) throw new Error(`invalid form: ${JSON.stringify(input.errors)}`);
    let result: unknown;
    const statements = await statementsOf(async () => {
      result = await updateSession(sessionId, input.data, { organiserId });
    });
    return { result, statements };
  }

  it("promotes five people in as many statements as one", async () => {
    const [a, b] = [await fullSession(), await fullSession()];
    const one = await raise(a.id, 1);
    const five = await raise(b.id, 5);
    expect(one.result).toEqual({ ok: true, reinvited: 0, promoted: 1, movedToWaitlist: 0 });
    expect(five.result).toEqual({ ok: true, reinvited: 0, promoted: 5, movedToWaitlist: 0 });
    expect(shapes(underTheLock(five.statements))).toEqual(shapes(underTheLock(one.statements)));
    expect((await registrationsOf(b.id)).map((r) => r.status)).toEqual([
      ...Array(7).fill("confirmed"),
      "waitlisted",
    ]);
    const mails = await queuedMailsOf(b.id, 0);
    const promoted = mails.filter((m) => m.kind === "registration.promoted");
    expect(promoted.map((m) => m.to_email)).toEqual([3, 4, 5, 6, 7].map((n) => person(n).email));
    for (const mail of promoted) await expectLinksOf(JSON.parse(mail.data ?? "{}"));
  });
});

/**
 * Who takes `free` seats, as the rule was written before it was SQL: in the list's order, one
 * person at a time, except a sign-up that asked to come together, one unit at the place of its
 * first; a unit that does not fit keeps its place and those behind it who fit go first.
 */
function whoFits(waiting: readonly Registration[], free: number): number[] {
  const units: Registration[][] = [];
  const unitOfGroup = new Map<string, Registration[]>();
  for (const person of waiting) {
    if (person.group_id === null || person.group_together !== 1) {
      units.push([person]);
      continue;
    }
    const unit = unitOfGroup.get(person.group_id);
    if (unit) unit.push(person);
    else {
      const first = [person];
      unitOfGroup.set(person.group_id, first);
      units.push(first);
    }
  }
  const chosen: number[] = [];
  let seats = free;
  for (const unit of units) {
    if (seats === 0) break;
    if (unit.length <= seats) {
      chosen.push(...unit.map((p) => p.id));
      seats -= unit.length;
    }
  }
  return chosen;
}

describe("who fits", () => {
  it("is who the rule says, seat after seat, through groups that come together and those that do not", async () => {
    const session = await createSession({ capacity: 0, max_group_size: 4 });
    // Sizes of the sign-ups in turn: negative ones come together or not at all.
    const signUps = [1, -3, 1, -2, 2, -4, 1, 1, -2, 3, 1, -3, 1];
    let n = 0;
    for (const size of signUps) {
      const people = Array.from({ length: Math.abs(size) }, () => person(100 + n++));
      const [first, ...colleagues] = people;
      await signUp(session.slug, first ?? person(0), {
        ...opts,
        colleagues: { people: colleagues, together: size < 0 },
      });
    }
    // An organiser moved someone to the front: the order is the queue's, not the sign-ups'.
    const { db } = database();
    const last = (await registrationsOf(session.id)).at(-1);
    await db
      .updateTable("registrations")
      .set({ queue_position: 0 })
      .where("id", "=", last?.id ?? 0)
      .execute();
    for (const raise of [1, 2, 1, 3, 2, 4, 1, 5, 3, 3]) {
      const waiting = (await registrationsOf(session.id))
        .filter((r) => r.status === "waitlisted")
        .sort((a, b) => a.queue_position - b.queue_position || a.id - b.id);
      const capacity = await writeTransaction(async (trx) => {
        await lockSession(trx, session.id);
        const row = await trx
          .updateTable("sessions")
          .set((eb) => ({ capacity: eb("capacity", "+", raise) }))
          .where("id", "=", session.id)
          .returning(["capacity", "seats_taken"])
          .executeTakeFirstOrThrow();
        const expected = whoFits(waiting, row.capacity - row.seats_taken);
        const promoted = await promoteFromWaitlist(trx, session.id, new Date().toISOString());
        expect(promoted.map((r) => r.id)).toEqual(expected);
        return row.capacity;
      });
      const seated = (await registrationsOf(session.id)).filter((r) => r.status === "confirmed");
      expect(seated.length).toBeLessThanOrEqual(capacity);
    }
    expect((await registrationsOf(session.id)).filter((r) => r.status === "waitlisted")).toEqual(
      [],
    );
  });
});

describe.skipIf(TEST_DATABASE !== "postgres")(
  "a cancellation waiting for the session's row",
  () => {
    /** Holds the session's row in another connection until `meanwhile` has run and committed. */
    async function whileHeld(sessionId: number, cancel: () => Promise<unknown>, meanwhile: string) {
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("begin");
        await other.query("select id from sessions where id = $1 for update", [sessionId]);
        const waiting = cancel();
        for (;;) {
          await other.query("select pg_stat_clear_snapshot()");
          const { rows } = await other.query(
            `select count(*)::int as n from pg_stat_activity
            where wait_event_type = 'Lock' and query like '%with locked as%''cancelled''%'`,
          );
          if (rows[0].n > 0) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        await other.query(meanwhile, [sessionId]);
        await other.query("commit");
        return await waiting;
      } finally {
        await other.end();
      }
    }

    const someoneAhead = `insert into registrations (session_id, ical_uid, ical_sequence, name,
      email, email_normalized, locale, status, consented_at, created_at, updated_at,
      queue_position, source)
    values ($1, 'vooraan@agenda.test', 0, 'Vooraan', 'vooraan@example.org', 'vooraan@example.org',
      'nl-BE', 'waitlisted', now()::text, now()::text, now()::text, 0, 'organiser')`;

    it("gives the seat to whoever is first on the waiting list once it has the row", async () => {
      const session = await createSession({ capacity: 1 });
      for (const n of [1, 2]) await signUp(session.slug, person(n), opts);
      const [seated] = await registrationsOf(session.id);
      const token = await manageTokenOf(seated?.id);
      const result = await whileHeld(session.id, () => cancelRegistration(token), someoneAhead);
      expect(result).toEqual({ ok: true, promoted: 1, previousStatus: "confirmed" });
      expect((await registrationsOf(session.id)).map((r) => [r.email, r.status])).toEqual([
        [person(1).email, "cancelled"],
        [person(2).email, "waitlisted"],
        ["vooraan@example.org", "confirmed"],
      ]);
    });

    it("reads the session again when it changed while the cancellation waited", async () => {
      const session = await createSession({ capacity: 1 });
      for (const n of [1, 2]) await signUp(session.slug, person(n), opts);
      const [seated, waiting] = await registrationsOf(session.id);
      const token = await manageTokenOf(seated?.id);
      const before = await lastOutboxId();
      const result = await whileHeld(
        session.id,
        () => cancelRegistration(token),
        `update sessions set title = 'Nieuwe titel', updated_at = now()::text where id = $1`,
      );
      expect(result).toEqual({ ok: true, promoted: 1, previousStatus: "confirmed" });
      const mails = await queuedMailsOf(session.id, before);
      expect(mails.map((m) => [m.registration_id, m.kind])).toEqual([
        [seated?.id, "registration.cancelled"],
        [waiting?.id, "registration.promoted"],
      ]);
      for (const mail of mails) {
        expect(JSON.parse(mail.data ?? "{}").session.title).toBe("Nieuwe titel");
      }
    });
  },
);
