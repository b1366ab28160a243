import { DateTime } from "luxon";
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import type { SessionKind, SessionLanguage } from "../../db/schema";
import { emailDomainList } from "./email-domains";
import { MAX_GROUP_SIZE } from "./registration-form";
import { SESSION_KINDS, SESSION_LANGUAGES } from "./session-kinds";
import { optionalText, requiredLine, requiredText } from "./text";
import { type BrusselsTime, brusselsTimeToInstant, readBrusselsTime, TIME_ZONE } from "./time";

/**
 * The organiser's forms about a session: the session itself (create, edit, copy), cancelling
 * it, a message to its attendees, and the buttons of the attendee list and the check-in pages.
 * Each is a zod schema that `parseForm` (forms.ts) checks on the server; the page takes its
 * limits from the same schema. Times are typed as Brussels wall-clock time and leave this module
 * as UTC instants. Adding an attendee by hand is the sign-up's `personSchema`.
 */

export const SESSION_LIMITS = {
  title: 120,
  summary: 300,
  description: 5000,
  venueName: 120,
  venueAddress: 200,
  /** Hours after the end that the thank-you and the "we missed you" mail go: up to three days. */
  followUpHours: 72,
  /** Seats: more than any venue these sessions use; every change to them mails each attendee. */
  capacity: 1000,
  partners: 10,
  cancelNote: 1000,
  messageSubject: 150,
  messageBody: 5000,
  /** Why a request is declined: a few sentences, mailed to the person. */
  declineReason: 1000,
} as const;

/** Hours after a session's end that its thank-you and "we missed you" mails go, unless set. */
const DEFAULT_FOLLOW_UP_HOURS = 2;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A browser sends "HH:mm", or "HH:mm:ss" when a step asks for seconds: those must be ":00".
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:00)?$/;
const DATE_TIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(([01]\d|2[0-3]):[0-5]\d)(:00)?$/;
const WHOLE_NUMBER = /^\d{1,9}$/;

/** The largest id a row has: both databases keep ids as 32-bit integers. */
const MAX_ROW_ID = 2 ** 31 - 1;

/**
 * A row id as a form or a URL carries it (a registration, an organiser, a city): digits for a
 * number from 1 to 2^31 − 1, or null. PostgreSQL refuses to compare an id with anything larger.
 */
export function parseRowId(value: FormDataEntryValue | string | null | undefined): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= MAX_ROW_ID ? id : null;
}

/** A row id as a form field: the same rule as parseRowId. */
export const rowId = (error: MessageKey) =>
  z.string({ error }).transform((value, ctx) => {
    const id = parseRowId(value);
    if (id === null) {
      ctx.addIssue({ code: "custom", message: error });
      return z.NEVER;
    }
    return id;
  });

const isCalendarDate = (value: string) =>
  DATE.test(value) && DateTime.fromISO(value, { zone: TIME_ZONE }).isValid;

/** A whole number from `min` to `max`; its message names the range, whatever was wrong. */
const wholeNumber = (error: MessageKey, { min, max }: { min: number; max: number }) =>
  z
    .string()
    .trim()
    // Missing or sent twice reads as empty, so the message below, with its range, says it.
    .catch("")
    .transform((value, ctx) => {
      const number = WHOLE_NUMBER.test(value) ? Number(value) : Number.NaN;
      if (!(number >= min && number <= max)) {
        ctx.addIssue({ code: "custom", message: error, params: { min, max } });
        return z.NEVER;
      }
      return number;
    });

const time = (error: MessageKey) =>
  z
    .string({ error })
    .trim()
    .regex(TIME, error)
    .transform((value) => value.slice(0, 5));

/**
 * Why a Brussels wall-clock time cannot be taken as typed, with what the message names: the
 * day and the hours the clocks change. A time the clocks skip does not exist; one they pass
 * twice (the hour they go back) is refused too, rather than guessing which of the two is meant.
 */
function clockChangeIssue(local: Exclude<BrusselsTime, { kind: "once" }>) {
  const { date, from, to } = local.clockChange;
  // Noon UTC is the same calendar day in Brussels, whatever zone formats the message.
  const day = Date.parse(`${date}T12:00:00Z`);
  const message: MessageKey =
    local.kind === "never" ? "sessionForm.errors.time.skipped" : "sessionForm.errors.time.twice";
  return { code: "custom" as const, message, params: { day, from, to } };
}

/** "YYYY-MM-DDTHH:mm" in Brussels, or empty for "no limit"; out comes the UTC instant or null. */
const optionalDateTimeLocal = (error: MessageKey) =>
  z
    .string({ error })
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const [, date, time] = DATE_TIME_LOCAL.exec(value) ?? [];
      const local = date && time && isCalendarDate(date) ? readBrusselsTime(date, time) : null;
      if (!local) {
        ctx.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      if (local.kind !== "once") {
        ctx.addIssue(clockChangeIssue(local));
        return z.NEVER;
      }
      return local.instant;
    });

