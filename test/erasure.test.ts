import { randomBytes } from "node:crypto";
import ICAL from "ical.js";
import type { Kysely } from "kysely";
import type { SendMailOptions } from "nodemailer/lib/mailer";
import { beforeAll, describe, expect, it } from "vitest";
import { dietaryQuestion, questionOf } from "../app/lib/questions";
import { hashToken, resolveRegistrationTokenIn } from "../app/models/registration-token.server";
import { database } from "../db/client";
import { migrations } from "../db/migrations";
import type { Database, SessionQuestion } from "../db/schema";
import { processOutbox, renderQueued } from "../worker/outbox.server";
import type { MailTransport } from "../worker/transport.server";
import {
  addQuestions,
  createSession,
  person,
  question,
  registrationsOf,
} from "./support/factories";
import { expectNoticeOnce } from "./support/form-page";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";
import { migrate, olderSession, scratchDatabase } from "./support/scratch-database";
import { manageTokenIn } from "./support/tokens";

/**
 * The right to see and to erase one's data, through HTTP against the built app: the download
 * holds what was entered, erasing cancels (CANCEL first, the waiting list moves up) and leaves
 * the address nowhere in the database, and the manage link then answers 410.
 */

const ADDRESS = "Erika.Wis@Example.org";
const FOUND = ADDRESS.toLowerCase();
let adminCookie = "";

const sent: SendMailOptions[] = [];
const transport: MailTransport = {
  async send(message) {
    sent.push(message);
    return { id: String(sent.length) };
  },
  close() {},
};

/** Every row of every table (found by introspection) that holds `needle` in any column. */
async function rowsHolding(needle: string) {
  const { db } = database();
  const tables = await db.introspection.getTables();
  const found: { table: string; row: Record<string, unknown> }[] = [];
  for (const table of tables) {
    const rows = await db
      .selectFrom(table.name as keyof Database)
      .selectAll()
      .execute();
    for (const row of rows) {
      if (JSON.stringify(row).toLowerCase().includes(needle.toLowerCase())) {
        found.push({ table: table.name, row: row as Record<string, unknown> });
      }
    }
  }
  return found;
}

/** The newest mail of a kind, rendered as the worker renders it before sending. */
async function mailOf(registrationId: number, kind: string) {
  return renderQueued(
    await database()
      .db.selectFrom("outbox")
      .selectAll()
      .where("registration_id", "=", registrationId)
      .where("kind", "=", kind)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow(),
  );
}

beforeAll(async () => {
  adminCookie = await signedIn("admin");
});

