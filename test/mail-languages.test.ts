import { describe, expect, it } from "vitest";
import type { Locale } from "../app/i18n";
import { sessionFormSchema } from "../app/lib/session-form";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { queueDueReminders, reminderDueTimes } from "../app/models/reminder.server";
import {
  cancelSession,
  sessionFormValues,
  updateSession,
} from "../app/models/session-editing.server";
import { database } from "../db/client";
import { createSession, person, registrationsOf, renderQueuedMail } from "./support/factories";
import { parsed } from "./support/forms";
import { manageTokenOf } from "./support/tokens";

/**
 * A registration remembers its language, and every mail to that person is in it: the
 * confirmation, the waiting list, a moved session, a reminder, a freed seat, a cancellation.
 * The session's own title and place are data and stay as the organisers wrote them, so these
 * sessions carry words that are the same in every language.
 */

/** Words only a Dutch text has: one of them in a French or English mail is a text left behind. */
const DUTCH_WORDS =
  /\b(je|jouw|jij|inschrijving|ingeschreven|schrijf|wachtlijst|sessie|niet|geannuleerd|bekijk|uitnodiging|herinnering|wanneer|waar|dag|plaats|vrij|met|voor|van|het|een)\b/i;

const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, "");

let organiserId = 0;
async function organiser() {
  if (organiserId) return organiserId;
  const now = new Date().toISOString();
  const row = await database()
    .db.insertInto("organisers")
    .values({
      email: "talen@leuven.test",
      name: "Talen",
      password_hash: "scrypt$test",
      role: "admin",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  organiserId = row.id;
  return organiserId;
}

async function moved(sessionId: number) {
  const values = await sessionFormValues(sessionId);
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, startTime: "10:00", endTime: "12:00" })) {
    for (const item of [value ?? []].flat()) form.append(name, String(item));
  }
  const input = parsed(sessionFormSchema, form);
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  return updateSession(sessionId, input.data, { organiserId: await organiser() });
}

async function mailTo(email: string) {
  await renderQueuedMail();
  return database()
    .db.selectFrom("outbox")
    .select(["kind", "subject", "text", "html", "ics"])
    .where("to_email", "=", email)
    .orderBy("id")
    .execute();
}

const EXPECTED: Record<Exclude<Locale, "nl-BE">, { greeting: string; manage: RegExp }> = {
  "fr-BE": { greeting: "Bonjour", manage: /inscription/i },
  "en-BE": { greeting: "Hello", manage: /registration/i },
};

describe("mail in the registration's own language", () => {
  for (const locale of ["fr-BE", "en-BE"] as const) {
    it(`${locale}: every mail of a registration's life, subject and invite text included`, async () => {
      const tag = locale.slice(0, 2);
      const session = await createSession({
        title: "Pitch Night",
        summary: "Pitch, feedback, drinks.",
        description: "",
        venue_name: "Hal 5",
        venue_address: "Kessel-Lo",
        capacity: 1,
      });
      const first = person(1, { name: "Amira", email: `first-${tag}@example.org` });
      const second = person(2, { name: "Noah", email: `second-${tag}@example.org` });
      expect((await signUp(session.slug, first, { locale })).ok).toBe(true);
      expect((await signUp(session.slug, second, { locale })).ok).toBe(true);
      expect((await signUp(session.slug, first, { locale })).ok).toBe(true);
      const [one] = await registrationsOf(session.id);
      expect(one?.locale).toBe(locale);

      await moved(session.id);
      const { twoHours } = reminderDueTimes(
        (
          await database()
            .db.selectFrom("sessions")
            .select("starts_at")
            .where("id", "=", session.id)
            .executeTakeFirstOrThrow()
        ).starts_at,
      );
      await queueDueReminders({ now: twoHours });
      await cancelRegistration(await manageTokenOf(one?.id));
      await cancelSession(session.id, { organiserId: await organiser(), message: null });

      const mails = [...(await mailTo(first.email)), ...(await mailTo(second.email))];
      expect(mails.map((mail) => mail.kind).sort()).toEqual(
        [
          "registration.confirmed",
          "registration.reminder",
          "session.updated",
          "session.reminder",
          "registration.cancelled",
          "registration.waitlisted",
          "registration.promoted",
          "session.cancelled",
        ].sort(),
      );
      for (const mail of mails) {
        const context = `${locale} ${mail.kind}`;
        expect(mail.html, context).toContain(`lang="${locale}"`);
        expect(mail.text, context).toContain(EXPECTED[locale].greeting);
        expect(withoutLinks(`${mail.subject}\n${mail.text}`), context).not.toMatch(DUTCH_WORDS);
        if (mail.ics) {
          const unfolded = mail.ics.replace(/\r\n[ \t]/g, "");
          const description = /^DESCRIPTION:(.*)$/m.exec(unfolded)?.[1] ?? "";
          expect(withoutLinks(description), context).not.toMatch(DUTCH_WORDS);
        }
      }
      const confirmation = mails.find((mail) => mail.kind === "registration.confirmed");
      // Folded lines joined again (RFC 5545 §3.1), as a calendar reads them.
      expect(confirmation?.ics?.replace(/\r\n[ \t]/g, "")).toMatch(EXPECTED[locale].manage);
    });
  }
});