/** A ticked box sends "on"; one left unticked sends nothing at all, which is "no". */
const checkbox = z
  .string()
  .optional()
  .transform((value) => Boolean(value));

/** The session form's fields, each with its own checks: what the page reads its limits from. */
export const sessionFieldsSchema = z.object({
  title: requiredLine({
    max: SESSION_LIMITS.title,
    required: "sessionForm.errors.title.required",
    tooLong: "sessionForm.errors.title.tooLong",
  }),
  summary: requiredLine({
    max: SESSION_LIMITS.summary,
    required: "sessionForm.errors.summary.required",
    tooLong: "sessionForm.errors.summary.tooLong",
  }),
  description: optionalText({
    max: SESSION_LIMITS.description,
    tooLong: "sessionForm.errors.description.tooLong",
  }).transform((value) => value ?? ""),
  kind: z.enum(SESSION_KINDS as [SessionKind, ...SessionKind[]], {
    error: "sessionForm.errors.kind.invalid",
  }),
  cityId: rowId("sessionForm.errors.cityId.required"),
  venueName: requiredLine({
    max: SESSION_LIMITS.venueName,
    required: "sessionForm.errors.venueName.required",
    tooLong: "sessionForm.errors.venueName.tooLong",
  }),
  venueAddress: requiredLine({
    max: SESSION_LIMITS.venueAddress,
    required: "sessionForm.errors.venueAddress.required",
    tooLong: "sessionForm.errors.venueAddress.tooLong",
  }),
  date: z
    .string({ error: "sessionForm.errors.date.invalid" })
    .trim()
    .refine(isCalendarDate, { message: "sessionForm.errors.date.invalid" }),
  startTime: time("sessionForm.errors.startTime.invalid"),
  endTime: time("sessionForm.errors.endTime.invalid"),
  capacity: wholeNumber("sessionForm.errors.capacity.invalid", {
    min: 0,
    max: SESSION_LIMITS.capacity,
  }),
  registrationOpensAt: optionalDateTimeLocal("sessionForm.errors.registrationOpensAt.invalid"),
  registrationClosesAt: optionalDateTimeLocal("sessionForm.errors.registrationClosesAt.invalid"),
  language: z.enum(SESSION_LANGUAGES as [SessionLanguage, ...SessionLanguage[]], {
    error: "sessionForm.errors.language.invalid",
  }),
  // An array even when one box is ticked: conform makes one value a list because this says so.
  partnerIds: z
    .array(rowId("sessionForm.errors.partnerIds.invalid"), {
      error: "sessionForm.errors.partnerIds.invalid",
    })
    .transform((ids) => [...new Set(ids)])
    .pipe(
      z.array(z.number()).max(SESSION_LIMITS.partners, "sessionForm.errors.partnerIds.tooMany"),
    ),
  /** The organiser agreed that fewer seats send the last confirmed people back to the waiting list. */
  confirmMoveToWaitlist: checkbox,
  remindDayBefore: checkbox,
  remindTwoHours: checkbox,
  /** Those checked in get a thank-you with the survey after the session. */
  sendThankYou: checkbox,
  /** Those with a seat who did not come get a "we missed you" mail. */
  sendMissedYou: checkbox,
  /** Hours after the end that those mails go; left empty: two. */
  followUpHours: z
    .string()
    .trim()
    .optional()
    .catch(undefined)
    .transform((value, ctx) => {
      if (!value) return DEFAULT_FOLLOW_UP_HOURS;
      const hours = WHOLE_NUMBER.test(value) ? Number(value) : Number.NaN;
      if (!(hours >= 0 && hours <= SESSION_LIMITS.followUpHours)) {
        ctx.addIssue({
          code: "custom",
          message: "sessionForm.errors.followUpHours.invalid",
          params: { min: 0, max: SESSION_LIMITS.followUpHours },
        });
        return z.NEVER;
      }
      return hours;
    }),
  /** A sign-up is a request that an organiser approves or declines. */
  requiresApproval: checkbox,
  /** On no list: reachable only by its address. */
  unlisted: checkbox,
  /** People one sign-up may bring, the person signing up included; left empty: one. */
  groupSize: z
    .string()
    .trim()
    .optional()
    .catch(undefined)
    .transform((value, ctx) => {
      if (!value) return 1;
      const size = WHOLE_NUMBER.test(value) ? Number(value) : Number.NaN;
      if (!(size >= 1 && size <= MAX_GROUP_SIZE)) {
        ctx.addIssue({
          code: "custom",
          message: "sessionForm.errors.groupSize.invalid",
          params: { min: 1, max: MAX_GROUP_SIZE },
        });
        return z.NEVER;
      }
      return size;
    }),
  emailDomains: emailDomainList({
    invalid: "sessionForm.errors.emailDomains.invalid",
    tooMany: "sessionForm.errors.emailDomains.tooMany",
    tooLong: "sessionForm.errors.emailDomains.tooLong",
  }),
  /** A new session: the session whose questions it takes over (none: a breakfast's default). */
  copyQuestionsFrom: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const id = parseRowId(value);
      if (id === null)
        ctx.addIssue({ code: "custom", message: "questionForm.errors.copyFrom.required" });
      return id;
    }),
});

