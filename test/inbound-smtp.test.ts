import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processInboundMail } from "../app/models/inbound-mail.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { type InboundSmtp, startInboundSmtp } from "../worker/inbound-smtp.server";
import { outlookReply } from "./support/calendar-replies";
import { createSession, lastOutboxId, mailsOf, person, registrationsOf } from "./support/factories";

/**
 * The SMTP listener a city's mail server forwards the ORGANIZER mailbox to: real SMTP, sent
 * with nodemailer as a mail server would relay it.
 */

const LIMIT = 16 * 1024;
let listener: InboundSmtp;

beforeAll(async () => {
  listener = await startInboundSmtp({ port: 0, host: "127.0.0.1", limit: LIMIT });
});
afterAll(async () => {
  await listener.stop();
});

/** Relays one raw message with the envelope given, as the city's mail server would. */
async function relay(raw: string, envelope: { from: string; to: string }) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

/**
 * What came of the mail stored after `before`. The listener answers once the mail is stored and
 * acts on it right after; the worker's round acts on whatever is still pending, so once it has
 * run (or waited for the listener's own transaction), the mail is processed.
 */
async function outcomeAfter(before: number) {
  await processInboundMail();
  return database()
    .db.selectFrom("inbound_mail")
    .selectAll()
    .where("id", ">", before)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

async function lastInboundId() {
  const row = await database()
    .db.selectFrom("inbound_mail")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

describe("the inbound SMTP listener", () => {
  it("takes a Decline for the ORGANIZER address and gives the seat up", async () => {
    const session = await createSession({ capacity: 1 });
    await signUp(session.slug, person(1), { locale: "nl-BE" });
    await signUp(session.slug, person(2), { locale: "nl-BE" });
    const [seated, waiting] = await registrationsOf(session.id);
    if (!seated || !waiting) throw new Error("no registrations");
    const before = await lastInboundId();
    const after = await lastOutboxId();

    const info = await relay(
      outlookReply({ from: seated.email, uid: seated.ical_uid, sequence: 0 }),
      // The organizer address in another case: mailbox names are matched case-insensitively.
      { from: seated.email, to: "Agenda@Leuven.test" },
    );
    expect(info.accepted).toHaveLength(1);
    expect(info.rejected).toEqual([]);

    const row = await outcomeAfter(before);
    expect(row).toMatchObject({ via: "smtp", outcome: "declined", registration_id: seated.id });
    const [cancelled, promoted] = await registrationsOf(session.id);
    expect(cancelled?.status).toBe("cancelled");
    expect(promoted?.status).toBe("confirmed");
    const kinds = (await mailsOf(session.id, after)).map((m) => [m.kind, m.to_email]);
    expect(kinds).toContainEqual(["registration.promoted", waiting.email]);
    expect(kinds).toContainEqual(["registration.declined", seated.email]);
  });

  it("refuses mail for any other recipient with 550, and stores nothing", async () => {
    const before = await lastInboundId();
    await expect(
      relay(outlookReply({ from: "a@example.org", uid: "x", sequence: 0 }), {
        from: "a@example.org",
        to: "iemand@leuven.test",
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(await lastInboundId()).toBe(before);
  });

  it("refuses a mail over INBOUND_MAIL_LIMIT_BYTES", async () => {
    const before = await lastInboundId();
    const raw = `${outlookReply({ from: "a@example.org", uid: "y", sequence: 0 })}${"x".repeat(LIMIT)}`;
    await expect(
      relay(raw, { from: "a@example.org", to: "agenda@leuven.test" }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await lastInboundId()).toBe(before);
  });

  it("ignores a reply whose envelope sender is not the attendee", async () => {
    const session = await createSession({ capacity: 1 });
    await signUp(session.slug, person(3), { locale: "nl-BE" });
    const [seated] = await registrationsOf(session.id);
    if (!seated) throw new Error("no registration");
    const before = await lastInboundId();
    await relay(outlookReply({ from: seated.email, uid: seated.ical_uid, sequence: 0 }), {
      from: "vervalst@elders.example",
      to: "agenda@leuven.test",
    });
    const row = await outcomeAfter(before);
    expect(row.outcome).toBe("ignored.senderMismatch");
    expect((await registrationsOf(session.id))[0]?.status).toBe("confirmed");
  });
});
