import nodemailer from "nodemailer";
import { brusselsDate, brusselsTimeToInstant } from "../app/lib/time";
import type { DatabaseHandle } from "../db/client";
import { outlookReply } from "../test/support/calendar-replies";
import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { invite, manageLink, to } from "./utils";

/**
 * A Decline pressed in Outlook reaches the app as a METHOD:REPLY mailed to the ORGANIZER
 * address; the city's mail server relays it to the app's SMTP listener (INBOUND_SMTP_PORT).
 */

/** What the city's mail server does with a mail for the ORGANIZER address: relay it as it is. */
async function relayToApp(port: number, raw: string, envelopeFrom: string) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from: envelopeFrom, to: "agenda@leuven.test" }, raw });
  } finally {
    transport.close();
  }
}

/** Waits until the app has acted on every mail it took, and answers what came of the last. */
async function lastOutcome({ db }: DatabaseHandle, count: number): Promise<string | null> {
  let outcome: string | null = null;
  await expect
    .poll(async () => {
      const rows = await db
        .selectFrom("inbound_mail")
        .select(["status", "outcome"])
        .orderBy("id")
        .execute();
      outcome = rows.at(-1)?.outcome ?? null;
      return rows.filter((row) => row.status === "processed").length;
    })
    .toBeGreaterThanOrEqual(count);
  return outcome;
}

test("a Decline from Outlook cancels the seat and the waiting list gets it; a forged one does nothing", async ({
  page,
  mailbox,
  inboundSmtpPort,
  db,
}) => {
  const day = brusselsDate(new Date(Date.now() + 7 * 86_400_000).toISOString());
  const session = await createSession(
    {
      title: "Ontbijtsessie: weigeren in je agenda",
      capacity: 1,
      starts_at: brusselsTimeToInstant(day, "07:30"),
      ends_at: brusselsTimeToInstant(day, "09:00"),
    },
    db,
  );
  const before = (await db.db.selectFrom("inbound_mail").select("id").execute()).length;

  async function signUp(name: string, email: string, button: string) {
    await page.goto(`/sessies/${session.slug}`);
    await page.getByLabel("Naam").fill(name);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel(/Ik ga ermee akkoord/).check();
    await page.getByRole("button", { name: button }).click();
    await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
  }

  await signUp("Jan Peeters", "jan.weigert@example.org", "Schrijf me in");
  const confirmation = await mailbox.waitFor(to("jan.weigert@example.org"));
  const sent = invite(confirmation);
  expect(sent).toMatchObject({ method: "REQUEST", organizer: "mailto:agenda@leuven.test" });
  await signUp("Sofie Wachtlijst", "sofie.wacht@example.org", "Zet me op de wachtlijst");
  const waitlisted = await mailbox.waitFor(to("sofie.wacht@example.org"));
  expect(waitlisted.parsed.subject).toContain("Op de wachtlijst");

  // Someone else sends a Decline for Jan's invite, from their own address: nothing happens.
  await relayToApp(
    inboundSmtpPort,
    outlookReply({
      from: "grappenmaker@example.org",
      attendee: "jan.weigert@example.org",
      uid: String(sent.uid),
      sequence: Number(sent.sequence),
      id: "vals",
    }),
    "grappenmaker@example.org",
  );
  expect(await lastOutcome(db, before + 1)).toBe("ignored.senderMismatch");
  await page.goto(manageLink(confirmation));
  await expect(page.getByText("Je bent ingeschreven.")).toBeVisible();

  // Jan presses Decline in Outlook: Outlook mails the REPLY to the ORGANIZER address.
  await relayToApp(
    inboundSmtpPort,
    outlookReply({
      from: "jan.weigert@example.org",
      uid: String(sent.uid),
      sequence: Number(sent.sequence),
      partstat: "DECLINED",
    }),
    "jan.weigert@example.org",
  );
  expect(await lastOutcome(db, before + 2)).toBe("declined");

  // Jan's link says the registration is cancelled, and the mail says why, with the CANCEL.
  await page.goto(manageLink(confirmation));
  await expect(page.getByText("Deze inschrijving is geannuleerd.")).toBeVisible();
  const declined = await mailbox.waitFor(
    (m) => to("jan.weigert@example.org")(m) && m !== confirmation,
  );
  expect(declined.parsed.subject).toContain("je weigerde de uitnodiging");
  expect(invite(declined)).toMatchObject({ method: "CANCEL", uid: sent.uid, sequence: 1 });

  // Sofie, first on the waiting list, gets the seat and her invite.
  const promoted = await mailbox.waitFor(
    (m) => to("sofie.wacht@example.org")(m) && m !== waitlisted,
  );
  expect(promoted.parsed.subject).toContain("Er kwam een plaats vrij");
  expect(invite(promoted)).toMatchObject({
    method: "REQUEST",
    attendees: ["mailto:sofie.wacht@example.org"],
  });
  await page.goto(manageLink(promoted));
  await expect(page.getByText("Je bent ingeschreven.")).toBeVisible();
});
