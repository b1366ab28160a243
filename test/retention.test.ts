import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  ANONYMISED_NAME,
  anonymisedEmail,
  anonymiseRegistration,
  applyRetention,
  runDailyRetention,
} from "../app/models/personal-data.server";
import { registrationKeys, signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { processOutbox, startOutboxWorker } from "../worker/outbox.server";
import type { MailTransport } from "../worker/transport.server";
import { addQuestions, createSession, person, registrationsOf } from "./support/factories";

const opts = { locale: "nl-BE" as const };
const DAY = 24 * 3_600_000;

const delivered: MailTransport = { send: async () => ({ id: "ok" }), close: () => {} };

const plus = (instant: string, duration: Record<string, number>) =>
  DateTime.fromISO(instant, { zone: "utc" }).plus(duration).toISO() as string;

/** Per session: how many registrations of each status, and how many checked in. */
async function countsOf(sessionId: number) {
  const rows = await registrationsOf(sessionId);
  const counts: Record<string, number> = { checkedIn: 0 };
  for (const row of rows) {
    counts[row.status] = (counts[row.status] ?? 0) + 1;
    if (row.checked_in_at) counts.checkedIn = (counts.checkedIn ?? 0) + 1;
  }
  return counts;
}

async function mailsOfRegistrations(ids: number[]) {
  return database()
    .db.selectFrom("outbox")
    .selectAll()
    .where("registration_id", "in", ids)
    .orderBy("id")
    .execute();
}

async function tokensOf(ids: number[]) {
  return database()
    .db.selectFrom("registration_tokens")
    .select("registration_id")
    .where("registration_id", "in", ids)
    .execute();
}

describe("retention", () => {
  it("anonymises the registrations of sessions that ended more than RETENTION_MONTHS ago, keeps the counts, and empties old sent mail", async () => {
    const { db } = database();
    // Old ends in a week and a bit; recent two months after it. The clock then moves to 13
    // months after old's end: old ended 13 months ago, recent 11.
    const old = await createSession({ capacity: 2 });
    const [dietary = 0] = await addQuestions(old.id);
    const recent = await createSession({
      capacity: 2,
      starts_at: plus(old.starts_at, { months: 2 }),
      ends_at: plus(old.ends_at, { months: 2 }),
    });
    const now = plus(old.ends_at, { months: 13 });
    expect(plus(recent.ends_at, { months: 11 }) <= now).toBe(true);
    expect(plus(recent.ends_at, { months: 12 }) > now).toBe(true);

    for (const n of [1, 2, 3]) {
      await signUp(
        old.slug,
        person(n, {
          name: `Oud ${n}`,
          email: `oud${n}@example.org`,
          organisation: "Bakkerij Peeters",
          enterpriseNumber: "0123.456.749",
          answers: [{ questionId: dietary, value: "vegetarisch" }],
        }),
        opts,
      );
    }
    for (const n of [1, 2, 3]) {
      await signUp(
        recent.slug,
        person(n, { name: `Recent ${n}`, email: `recent${n}@example.org`, organisation: "Unizo" }),
        opts,
      );
    }
    const [firstOld] = await registrationsOf(old.id);
    await db
      .updateTable("registrations")
      .set({ checked_in_at: old.starts_at })
      .where("id", "=", firstOld?.id ?? 0)
      .execute();
    await processOutbox(delivered);

    // Mail in every state: sent long ago (all of the above), sent lately, failed, pending.
    const recentRows = await registrationsOf(recent.id);
    const [recentMail, failedMail] = await mailsOfRegistrations(recentRows.map((r) => r.id));
    await db
      .updateTable("outbox")
      .set({ sent_at: plus(now, { days: -5 }) })
      .where("id", "=", recentMail?.id ?? 0)
      .execute();
    await db
      .updateTable("outbox")
      .set({ status: "failed", sent_at: null, last_error: "550 no such user" })
      .where("id", "=", failedMail?.id ?? 0)
      .execute();
    await signUp(recent.slug, person(4, { email: "recent4@example.org" }), opts);
    const pendingMail = (
      await mailsOfRegistrations((await registrationsOf(recent.id)).map((r) => r.id))
    ).find((mail) => mail.status === "pending");
    expect(pendingMail).toBeDefined();

    const before = { old: await countsOf(old.id), recent: await countsOf(recent.id) };
    const recentBefore = await registrationsOf(recent.id);
    const oldMailsBefore = await mailsOfRegistrations(
      (await registrationsOf(old.id)).map((r) => r.id),
    );
    expect(oldMailsBefore.length).toBeGreaterThan(0);

    // What their calendars answered goes with them.
    await db
      .updateTable("registrations")
      .set({ calendar_reply: "accepted", calendar_replied_at: plus(now, { days: -60 }) })
      .where("session_id", "=", old.id)
      .execute();

    const answered = () =>
      db
        .selectFrom("registration_answers")
        .selectAll()
        .where("question_id", "=", dietary)
        .execute();
    expect(await answered()).toHaveLength(3);
    const run = await applyRetention({ now });
    expect(run.registrations).toBe(3);

    // Old: no person left, the same counts.
    const oldAfter = await registrationsOf(old.id);
    for (const row of oldAfter) {
      expect(row).toMatchObject({
        name: ANONYMISED_NAME,
        email: anonymisedEmail(row.id),
        email_normalized: anonymisedEmail(row.id),
        organisation: null,
        enterprise_number: null,
        calendar_reply: null,
        calendar_replied_at: null,
        anonymised_at: now,
      });
    }
    expect(await tokensOf(oldAfter.map((r) => r.id))).toEqual([]);
    // Their answers went with them.
    expect(await answered()).toEqual([]);
    expect(await countsOf(old.id)).toEqual(before.old);
    expect(before.old).toEqual({ checkedIn: 1, confirmed: 2, waitlisted: 1 });
    for (const mail of await mailsOfRegistrations(oldAfter.map((r) => r.id))) {
      expect(mail).toMatchObject({ to_email: "", to_name: "", subject: "", html: "", text: "" });
      expect(mail.ics).toBeNull();
      expect(mail.data).toBeNull();
      expect(mail.body_purged_at).toBe(now);
    }

    // Recent: untouched, its mail kept where it should be.
    expect(await registrationsOf(recent.id)).toEqual(recentBefore);
    expect(await countsOf(recent.id)).toEqual(before.recent);
    expect((await tokensOf(recentBefore.map((r) => r.id))).length).toBeGreaterThanOrEqual(3);
    const recentMails = await mailsOfRegistrations(recentBefore.map((r) => r.id));
    const byId = new Map(recentMails.map((mail) => [mail.id, mail]));
    for (const id of [recentMail?.id, failedMail?.id, pendingMail?.id]) {
      const mail = byId.get(id ?? 0);
      expect(mail?.body_purged_at).toBeNull();
      expect(mail?.to_email).toMatch(/^recent\d@example\.org$/);
      // Sent mail holds its rendered body; mail still waiting, the snapshot it is made from.
      expect(mail?.subject || mail?.data).toBeTruthy();
    }
    // The other mail of the recent session was sent 13 months "ago": its body is gone.
    const oldSent = recentMails.filter(
      (mail) => mail.status === "sent" && mail.id !== recentMail?.id,
    );
    expect(oldSent.length).toBeGreaterThan(0);
    for (const mail of oldSent)
      expect(mail).toMatchObject({ to_email: "", html: "", body_purged_at: now });

    // Again: nothing more changes.
    const snapshot = {
      registrations: await db.selectFrom("registrations").selectAll().orderBy("id").execute(),
      outbox: await db.selectFrom("outbox").selectAll().orderBy("id").execute(),
    };
    await expect(applyRetention({ now: plus(now, { hours: 1 }) })).resolves.toEqual({
      registrations: 0,
      mails: 0,
      doorAccounts: 0,
      pseudonyms: 0,
      refusedAddresses: 0,
    });
    expect(await db.selectFrom("registrations").selectAll().orderBy("id").execute()).toEqual(
      snapshot.registrations,
    );
    expect(await db.selectFrom("outbox").selectAll().orderBy("id").execute()).toEqual(
      snapshot.outbox,
    );
  });

  it("anonymises and empties mail in batches, changing exactly what one statement over all that is due would", async () => {
    const { db } = database();
    const old = await createSession({ capacity: 200 });
    const older = await createSession({
      capacity: 5,
      starts_at: plus(old.starts_at, { days: -3 }),
      ends_at: plus(old.ends_at, { days: -3 }),
    });
    const recent = await createSession({
      capacity: 5,
      starts_at: plus(old.starts_at, { months: 2 }),
      ends_at: plus(old.ends_at, { months: 2 }),
    });
    const now = plus(old.ends_at, { months: 13 });
    const endedBefore = plus(now, { months: -12 });
    const sentBefore = plus(now, { days: -30 });

    // More registrations in one session than a transaction anonymises, and more sent mail than
    // one statement empties.
    const ids: number[] = [];
    for (const [session, count] of [
      [old, 130],
      [older, 4],
      [recent, 4],
    ] as const) {
      const rows = Array.from({ length: count }, (_, n) => {
        const email = `batch-${session.id}-${n}@example.org`;
        return {
          session_id: session.id,
          ...registrationKeys(session.starts_at),
          name: `Deelnemer ${n}`,
          email,
          email_normalized: email,
          organisation: "Bakkerij Peeters",
          enterprise_number: null,
          locale: "nl-BE",
          status: "confirmed" as const,
          consented_at: session.starts_at,
          created_at: session.starts_at,
          updated_at: session.starts_at,
          confirmed_at: session.starts_at,
          cancelled_at: null,
          checked_in_at: null,
          person_key: `batch-${session.id}-${n}`,
        };
      });
      const inserted = await db.insertInto("registrations").values(rows).returning("id").execute();
      ids.push(...inserted.map((row) => row.id));
    }
    const mails = Array.from({ length: 1200 }, (_, n) => ({
      kind: "confirmation",
      // Of people kept: an anonymised registration's mail is emptied with it, not by this step.
      registration_id: ids.at(-1 - (n % 4)) ?? null,
      to_email: `batch-${n}@example.org`,
      to_name: `Deelnemer ${n}`,
      subject: "Bevestiging",
      html: "<p>Bevestigd</p>",
      text: "Bevestigd",
      status: "sent" as const,
      attempts: 1,
      next_attempt_at: old.starts_at,
      created_at: old.starts_at,
      // Most sent long ago, some within the days mail keeps its body.
      sent_at: n % 7 === 0 ? plus(now, { days: -5 }) : plus(now, { days: -40 - (n % 300) }),
    }));
    for (let at = 0; at < mails.length; at += 200) {
      await db
        .insertInto("outbox")
        .values(mails.slice(at, at + 200))
        .execute();
    }

    // What one statement over everything due would change.
    const dueRegistrations = await db
      .selectFrom("registrations")
      .innerJoin("sessions", "sessions.id", "registrations.session_id")
      .select("registrations.id")
      .where("sessions.ends_at", "<", endedBefore)
      .where("registrations.anonymised_at", "is", null)
      .orderBy("registrations.id")
      .execute();
    const dueMails = await db
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "sent")
      .where("sent_at", "<", sentBefore)
      .where("body_purged_at", "is", null)
      .orderBy("id")
      .execute();
    expect(dueRegistrations.length).toBeGreaterThan(130);
    expect(dueMails.length).toBeGreaterThan(1000);

    const run = await applyRetention({ now, retentionMonths: 12, outboxKeepDays: 30 });
    expect(run.registrations).toBe(dueRegistrations.length);
    expect(run.mails).toBe(dueMails.length);
    expect(
      await db
        .selectFrom("registrations")
        .select("id")
        .where("anonymised_at", "=", now)
        .orderBy("id")
        .execute(),
    ).toEqual(dueRegistrations);
    expect(
      await db
        .selectFrom("outbox")
        .select("id")
        .where("body_purged_at", "=", now)
        .orderBy("id")
        .execute(),
    ).toEqual(dueMails);
    expect((await registrationsOf(recent.id)).every((row) => row.anonymised_at === null)).toBe(
      true,
    );
    await expect(
      applyRetention({ now, retentionMonths: 12, outboxKeepDays: 30 }),
    ).resolves.toMatchObject({ registrations: 0, mails: 0 });
  });

  it("forgets organisers' client addresses in old log entries, and sign-ins and links that expired", async () => {
    const { db } = database();
    const now = "2027-12-01T09:00:00.000Z";
    const organiser = await db
      .insertInto("organisers")
      .values({
        email: "bewaring@leuven.test",
        name: "Bewaring",
        password_hash: "x",
        role: "admin",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const entry = (created_at: string) => ({
      organiser_id: organiser.id,
      action: "organiser.signIn",
      subject_type: "organiser",
      subject_id: organiser.id,
      summary: "",
      details: "{}",
      client_address: "192.0.2.44",
      created_at,
    });
    await db
      .insertInto("audit_log")
      .values([entry(plus(now, { months: -13 })), entry(plus(now, { months: -1 }))])
      .execute();
    const session = (token_hash: string, expires_at: string) => ({
      token_hash,
      organiser_id: organiser.id,
      created_at: plus(expires_at, { hours: -12 }),
      expires_at,
    });
    await db
      .insertInto("auth_sessions")
      .values([
        session("verlopen", plus(now, { hours: -1 })),
        session("geldig", plus(now, { hours: 1 })),
      ])
      .execute();

    await applyRetention({ now });

    const addresses = await db
      .selectFrom("audit_log")
      .select(["created_at", "client_address"])
      .where("organiser_id", "=", organiser.id)
      .orderBy("created_at")
      .execute();
    expect(addresses.map((a) => a.client_address)).toEqual([null, "192.0.2.44"]);
    const sessions = await db
      .selectFrom("auth_sessions")
      .select("token_hash")
      .where("organiser_id", "=", organiser.id)
      .execute();
    expect(sessions.map((s) => s.token_hash)).toEqual(["geldig"]);
  });

  it("anonymising one registration twice changes nothing the second time, and frees its address for a new sign-up", async () => {
    const session = await createSession({ capacity: 3 });
    await signUp(session.slug, person(1, { email: "twice@example.org" }), opts);
    const [row] = await registrationsOf(session.id);
    const id = row?.id ?? 0;
    const now = new Date().toISOString();
    await expect(writeTransaction((trx) => anonymiseRegistration(trx, id, now))).resolves.toBe(
      true,
    );
    const after = await registrationsOf(session.id);
    await expect(
      writeTransaction((trx) => anonymiseRegistration(trx, id, plus(now, { days: 1 }))),
    ).resolves.toBe(false);
    expect(await registrationsOf(session.id)).toEqual(after);
    // The pending confirmation to the old address is not sent any more.
    expect((await mailsOfRegistrations([id])).filter((mail) => mail.status === "pending")).toEqual(
      [],
    );
    await expect(writeTransaction((trx) => anonymiseRegistration(trx, 999_999, now))).resolves.toBe(
      false,
    );
  });

  it("runs once a day however many workers ask, racing or not", async () => {
    const now = new Date(Date.now() + 400 * DAY).toISOString();
    // Four workers asking at once (on PostgreSQL, each on a connection of the pool).
    {
      const results = await Promise.all([
        runDailyRetention({ now }),
        runDailyRetention({ now }),
        runDailyRetention({ now }),
        runDailyRetention({ now }),
      ]);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      await expect(runDailyRetention({ now: plus(now, { hours: 5 }) })).resolves.toBeNull();
      const runs = await database()
        .db.selectFrom("maintenance_runs")
        .selectAll()
        .where("day", "=", now.slice(0, 10))
        .execute();
      expect(runs).toHaveLength(1);
      expect(runs[0]?.finished_at).not.toBeNull();
      // The next day runs again.
      await expect(runDailyRetention({ now: plus(now, { days: 1 }) })).resolves.not.toBeNull();
    }
  });

  it("gives the day back when a run is stopped halfway, so another worker finishes it", async () => {
    const now = new Date(Date.now() + 800 * DAY).toISOString();
    await expect(runDailyRetention({ now, stopping: () => true })).resolves.toEqual({
      registrations: 0,
      mails: 0,
      doorAccounts: 0,
      pseudonyms: 0,
      refusedAddresses: 0,
    });
    await expect(runDailyRetention({ now })).resolves.not.toBeNull();
  });

  it("is asked for by the mail worker once, not on every poll", async () => {
    let runs = 0;
    let rounds = 0;
    let fiveRounds: () => void = () => {};
    const counted = new Promise<void>((resolve) => {
      fiveRounds = resolve;
    });
    const worker = startOutboxWorker(delivered, {
      pollMs: 5,
      daily: async () => {
        runs++;
      },
      // Each round starts with its tasks: this one counts them.
      tasks: [
        async () => {
          if (++rounds === 5) fiveRounds();
        },
      ],
    });
    await counted;
    await worker.stop();
    expect(rounds).toBeGreaterThanOrEqual(5);
    expect(runs).toBe(1);
  });
});