describe("a person's own data", () => {
  it("downloads what was entered, erases it everywhere, and the link then says so", async () => {
    const session = await createSession({ capacity: 1, kind: "breakfast" });
    const [dietary, wheelchair] = await addQuestions(session.id, [
      dietaryQuestion(),
      question("yesNo", "Kom je met een rolstoel?"),
    ]);
    const entered = person(1, {
      name: "Erika Wis",
      email: ADDRESS,
      organisation: "Wis & Co",
      enterpriseNumber: "0203.201.340",
    });
    const form = {
      name: entered.name,
      email: entered.email,
      organisation: entered.organisation ?? "",
      enterpriseNumber: entered.enterpriseNumber ?? "",
      [`q${dietary}`]: "Notenvrij en lactosevrij",
      [`q${wheelchair}`]: "yes",
      consent: "on",
    };
    expect((await send(`/sessies/${session.slug}`, { form })).status).toBe(302);
    const waiting = { name: "Wout Wachter", email: "wout.wachter@example.org", consent: "on" };
    expect((await send(`/sessies/${session.slug}`, { form: waiting })).status).toBe(302);
    const [erika, wout] = await registrationsOf(session.id);
    if (!erika || !wout) throw new Error("two sign-ups expected");
    expect([erika.status, wout.status]).toEqual(["confirmed", "waitlisted"]);

    const confirmation = await mailOf(erika.id, "registration.confirmed");
    const token = manageTokenIn(confirmation.text);
    const qr = /\/inchecken\/([\w-]+)\/qr\.png/.exec(confirmation.html)?.[1] ?? "";
    expect(qr).not.toBe("");
    // The confirmation leaves, so that sent mail holds the address too.
    await processOutbox(transport);

    // Hashed tokens: the manage token and the check-in code are stored nowhere as they are, but
    // in the one mail that carries them (its body is the message as it went out; the retention
    // run empties sent mail after OUTBOX_KEEP_DAYS).
    for (const secret of [token, qr]) {
      const holding = await rowsHolding(secret);
      expect(holding.map(({ table, row }) => [table, row.id])).toEqual([
        ["outbox", confirmation.id],
      ]);
    }
    // The invite's DESCRIPTION links the view page, by a token of its own, hashed as well.
    const description = String(
      new ICAL.Component(ICAL.parse(confirmation.ics ?? ""))
        .getFirstSubcomponent("vevent")
        ?.getFirstPropertyValue("description"),
    );
    const view = /\/inschrijving\/bekijken\/([\w-]+)/.exec(description)?.[1] ?? "";
    expect(view).not.toBe("");
    const hashed = await database()
      .db.selectFrom("registration_tokens")
      .select("purpose")
      .where("token_hash", "in", [hashToken(token), hashToken(qr), hashToken(view)])
      .orderBy("purpose")
      .execute();
    expect(hashed.map((row) => row.purpose)).toEqual(["checkin", "manage", "view"]);
    expect((await send(`/inschrijving/bekijken/${view}`)).status).toBe(200);
    expect((await send(`/inchecken/${qr}/qr.png`)).status).toBe(200);

    const download = await send(`/inschrijving/${token}/gegevens.json`);
    expect(download.status).toBe(200);
    expect(download.headers.get("Cache-Control")).toBe("private, no-store");
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    const data = await download.json();
    expect(data.person).toEqual({
      name: "Erika Wis",
      email: ADDRESS,
      organisation: "Wis & Co",
      enterpriseNumber: "0203.201.340",
      language: "nl-BE",
    });
    expect(data.answers).toEqual([
      { question: "Voedingswensen of allergieën", answer: "Notenvrij en lactosevrij" },
      { question: "Kom je met een rolstoel?", answer: "Ja" },
    ]);
    expect(data.session).toMatchObject({
      title: session.title,
      startsAt: session.starts_at,
      venue: session.venue_name,
    });
    expect(data.registration).toMatchObject({
      status: "confirmed",
      signedUpAt: erika.created_at,
      consentedAt: erika.consented_at,
      checkedInAt: null,
    });
    expect(data.mails).toEqual([
      expect.objectContaining({ kind: "registration.confirmed", subject: confirmation.subject }),
    ]);
    expect(data.mails[0].sentAt).toBeTruthy();

    // Before: the address is in the registration and in the mail sent to it, her answers in
    // the table of answers.
    const before = await rowsHolding(FOUND);
    expect(new Set(before.map((r) => r.table))).toEqual(new Set(["registrations", "outbox"]));
    const answered = await rowsHolding("Notenvrij en lactosevrij");
    expect(answered.map(({ table, row }) => [table, row.registration_id])).toEqual([
      ["registration_answers", erika.id],
    ]);
    const answersOfErika = () =>
      database()
        .db.selectFrom("registration_answers")
        .selectAll()
        .where("registration_id", "=", erika.id)
        .execute();
    expect(await answersOfErika()).toHaveLength(2);

    // Two steps: the button opens the confirmation, the confirmation erases.
    const page = await (await send(`/inschrijving/${token}`)).text();
    expect(page).toContain("Wis mijn gegevens");
    const confirm = await (await send(`/inschrijving/${token}?wissen`)).text();
    expect(confirm).toContain("Ja, wis mijn gegevens");
    const erased = await send(`/inschrijving/${token}`, { form: { intent: "erase" } });
    expect(erased.status).toBe(302);
    expect(erased.headers.get("location")).toBe(`/inschrijving/${token}`);

    // The waiting list moved up: Wout has the seat and an invite.
    const [, promoted] = await registrationsOf(session.id);
    expect(promoted?.status).toBe("confirmed");
    const invite = await mailOf(wout.id, "registration.promoted");
    expect(invite.ics_method).toBe("REQUEST");
    expect(invite.to_email).toBe("wout.wachter@example.org");

    // The manage link, the download and the QR code lead to no one; an unknown token stays 404.
    const gone = await send(`/inschrijving/${token}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("Deze gegevens zijn gewist");
    expect((await send(`/inschrijving/${token}/gegevens.json`)).status).toBe(410);
    expect((await send(`/inschrijving/${token}`, { form: { intent: "cancel" } })).status).toBe(404);
    expect((await send(`/inschrijving/${"x".repeat(32)}`)).status).toBe(404);
    expect((await send(`/inschrijving/${"x".repeat(32)}/gegevens.json`)).status).toBe(404);
    expect((await send(`/inchecken/${qr}/qr.png`)).status).toBe(404);
    expect((await send(`/inschrijving/bekijken/${view}`)).status).toBe(410);

    // Organisers see the seat count, not the person.
    for (const path of [
      `/beheer/sessies/${session.id}`,
      `/beheer/sessies/${session.id}/export?formaat=csv`,
      "/beheer/logboek",
    ]) {
      const response = await send(path, { cookie: adminCookie });
      expect(response.status, path).toBe(200);
      const body = (await response.text()).toLowerCase();
      expect(body, path).not.toContain(FOUND);
      expect(body, path).not.toContain("erika");
    }

    // The log says an erasure happened, at the person's own request, without naming them.
    const log = await (await send("/beheer/logboek", { cookie: adminCookie })).text();
    expect(log).toContain("gewist op eigen vraag");

    // The one row left holding the address is the CANCEL that must still reach the calendar.
    const left = await rowsHolding(FOUND);
    expect(left.map(({ table, row }) => [table, row.kind, row.ics_method, row.status])).toEqual([
      ["outbox", "registration.cancelled", "CANCEL", "pending"],
    ]);
    sent.length = 0;
    await processOutbox(transport);
    const cancel = sent.find((mail) => JSON.stringify(mail.to).toLowerCase().includes(FOUND));
    expect(JSON.stringify(cancel?.icalEvent)).toContain("METHOD:CANCEL");
    // Once sent, it is emptied too: the address is nowhere.
    expect(await rowsHolding(FOUND)).toEqual([]);
    expect(await rowsHolding("Erika")).toEqual([]);
    expect(await rowsHolding("0203.201.340")).toEqual([]);
    expect(await rowsHolding("Notenvrij")).toEqual([]);
    expect(await answersOfErika()).toEqual([]);
  });

  it("lets an admin erase one address across every session", async () => {
    const address = "Piet.Overal@Example.org";
    const sessions = [await createSession(), await createSession()];
    for (const session of sessions) {
      const form = { name: "Piet Overal", email: address, consent: "on" };
      expect((await send(`/sessies/${session.slug}`, { form })).status).toBe(302);
    }
    await processOutbox(transport);
    expect((await rowsHolding(address)).length).toBeGreaterThan(0);

    const refused = await send("/beheer/persoonsgegevens", {
      form: { email: address },
      cookie: adminCookie,
    });
    expect(refused.status).toBe(400);
    const done = await send("/beheer/persoonsgegevens", {
      form: { email: address, confirmed: "on" },
      cookie: adminCookie,
    });
    await expectNoticeOnce(done, "2 inschrijvingen gewist", adminCookie);
    const log = await (await send("/beheer/logboek", { cookie: adminCookie })).text();
    // Counted in the page's markup, before the scripts that carry the same data again.
    const shown = log.split("<script")[0] ?? "";
    expect(shown.match(/op vraag van de persoon, door de beheerder/g)).toHaveLength(2);

    const left = await rowsHolding(address);
    expect(left.map(({ row }) => [row.kind, row.ics_method, row.status])).toEqual([
      ["registration.cancelled", "CANCEL", "pending"],
      ["registration.cancelled", "CANCEL", "pending"],
    ]);
    await processOutbox(transport);
    expect(await rowsHolding(address)).toEqual([]);
    for (const session of sessions) {
      const [registration] = await registrationsOf(session.id);
      expect(registration).toMatchObject({ status: "cancelled" });
      expect(registration?.anonymised_at).toBeTruthy();
    }
  });
});

describe("the migration to hashed tokens", () => {
  it("hashes the tokens of existing registrations, which keep working", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // The schema before the migration, which the app's types no longer describe.
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      const before = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < "2026-11-26T12-30"),
      );
      await migrate(db, before);
      const now = new Date().toISOString();
      const session = await olderSession(db, { kind: "info" });
      const plain = [1, 2].map(() => ({
        manage: randomBytes(24).toString("base64url"),
        checkin: randomBytes(16).toString("base64url"),
      }));
      const ids: number[] = [];
      for (const [n, tokens] of plain.entries()) {
        const row = await db
          .insertInto("registrations")
          .values({
            session_id: session.id,
            ical_uid: `oud-${n}@test`,
            ical_sequence: 0,
            manage_token: tokens.manage,
            checkin_code: tokens.checkin,
            name: `Oud ${n}`,
            email: `oud${n}@example.org`,
            email_normalized: `oud${n}@example.org`,
            locale: "nl-BE",
            status: "confirmed",
            consented_at: now,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.push(row.id);
        await db
          .insertInto("outbox")
          .values({
            kind: "registration.confirmed",
            registration_id: row.id,
            to_email: `oud${n}@example.org`,
            to_name: `Oud ${n}`,
            subject: "Bevestiging",
            html: "",
            text: "",
            status: "sent",
            attempts: 1,
            next_attempt_at: now,
            created_at: now,
          })
          .execute();
      }

      await migrate(db, migrations);

      const columns = (await db.introspection.getTables())
        .find((table) => table.name === "registrations")
        ?.columns.map((column) => column.name);
      expect(columns).not.toContain("manage_token");
      expect(columns).not.toContain("checkin_code");
      expect(columns).toContain("anonymised_at");
      for (const [n, tokens] of plain.entries()) {
        for (const [purpose, token] of [
          ["manage", tokens.manage],
          ["checkin", tokens.checkin],
        ] as const) {
          await expect(
            resolveRegistrationTokenIn(handle.db, token, purpose),
          ).resolves.toMatchObject({
            state: "found",
            registrationId: ids[n],
          });
          const stored = await db
            .selectFrom("registration_tokens")
            .select("token_hash")
            .where("token_hash", "=", hashToken(token))
            .execute();
          expect(stored).toHaveLength(1);
        }
      }
      // Nothing else was lost: the rows, their ids and the mail that refers to them.
      const kept = await db.selectFrom("registrations").select(["id", "name"]).execute();
      expect(kept.map((r) => r.id).sort()).toEqual([...ids].sort());
      const mail = await db.selectFrom("outbox").select("registration_id").execute();
      expect(mail.map((m) => m.registration_id).sort()).toEqual([...ids].sort());
      // New registrations get new ids, never one of the old ones.
      const next = await db
        .insertInto("registrations")
        .values({
          session_id: session.id,
          ical_uid: "nieuw@test",
          ical_sequence: 0,
          name: "Nieuw",
          email: "nieuw@example.org",
          email_normalized: "nieuw@example.org",
          locale: "nl-BE",
          status: "confirmed",
          consented_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(next.id).toBeGreaterThan(Math.max(...ids));
    } finally {
      await drop();
    }
  });
});

describe("the migration of dietary needs to a question", () => {
  it("gives every breakfast the question, moves the answers and drops the column", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the schema before the migration
      const db = handle.db as unknown as Kysely<any>;
      const before = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < "2026-12-07T12-00"),
      );
      await migrate(db, before);
      const now = new Date().toISOString();
      const city = await db
        .insertInto("cities")
        .values({ slug: "oudstad", name: "Oudstad", province: "Antwerpen", created_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      const session = async (slug: string, kind: string) =>
        (
          await db
            .insertInto("sessions")
            .values({
              slug,
              city_id: city.id,
              kind,
              title: slug,
              summary: "",
              description: "",
              venue_name: "Stadhuis",
              venue_address: "Grote Markt 1",
              starts_at: "2027-01-01T07:30:00.000Z",
              ends_at: "2027-01-01T09:00:00.000Z",
              capacity: 10,
              created_at: now,
              updated_at: now,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      const breakfast = await session("ontbijt", "breakfast");
      const emptyBreakfast = await session("leeg-ontbijt", "breakfast");
      // Once a breakfast, now an info session: its answers stay, nobody is asked again.
      const formerBreakfast = await session("was-ontbijt", "info");
      const info = await session("info", "info");
      let n = 0;
      const register = async (sessionId: number, dietary: string | null) => {
        n++;
        return (
          await db
            .insertInto("registrations")
            .values({
              session_id: sessionId,
              ical_uid: `oud-${n}@test`,
              ical_sequence: 0,
              name: `Oud ${n}`,
              email: `oud${n}@example.org`,
              email_normalized: `oud${n}@example.org`,
              dietary_needs: dietary,
              locale: "nl-BE",
              status: "confirmed",
              consented_at: now,
              created_at: now,
              updated_at: now,
              queue_position: n,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      };
      const vegetarian = await register(breakfast, "Vegetarisch\nzonder noten");
      await register(breakfast, null);
      await register(breakfast, "");
      const halal = await register(formerBreakfast, "Halal");
      await register(info, null);

      await migrate(db, migrations);

      const columns = (await db.introspection.getTables())
        .find((table) => table.name === "registrations")
        ?.columns.map((column) => column.name);
      expect(columns).not.toContain("dietary_needs");
      const questions = await db
        .selectFrom("session_questions")
        .selectAll()
        .orderBy("id")
        .execute();
      expect(questions.map((row) => [row.session_id, row.removed_at === null])).toEqual([
        [breakfast, true],
        [emptyBreakfast, true],
        [formerBreakfast, false],
      ]);
      for (const row of questions) {
        expect(questionOf(row as SessionQuestion)).toMatchObject({
          type: "longText",
          label: {
            nl: "Voedingswensen of allergieën",
            fr: "Régime alimentaire ou allergies",
            en: "Dietary requirements or allergies",
          },
          required: false,
          maxLength: 500,
          choices: [],
        });
      }
      const answers = await db
        .selectFrom("registration_answers")
        .selectAll()
        .orderBy("registration_id")
        .execute();
      expect(answers).toEqual([
        {
          registration_id: vegetarian,
          question_id: questions[0]?.id,
          value: "Vegetarisch\nzonder noten",
        },
        { registration_id: halal, question_id: questions[2]?.id, value: "Halal" },
      ]);
    } finally {
      await drop();
    }
  });
});
