import type { NextSession } from "../app/models/after-session.server";
import type { SessionChanges } from "../app/models/session-editing.server";
import type { ReminderKind } from "../db/schema";
import { backOnWaitlistEmail } from "./back-on-waitlist";
import { counterDeclinedEmail } from "./counter-declined";
import type { MailContent, RegistrationMailData } from "./message";
import { type OrganiserMessage, organiserMessageEmail } from "./organiser-message";
import { type PasswordLinkData, passwordLinkEmail } from "./password-reset";
import { registrationCancelledEmail, registrationConfirmedEmail } from "./registration-confirmed";
import { registrationDeclinedEmail } from "./registration-declined";
import { registrationDetailsUpdatedEmail } from "./registration-details-updated";
import { registrationReminderEmail } from "./registration-reminder";
import {
  registrationRequestedEmail,
  requestDeclinedEmail,
  requestExpiredEmail,
} from "./registration-request";
import { registrationWaitlistedEmail } from "./registration-waitlisted";
import { sessionCancelledEmail } from "./session-cancelled";
import { sessionMissedYouEmail, sessionThankYouEmail } from "./session-follow-up";
import { sessionReminderEmail } from "./session-reminder";
import { sessionUpdatedEmail } from "./session-updated";

/**
 * Every kind of message the outbox carries, with what it is made of and how it is rendered.
 * A transaction that decides something queues the kind and its data (a JSON snapshot: plain
 * values, taken under the lock); the worker renders it just before sending, outside any lock.
 * The registry is typed by kind, so a kind cannot be queued without its renderer, nor with
 * data its renderer does not expect.
 */

/** What each registration message needs besides the registration, the session and the links. */
export interface RegistrationMailExtras {
  "registration.confirmed": Record<never, never>;
  "registration.promoted": Record<never, never>;
  "registration.waitlisted": Record<never, never>;
  "registration.reminder": Record<never, never>;
  /** Asked for from the view page (the link in calendars): the manage link, by mail only. */
  "registration.manageLink": Record<never, never>;
  "registration.backOnWaitlist": Record<never, never>;
  "registration.cancelled": { previousStatus: "confirmed" | "waitlisted" | "requested" };
  // A session that requires approval: the request received, declined, or closed at the start.
  "registration.requested": Record<never, never>;
  "registration.requestDeclined": { reason: string | null };
  "registration.requestExpired": Record<never, never>;
  // Answers to the person's calendar (iTIP): see app/models/inbound-mail.server.ts.
  "registration.declined": Record<never, never>;
  "registration.refreshed": Record<never, never>;
  "registration.counterDeclined": Record<never, never>;
  /** The person corrected their name on the manage page: the invite on the new name. */
  "registration.detailsUpdated": Record<never, never>;
  "session.updated": { changes: SessionChanges };
  "session.cancelled": { note: string | null };
  "session.reminder": { reminder: ReminderKind };
  /** To those checked in, once the session has ended: the key of their survey link. */
  "session.thankYou": { surveyToken: string };
  /** To those who had a seat and did not come: the next sessions of that city and kind. */
  "session.missedYou": { nextSessions: NextSession[] };
  "organiser.message": { message: OrganiserMessage };
}

export type RegistrationMailKind = keyof RegistrationMailExtras;

type RegistrationMailDataOf<K extends RegistrationMailKind> = RegistrationMailData &
  RegistrationMailExtras[K];

type MailData = { [K in RegistrationMailKind]: RegistrationMailDataOf<K> } & {
  "organiser.passwordReset": PasswordLinkData;
  "organiser.invitation": PasswordLinkData;
};

export type MailKind = keyof MailData;

/** One queued message: its kind and its data, stored as JSON in `outbox.data`. */
export type MailSnapshot = { [K in MailKind]: { kind: K; data: MailData[K] } }[MailKind];

type CalendarMethod = "REQUEST" | "CANCEL" | "DECLINECOUNTER";

interface Renderer<D> {
  render(data: D): Promise<MailContent>;
  /**
   * The calendar method the rendered message carries, known without rendering it: the outbox
   * orders and supersedes invites by it (an unsent REQUEST gives way to a later CANCEL).
   */
  calendar(data: D): CalendarMethod | null;
}

const none = () => null;

