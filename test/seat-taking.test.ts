import pg from "pg";
import { describe, expect, it } from "vitest";
import { answerField } from "../app/lib/questions";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { TEST_DATABASE } from "./support/database";
import { addQuestions, createSession, person, registrationsOf } from "./support/factories";
import { send } from "./support/http";
import { statementsOf } from "./support/statements";
import { manageTokenOf } from "./support/tokens";

/** The seats and waiting places the session's row holds, and those its registrations count. */
async function countsOf(sessionId: number) {
  const { db } = database();
  const row = await db
    .selectFrom("sessions")
    .select(["seats_taken", "waiting_count"])
    .where("id", "=", sessionId)
    .executeTakeFirstOrThrow();
  const registrations = await registrationsOf(sessionId);
  return {
    onRow: { seats: row.seats_taken, waiting: row.waiting_count },
    counted: {
      seats: registrations.filter((r) => r.status === "confirmed" && r.source !== "door").length,
      waiting: registrations.filter((r) => r.status === "waitlisted").length,
    },
  };
}

const opts = { locale: "nl-BE" as const };

describe("a sign-up's seat", () => {
  it("is decided and stored in the one statement that locks the session, whatever the sign-up brings", async () => {
    const session = await createSession({ capacity: 2, max_group_size: 3 });
    const [dietary] = await addQuestions(session.id);
    const field = answerField(dietary ?? 0);
    const statements = await statementsOf(async () => {
      const response = await send(`/sessies/${session.slug}`, {
        form: {
          name: "Ann Peeters",
          email: "ann@example.org",
          consent: "on",
          [field]: "Vegetarisch",
          "colleague1.name": "Bert Claes",
          "colleague1.email": "bert@example.org",
          [`colleague1.${field}`]: "",
          "colleague2.name": "Cis Maes",
          "colleague2.email": "cis@example.org",
          [`colleague2.${field}`]: "Geen noten",
        },
      });
      expect(response.status).toBe(302);
    });

    const storing = statements.filter((s) => s.includes("insert into registrations"));
    expect(storing).toHaveLength(1);
    const [statement = ""] = storing;
    // Decided from the counts on the locked row, not from a count of registrations.
    expect(statement).toContain("seats_taken");
    if (TEST_DATABASE === "postgres") {
      // The lock, the decision and every row of the sign-up: one statement, the last one.
      expect(statements.filter((s) => s.includes("for update"))).toEqual([statement]);
      for (const table of ["registration_tokens", "registration_answers", "outbox"]) {
        expect(statement).toContain(`insert into ${table}`);
        expect(statements.filter((s) => s.includes(`insert into ${table}`))).toHaveLength(1);
      }
      // After it, the commit, and what runs once the transaction is over: old counts swept
      // now and then.
      const after = statements.slice(statements.indexOf(statement) + 1);
      expect(after.filter((s) => !s.startsWith('delete from "rate_limit_hits"'))).toEqual([
        "commit",
      ]);
    } else {
      // One writer: the lock is the transaction's, taken before the decision.
      expect(statements.filter((s) => s.startsWith("begin immediate"))).toHaveLength(1);
    }

    // Three people, two seats, together (the form's default): all three wait.
    const registrations = await registrationsOf(session.id);
    expect(registrations.map((r) => r.status)).toEqual(["waitlisted", "waitlisted", "waitlisted"]);
    const mails = await database()
      .db.selectFrom("outbox")
      .select(["kind", "data", "registration_id"])
      .where(
        "registration_id",
        "in",
        registrations.map((r) => r.id),
      )
      .orderBy("registration_id")
      .execute();
    expect(mails.map((m) => m.kind)).toEqual(Array(3).fill("registration.waitlisted"));
    expect(
      mails.map((m) => {
        const data = JSON.parse(m.data ?? "{}");
        return [data.registration.id === m.registration_id, data.waitlistPosition];
      }),
    ).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
    ]);
    const answers = await database()
      .db.selectFrom("registration_answers")
      .select("value")
      .where(
        "registration_id",
        "in",
        registrations.map((r) => r.id),
      )
      .execute();
    expect(answers.map((a) => a.value).sort()).toEqual(["Geen noten", "Vegetarisch"]);
    expect(await countsOf(session.id)).toEqual({
      onRow: { seats: 0, waiting: 3 },
      counted: { seats: 0, waiting: 3 },
    });
  });

  it("keeps the counts on the session row exact through sign-ups, cancellations and deletions", async () => {
    const session = await createSession({ capacity: 3 });
    await Promise.all(Array.from({ length: 8 }, (_, n) => signUp(session.slug, person(n), opts)));
    const first = (await registrationsOf(session.id)).find((r) => r.status === "confirmed");
    await cancelRegistration(await manageTokenOf(first?.id));
    // By hand, as no model does: a seat given back to the waiting list, and a person deleted.
    const { db } = database();
    const [seated] = (await registrationsOf(session.id)).filter((r) => r.status === "confirmed");
    await db
      .updateTable("registrations")
      .set({ status: "waitlisted" })
      .where("id", "=", seated?.id ?? 0)
      .execute();
    const waiting = (await registrationsOf(session.id)).find((r) => r.status === "waitlisted");
    for (const table of ["registration_tokens", "outbox"] as const) {
      await db
        .deleteFrom(table)
        .where("registration_id", "=", waiting?.id ?? 0)
        .execute();
    }
    await db
      .deleteFrom("registrations")
      .where("id", "=", waiting?.id ?? 0)
      .execute();
    const { onRow, counted } = await countsOf(session.id);
    expect(onRow).toEqual(counted);
    expect(counted).toEqual({ seats: 2, waiting: 4 });
  });

  it.skipIf(TEST_DATABASE !== "postgres")(
    "is not given twice when the last seat went while the sign-up waited for the lock",
    async () => {
      const session = await createSession({ capacity: 1 });
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        // Another instance holds the row, and gives the last seat while a sign-up waits for it.
        await other.query("begin");
        await other.query("select id from sessions where id = $1 for update", [session.id]);
        const waiting = signUp(session.slug, person(1), opts);
        for (;;) {
          // The activity view is read once per transaction unless told to look again.
          await other.query("select pg_stat_clear_snapshot()");
          const { rows } = await other.query(
            `select count(*)::int as n from pg_stat_activity
              where wait_event_type = 'Lock' and query like '%with locked as%seats_taken%'`,
          );
          if (rows[0].n > 0) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        await other.query(
          `insert into registrations (session_id, ical_uid, ical_sequence, name, email,
             email_normalized, locale, status, consented_at, created_at, updated_at,
             queue_position, source)
           values ($1, 'elders@agenda.test', 0, 'Elders', 'elders@example.org',
             'elders@example.org', 'nl-BE', 'confirmed', now()::text, now()::text,
             now()::text, 0, 'organiser')`,
          [session.id],
        );
        await other.query("commit");
        expect(await waiting).toEqual({ ok: true });
      } finally {
        await other.end();
      }
      const statuses = (await registrationsOf(session.id)).map((r) => r.status);
      expect(statuses).toEqual(["confirmed", "waitlisted"]);
      expect((await countsOf(session.id)).onRow).toEqual({ seats: 1, waiting: 1 });
    },
  );
});
