import ICAL from "ical.js";
import { hashPassword } from "../app/lib/password.server";
import { createOrganiserIn, type NewOrganiser } from "../app/models/organiser.server";
import type { DatabaseHandle } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { calendarParts, type ReceivedMail } from "../test/support/mailbox";

/** Adds an organiser to the app's database (the worker's handle on its file). */
export async function addOrganiser(db: DatabaseHandle, input: NewOrganiser): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await writeTransaction((trx) => createOrganiserIn(trx, input, passwordHash), db);
}

/** The manage link in a message, as a person would click it. */
export function manageLink(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>\]]+\/inschrijving\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? "");
  if (!match) throw new Error(`no manage link in mail "${mail.parsed.subject}"`);
  return match[0];
}

/** The VEVENT of the text/calendar alternative, with the part's method parameter. */
export function invite(mail: ReceivedMail) {
  const [part] = calendarParts(mail);
  if (!part) throw new Error(`no calendar in mail "${mail.parsed.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  const start = event.getFirstProperty("dtstart");
  return {
    partMethod: part.method,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    organizer: String(event.getFirstPropertyValue("organizer")),
    attendees: event
      .getAllProperties("attendee")
      .map((a) => String(a.getFirstValue()).toLowerCase()),
    startTzid: start?.getParameter("tzid"),
    startLocal: (start?.getFirstValue() as ICAL.Time | undefined)?.toString(),
    status: event.getFirstPropertyValue("status"),
  };
}

export const to = (address: string) => (mail: ReceivedMail) => mail.envelopeTo.includes(address);

/** Signs in through the form, as an organiser would. */
export async function signIn(
  page: import("@playwright/test").Page,
  email: string,
  password: string,
) {
  await page.goto("/beheer/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(/\/beheer$/);
}