type SessionFields = z.output<typeof sessionFieldsSchema>;
type SessionFormField = keyof z.input<typeof sessionFieldsSchema>;

/** What createSession and updateSession take: checked, trimmed, times as UTC instants. */
export interface SessionInput {
  title: string;
  summary: string;
  description: string;
  kind: SessionKind;
  cityId: number;
  venueName: string;
  venueAddress: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  language: SessionLanguage;
  /** In the order they are shown with the session. */
  partnerIds: number[];
  /** Confirmed attendees get a reminder at 09:00 (Brussels) the day before. */
  remindDayBefore: boolean;
  /** Confirmed attendees get a reminder two hours before the start. */
  remindTwoHours: boolean;
  /** Those checked in get a thank-you with a survey, `followUpHours` after the end. */
  sendThankYou: boolean;
  /** Those with a seat who did not come get a "we missed you" mail, `followUpHours` after the end. */
  sendMissedYou: boolean;
  followUpHours: number;
  /** A sign-up is a request: no seat until an organiser approves it. */
  requiresApproval: boolean;
  /** On no list, feed, embed or API, and kept from search engines: reachable by its address. */
  unlisted: boolean;
  /** Only addresses of these domains may sign up (lower-cased, exact); none: any address. */
  emailDomains: string[];
  /** How many people one sign-up may bring, the person signing up included (1: no colleagues). */
  groupSize: number;
}

export type SessionFormData = SessionInput & {
  /** The organiser agreed that lowering the capacity sends the last confirmed people back to the waiting list. */
  confirmMoveToWaitlist: boolean;
  /** A new session takes over the questions of this one; null: none (see createSession). */
  copyQuestionsFrom: number | null;
};

const instantsOf = (fields: Pick<SessionFields, "date" | "startTime" | "endTime">) => ({
  startsAt: brusselsTimeToInstant(fields.date, fields.startTime),
  endsAt: brusselsTimeToInstant(fields.date, fields.endTime),
});

/**
 * The session form. The checks between fields run even when other fields are wrong (zod skips
 * them by default), so one round trip shows every problem; each runs only on fields that passed.
 */
export const sessionFormSchema = sessionFieldsSchema
  .superRefine(
    (fields, ctx) => {
      const valid = (...names: SessionFormField[]) =>
        !ctx.issues.some((issue) => names.includes(issue.path?.[0] as SessionFormField));
      const issue = (field: SessionFormField, message: MessageKey) =>
        ctx.addIssue({ code: "custom", path: [field], message });

      // A start or end the clocks skip, or pass twice, that day is refused at its own field.
      for (const field of ["startTime", "endTime"] as const) {
        const local = valid("date", field) ? readBrusselsTime(fields.date, fields[field]) : null;
        if (local && local.kind !== "once")
          ctx.addIssue({ ...clockChangeIssue(local), path: [field] });
      }
      const times = valid("date", "startTime", "endTime") ? instantsOf(fields) : null;
      if (times && times.endsAt <= times.startsAt) {
        issue("endTime", "sessionForm.errors.endTime.beforeStart");
      }
      const { registrationOpensAt: opens, registrationClosesAt: closes } = fields;
      const windowValid = valid("registrationOpensAt", "registrationClosesAt");
      if (windowValid && opens && closes && closes <= opens) {
        issue("registrationClosesAt", "sessionForm.errors.registrationClosesAt.beforeOpens");
      }
      if (times && windowValid && closes && closes > times.endsAt) {
        issue("registrationClosesAt", "sessionForm.errors.registrationClosesAt.afterEnd");
      }
      // Opening once the session has started would leave no moment to sign up at all.
      if (times && windowValid && opens && opens >= times.startsAt) {
        issue("registrationOpensAt", "sessionForm.errors.registrationOpensAt.afterStart");
      }
    },
    { when: () => true },
  )
  .transform(
    ({ date, startTime, endTime, ...fields }): SessionFormData => ({
      ...fields,
      ...instantsOf({ date, startTime, endTime }),
    }),
  );

