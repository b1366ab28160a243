import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { claimNextMessage, processOutbox } from "../worker/outbox.server";
import { retryDelaySeconds } from "../worker/retries";
import { smtpTransport } from "../worker/transport.server";
import { createSession, person } from "./support/factories";
import { calendarParts, type Mailbox, startMailbox } from "./support/mailbox";

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.close();
});

const opts = { locale: "nl-BE" as const };

async function pending() {
  return database().db.selectFrom("outbox").selectAll().where("status", "=", "pending").execute();
}

describe("the outbox", () => {
  it("delivers the confirmation as a real invite: text/calendar; method=REQUEST plus invite.ics", async () => {
    const session = await createSession({ capacity: 3 });
    await signUp(session.slug, person(1, { name: "Jan Janssens", email: "jan@example.org" }), opts);
    const transport = smtpTransport(mailbox.url);
    await expect(processOutbox(transport)).resolves.toEqual({ sent: 1, failed: 0 });
    transport.close();

    const mail = await mailbox.waitFor((m) => m.envelopeTo.includes("jan@example.org"));
    expect(mail.parsed.subject).toContain("Ingeschreven: Ontbijtsessie: subsidies voor je zaak");
    expect(mail.parsed.from?.text).toContain("agenda@leuven.test");
    expect(mail.parsed.to && "text" in mail.parsed.to ? mail.parsed.to.text : "").toContain(
      "Jan Janssens",
    );
    expect(mail.parsed.html).toContain("Dag Jan Janssens");
    expect(mail.parsed.text).toContain("Stadhuis Leuven");

    const parts = calendarParts(mail);
    expect(parts.map((p) => p.method ?? p.filename)).toEqual(["REQUEST", "uitnodiging.ics"]);
    expect(parts[1]?.content).toBe(parts[0]?.content);
    const vcalendar = new ICAL.Component(ICAL.parse(parts[0]?.content ?? ""));
    expect(vcalendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(await pending()).toEqual([]);
  });

  it("keeps mail while the SMTP server is down and sends it once it is back", async () => {
    const session = await createSession({ capacity: 3 });
    await signUp(session.slug, person(2, { email: "wachtend@example.org" }), opts);

    // Nothing listens on this port: the run stops and says the server cannot be reached.
    const down = await startMailbox();
    const downUrl = down.url;
    await down.close();
    const deadTransport = smtpTransport(downUrl);
    const start = new Date().toISOString();
    await expect(processOutbox(deadTransport)).resolves.toEqual({
      sent: 0,
      failed: 0,
      unreachable: true,
    });
    deadTransport.close();

    // Nothing is wrong with the message: it stays due, and the try does not count.
    const [waiting] = await pending();
    expect(waiting).toMatchObject({
      to_email: "wachtend@example.org",
      attempts: 0,
      locked_until: null,
    });
    expect(waiting?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(Date.parse(waiting?.next_attempt_at ?? "")).toBeLessThanOrEqual(Date.parse(start));

    // The server is back: it goes at once.
    const live = smtpTransport(mailbox.url);
    await expect(processOutbox(live)).resolves.toEqual({ sent: 1, failed: 0 });
    live.close();
    await mailbox.waitFor((m) => m.envelopeTo.includes("wachtend@example.org"));
  });

  it("backs off exponentially up to an hour", () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 3600, 3600]);
  });

  it("gives each message to one worker only, however many claim at once", async () => {
    const session = await createSession({ capacity: 20 });
    for (let n = 0; n < 12; n++)
      await signUp(session.slug, person(n, { email: `claim${n}@example.org` }), opts);
    const now = new Date().toISOString();
    const claims = await Promise.all(Array.from({ length: 30 }, () => claimNextMessage(now)));
    const ids = claims.filter((c) => c !== null).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(12);
  });

  it("cannot be made to add a header or a line break through a name or a subject", async () => {
    // nodemailer already folds a line break in a subject into a space, but it keeps one in a
    // display name (encoded) and a Unicode line separator anywhere: the outbox's own guard
    // (headerSafe) is what takes those out. This test fails without it.
    const session = await createSession({
      title: "Infosessie\u2028Bcc: stiekem@example.org\r\nX-Extra: 1",
    });
    const { db } = database();
    // Straight into the table: the sign-up form already refuses such names.
    await db
      .insertInto("outbox")
      .values({
        kind: "test",
        registration_id: null,
        to_email: "slachtoffer@example.org",
        to_name: "Eva\r\nBcc: stiekem@example.org\u2029",
        subject: session.title,
        html: "<p>x</p>",
        text: "x",
        ics: null,
        ics_method: null,
        status: "pending",
        attempts: 0,
        next_attempt_at: new Date(0).toISOString(),
        created_at: new Date().toISOString(),
      })
      .execute();
    const transport = smtpTransport(mailbox.url);
    await processOutbox(transport);
    transport.close();
    const mail = await mailbox.waitFor((m) => m.envelopeTo.includes("slachtoffer@example.org"));
    expect(mail.envelopeTo).toEqual(["slachtoffer@example.org"]);
    expect(mail.parsed.headers.has("bcc")).toBe(false);
    expect(mail.parsed.headers.has("x-extra")).toBe(false);
    expect(mailbox.messages.some((m) => m.envelopeTo.includes("stiekem@example.org"))).toBe(false);
    // What the recipient's mail app shows: one line each, as the guard made them.
    const recipient = mail.parsed.to && "value" in mail.parsed.to ? mail.parsed.to.value[0] : null;
    expect(recipient).toEqual({
      address: "slachtoffer@example.org",
      name: "Eva Bcc: stiekem@example.org",
    });
    expect(mail.parsed.subject).toBe("Infosessie Bcc: stiekem@example.org X-Extra: 1");
  });
});