const renderers: { [K in MailKind]: Renderer<MailData[K]> } = {
  "registration.confirmed": {
    render: (data) => registrationConfirmedEmail(data, "confirmed"),
    calendar: () => "REQUEST",
  },
  "registration.promoted": {
    render: (data) => registrationConfirmedEmail(data, "promoted"),
    calendar: () => "REQUEST",
  },
  "registration.waitlisted": { render: registrationWaitlistedEmail, calendar: none },
  "registration.reminder": {
    render: (data) => registrationReminderEmail(data, "signUpAgain"),
    calendar: (data) => (data.registration.status === "confirmed" ? "REQUEST" : null),
  },
  "registration.manageLink": {
    render: (data) => registrationReminderEmail(data, "manageLinkAsked"),
    calendar: none,
  },
  "registration.backOnWaitlist": { render: backOnWaitlistEmail, calendar: () => "CANCEL" },
  "registration.cancelled": {
    render: (data) => registrationCancelledEmail(data, data.previousStatus),
    calendar: (data) => (data.previousStatus === "confirmed" ? "CANCEL" : null),
  },
  "registration.requested": { render: registrationRequestedEmail, calendar: none },
  "registration.requestDeclined": { render: requestDeclinedEmail, calendar: none },
  "registration.requestExpired": { render: requestExpiredEmail, calendar: none },
  "registration.declined": { render: registrationDeclinedEmail, calendar: () => "CANCEL" },
  "registration.refreshed": {
    render: (data) => registrationReminderEmail(data, "calendarRefresh"),
    calendar: (data) => (data.registration.status === "confirmed" ? "REQUEST" : null),
  },
  "registration.counterDeclined": {
    render: counterDeclinedEmail,
    calendar: () => "DECLINECOUNTER",
  },
  "registration.detailsUpdated": {
    render: registrationDetailsUpdatedEmail,
    calendar: () => "REQUEST",
  },
  "session.updated": {
    render: (data) => sessionUpdatedEmail(data, data.changes),
    calendar: () => "REQUEST",
  },
  "session.cancelled": {
    render: (data) => sessionCancelledEmail(data, { note: data.note }),
    calendar: (data) => (data.registration.status === "confirmed" ? "CANCEL" : null),
  },
  "session.reminder": {
    render: (data) => sessionReminderEmail(data, data.reminder),
    calendar: none,
  },
  "session.thankYou": { render: sessionThankYouEmail, calendar: none },
  "session.missedYou": { render: sessionMissedYouEmail, calendar: none },
  "organiser.message": {
    render: (data) => organiserMessageEmail(data, data.message),
    calendar: none,
  },
  "organiser.passwordReset": { render: passwordLinkEmail, calendar: none },
  "organiser.invitation": { render: passwordLinkEmail, calendar: none },
};

function rendererOf<K extends MailKind>(kind: K): Renderer<MailData[K]> {
  const renderer = renderers[kind];
  if (!renderer) throw new Error(`no renderer for mail kind "${kind}"`);
  return renderer;
}

function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(renderers, kind);
}

/** Renders a queued message: subject, HTML, text and, for invites, the calendar object. */
export async function renderSnapshot<K extends MailKind>(snapshot: {
  kind: K;
  data: MailData[K];
}): Promise<MailContent> {
  const renderer = rendererOf(snapshot.kind);
  const content = await renderer.render(snapshot.data);
  const expected = renderer.calendar(snapshot.data);
  if ((content.ics?.method ?? null) !== expected) {
    throw new Error(
      `${snapshot.kind}: rendered ${content.ics?.method ?? "no invite"}, expected ${expected ?? "none"}`,
    );
  }
  return content;
}

export function calendarMethodOf<K extends MailKind>(snapshot: {
  kind: K;
  data: MailData[K];
}): CalendarMethod | null {
  return rendererOf(snapshot.kind).calendar(snapshot.data);
}

/** Reads `outbox.kind` and `outbox.data` back into a snapshot; throws on a kind nobody renders. */
export function parseSnapshot(kind: string, data: string): MailSnapshot {
  if (!isMailKind(kind)) throw new Error(`no renderer for mail kind "${kind}"`);
  return { kind, data: JSON.parse(data) } as MailSnapshot;
}