/** The session form's fields as the inputs hold them: to prefill it. */
export interface SessionFormValues {
  title: string;
  summary: string;
  description: string;
  kind: string;
  cityId: string;
  venueName: string;
  venueAddress: string;
  /** "YYYY-MM-DD", Brussels. */
  date: string;
  /** "HH:mm", Brussels. */
  startTime: string;
  endTime: string;
  capacity: string;
  /** "YYYY-MM-DDTHH:mm" (an <input type="datetime-local">), Brussels, or "". */
  registrationOpensAt: string;
  registrationClosesAt: string;
  language: string;
  partnerIds: string[];
  /** "on" for a ticked box, "" for one left empty. */
  remindDayBefore: string;
  remindTwoHours: string;
  sendThankYou: string;
  sendMissedYou: string;
  /** Hours after the end, "2" by default. */
  followUpHours: string;
  requiresApproval: string;
  unlisted: string;
  /** The domains, separated by commas: "student.kuleuven.be, kuleuven.be". */
  emailDomains: string;
  /** People per sign-up, "1" for one. */
  groupSize: string;
  /** A new session: the id of the session whose questions it takes over, or "". */
  copyQuestionsFrom?: string;
}

/** An instant as Brussels wall-clock parts: { date: "2026-12-03", time: "07:30" }. */
export function brusselsWallClock(instant: string): { date: string; time: string } {
  const local = DateTime.fromISO(instant, { zone: TIME_ZONE });
  return { date: local.toFormat("yyyy-LL-dd"), time: local.toFormat("HH:mm") };
}

/** An instant as the value of an <input type="datetime-local"> in Brussels time. */
export function brusselsDateTimeLocal(instant: string | null): string {
  if (!instant) return "";
  const { date, time } = brusselsWallClock(instant);
  return `${date}T${time}`;
}

/* ---------------------------------------------------------------------------------------- */

/** Cancelling a session: an optional note from the organiser that goes into every mail. */
export const cancelSessionSchema = z.object({
  message: optionalText({
    max: SESSION_LIMITS.cancelNote,
    tooLong: "sessionForm.errors.cancelMessage.tooLong",
  }),
});

export const MESSAGE_AUDIENCES = ["confirmed", "waitlisted", "present"] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

/**
 * A plain-text message from the organiser to one group of a session's attendees, optionally
 * only those who gave one answer to one of the session's questions ("12:yes", "13:exact-online").
 */
export const attendeeMessageSchema = z.object({
  audience: z.enum(MESSAGE_AUDIENCES, { error: "sessionForm.errors.audience.invalid" }),
  answer: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const [, id, answer] = /^(\d{1,10}):([a-z0-9-]{1,80})$/.exec(value) ?? [];
      const questionId = parseRowId(id);
      if (questionId === null || !answer) {
        ctx.addIssue({ code: "custom", message: "questions.filter.unknown" });
        return z.NEVER;
      }
      return { questionId, value: answer };
    }),
  subject: requiredLine({
    max: SESSION_LIMITS.messageSubject,
    required: "sessionForm.errors.subject.required",
    tooLong: "sessionForm.errors.subject.tooLong",
  }),
  body: requiredText({
    max: SESSION_LIMITS.messageBody,
    required: "sessionForm.errors.body.required",
    tooLong: "sessionForm.errors.body.tooLong",
  }),
});

/**
 * The buttons beside a person on the attendee list: what to do, and to whom. Declining a request
 * may come with a reason, mailed to the person as the organiser wrote it.
 */
const ATTENDEE_INTENTS = [
  "cancel",
  "up",
  "down",
  "present",
  "absent",
  "approve",
  "decline",
] as const;
export const attendeeActionSchema = z.object({
  intent: z.enum(ATTENDEE_INTENTS, { error: "edge.badRequest.body" }),
  registrationId: rowId("edge.badRequest.body"),
  reason: optionalText({
    max: SESSION_LIMITS.declineReason,
    tooLong: "requests.errors.reason.tooLong",
  }),
});

/** Marking someone present, or undoing it: "true" or "false", as the check-in buttons send it. */
const presence = z
  .enum(["true", "false"], { error: "edge.badRequest.body" })
  .transform((value) => value === "true");

/** A tap on the door list: whom, and present or not. */
export const checkInSchema = z.object({
  registrationId: rowId("edge.badRequest.body"),
  present: presence,
});

/** The check-in page a QR code opens: the person is in the address, the form says which way. */
export const scanCheckInSchema = z.object({ present: presence });
