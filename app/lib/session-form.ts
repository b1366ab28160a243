import { DateTime } from "luxon";
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import type { SessionKind, SessionLanguage } from "../../db/schema";
import { personSchema } from "./registration-form";
import { SESSION_KINDS } from "./session-kinds";
import { brusselsTimeToInstant, TIME_ZONE } from "./time";

/**
 * The organiser's forms about a session: the session itself (create, edit, copy), cancelling
 * it, a message to its attendees and adding an attendee by hand. Checked on the server; error
 * messages are catalogue keys, as in registration-form.ts. Times are typed as Brussels wall-clock
 * time and leave this module as UTC instants.
 */

export const SESSION_LIMITS = {
  title: 120,
  summary: 300,
  description: 5000,
  venueName: 120,
  venueAddress: 200,
  /** Seats: more than any venue these sessions use; every change to them mails each attendee. */
  capacity: 1000,
  partners: 10,
  cancelNote: 1000,
  messageSubject: 150,
  messageBody: 5000,
} as const;

export const SESSION_LANGUAGES: readonly SessionLanguage[] = ["nl", "en", "fr"];

// As in registration-form.ts: a control character (CR and LF among them) in a one-line field is
// how a header or a calendar line would be smuggled in; a multi-line field keeps tabs and newlines.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_EXCEPT_NEWLINES = /(?![\t\n\r])\p{Cc}|[\u2028\u2029]/u;
const INVALID_CHARACTERS: MessageKey = "errors.text.invalidCharacters";

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

const isCalendarDate = (value: string) =>
  DATE.test(value) && DateTime.fromISO(value, { zone: TIME_ZONE }).isValid;

const oneLine = (max: number, required: MessageKey | null, tooLong: MessageKey) =>
  z
    .string({ error: required ?? tooLong })
    .trim()
    .min(required ? 1 : 0, required ?? tooLong)
    .max(max, tooLong)
    .refine((value) => !CONTROL_CHARACTERS.test(value), { message: INVALID_CHARACTERS });

const multiLine = (max: number, tooLong: MessageKey) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((value) => !CONTROL_EXCEPT_NEWLINES.test(value), { message: INVALID_CHARACTERS })
    // One kind of line ending, whatever the browser sent.
    .transform((value) => value.replace(/\r\n?/g, "\n"));

const wholeNumber = (error: MessageKey, { min, max }: { min: number; max: number }) =>
  z
    .string({ error })
    .trim()
    .regex(WHOLE_NUMBER, error)
    .transform(Number)
    .pipe(z.number().int().min(min, error).max(max, error));

const time = (error: MessageKey) =>
  z
    .string({ error })
    .trim()
    .regex(TIME, error)
    .transform((value) => value.slice(0, 5));

/** "YYYY-MM-DDTHH:mm" in Brussels, or empty for "no limit"; out comes the UTC instant or null. */
const optionalDateTimeLocal = (error: MessageKey) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const match = DATE_TIME_LOCAL.exec(value);
      if (!match?.[1] || !match[2] || !isCalendarDate(match[1])) {
        ctx.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return brusselsTimeToInstant(match[1], match[2]);
    });

const sessionFields = z.object({
  title: oneLine(
    SESSION_LIMITS.title,
    "sessionForm.errors.title.required",
    "sessionForm.errors.title.tooLong",
  ),
  summary: oneLine(
    SESSION_LIMITS.summary,
    "sessionForm.errors.summary.required",
    "sessionForm.errors.summary.tooLong",
  ),
  description: multiLine(SESSION_LIMITS.description, "sessionForm.errors.description.tooLong")
    .optional()
    .default(""),
  kind: z.enum(SESSION_KINDS as [SessionKind, ...SessionKind[]], {
    error: "sessionForm.errors.kind.invalid",
  }),
  cityId: wholeNumber("sessionForm.errors.cityId.required", { min: 1, max: MAX_ROW_ID }),
  venueName: oneLine(
    SESSION_LIMITS.venueName,
    "sessionForm.errors.venueName.required",
    "sessionForm.errors.venueName.tooLong",
  ),
  venueAddress: oneLine(
    SESSION_LIMITS.venueAddress,
    "sessionForm.errors.venueAddress.required",
    "sessionForm.errors.venueAddress.tooLong",
  ),
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
  partnerIds: z
    .array(
      z
        .string()
        .regex(WHOLE_NUMBER, "sessionForm.errors.partnerIds.invalid")
        .transform(Number)
        .pipe(z.number().int().min(1, "sessionForm.errors.partnerIds.invalid")),
      { error: "sessionForm.errors.partnerIds.invalid" },
    )
    .transform((ids) => [...new Set(ids)])
    .pipe(
      z.array(z.number()).max(SESSION_LIMITS.partners, "sessionForm.errors.partnerIds.tooMany"),
    ),
  confirmMoveToWaitlist: z
    .string()
    .optional()
    .transform((value) => Boolean(value)),
});

type SessionFields = z.output<typeof sessionFields>;
export type SessionFormField = keyof z.input<typeof sessionFields>;
export type SessionFormErrors = Partial<Record<SessionFormField, MessageKey>>;

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
}

export type SessionFormData = SessionInput & {
  /** The organiser agreed that lowering the capacity sends the last confirmed people back to the waiting list. */
  confirmMoveToWaitlist: boolean;
};

const instantsOf = (fields: Pick<SessionFields, "date" | "startTime" | "endTime">) => ({
  startsAt: brusselsTimeToInstant(fields.date, fields.startTime),
  endsAt: brusselsTimeToInstant(fields.date, fields.endTime),
});

/**
 * The session form. The checks between fields run even when other fields are wrong (zod skips
 * them by default), so one round trip shows every problem; each runs only on fields that passed.
 */
export const sessionFormSchema = sessionFields
  .superRefine(
    (fields, ctx) => {
      const valid = (...names: SessionFormField[]) =>
        !ctx.issues.some((issue) => names.includes(issue.path?.[0] as SessionFormField));
      const issue = (field: SessionFormField, message: MessageKey) =>
        ctx.addIssue({ code: "custom", path: [field], message });

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

const SESSION_TEXT_FIELDS = [
  "title",
  "summary",
  "description",
  "kind",
  "cityId",
  "venueName",
  "venueAddress",
  "date",
  "startTime",
  "endTime",
  "capacity",
  "registrationOpensAt",
  "registrationClosesAt",
  "language",
  "confirmMoveToWaitlist",
] as const satisfies readonly SessionFormField[];

const text = (formData: FormData, field: string) => {
  const value = formData.get(field);
  return typeof value === "string" ? value : undefined;
};

function firstErrors<Field extends string>(error: z.ZodError): Partial<Record<Field, MessageKey>> {
  const errors: Partial<Record<Field, MessageKey>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as Field;
    errors[field] ??= issue.message as MessageKey;
  }
  return errors;
}

export function parseSessionForm(
  formData: FormData,
): { ok: true; data: SessionFormData } | { ok: false; errors: SessionFormErrors } {
  const raw: Record<string, unknown> = Object.fromEntries(
    SESSION_TEXT_FIELDS.map((field) => [field, text(formData, field)]),
  );
  raw.partnerIds = formData
    .getAll("partnerIds")
    .filter((value): value is string => typeof value === "string" && value.trim() !== "")
    .map((value) => value.trim());
  const result = sessionFormSchema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: firstErrors<SessionFormField>(result.error) };
}

/** The session form's fields as the inputs hold them: to prefill it, or to show it again. */
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
}

/** What was submitted, to put back into the form next to its errors. */
export function readSessionFormValues(formData: FormData): SessionFormValues {
  const get = (field: keyof SessionFormValues) => text(formData, field) ?? "";
  return {
    title: get("title"),
    summary: get("summary"),
    description: get("description"),
    kind: get("kind"),
    cityId: get("cityId"),
    venueName: get("venueName"),
    venueAddress: get("venueAddress"),
    date: get("date"),
    startTime: get("startTime"),
    endTime: get("endTime"),
    capacity: get("capacity"),
    registrationOpensAt: get("registrationOpensAt"),
    registrationClosesAt: get("registrationClosesAt"),
    language: get("language"),
    partnerIds: formData.getAll("partnerIds").filter((v): v is string => typeof v === "string"),
  };
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
  message: multiLine(SESSION_LIMITS.cancelNote, "sessionForm.errors.cancelMessage.tooLong")
    .optional()
    .transform((value) => value || null),
});
export type CancelSessionForm = z.output<typeof cancelSessionSchema>;

export function parseCancelSessionForm(
  formData: FormData,
):
  | { ok: true; data: CancelSessionForm }
  | { ok: false; errors: Partial<Record<"message", MessageKey>> } {
  const result = cancelSessionSchema.safeParse({ message: text(formData, "message") });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: firstErrors<"message">(result.error) };
}

export const MESSAGE_AUDIENCES = ["confirmed", "waitlisted", "present"] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

/** A plain-text message from the organiser to one group of a session's attendees. */
export const attendeeMessageSchema = z.object({
  audience: z.enum(MESSAGE_AUDIENCES, { error: "sessionForm.errors.audience.invalid" }),
  subject: oneLine(
    SESSION_LIMITS.messageSubject,
    "sessionForm.errors.subject.required",
    "sessionForm.errors.subject.tooLong",
  ),
  body: multiLine(SESSION_LIMITS.messageBody, "sessionForm.errors.body.tooLong").refine(
    (value) => value.length > 0,
    { message: "sessionForm.errors.body.required" },
  ),
});
export type AttendeeMessageForm = z.output<typeof attendeeMessageSchema>;
export type AttendeeMessageField = keyof AttendeeMessageForm;

export function parseAttendeeMessageForm(
  formData: FormData,
):
  | { ok: true; data: AttendeeMessageForm }
  | { ok: false; errors: Partial<Record<AttendeeMessageField, MessageKey>> } {
  const result = attendeeMessageSchema.safeParse({
    audience: text(formData, "audience"),
    subject: text(formData, "subject"),
    body: text(formData, "body") ?? "",
  });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: firstErrors<AttendeeMessageField>(result.error) };
}

/**
 * Adding an attendee by hand: the sign-up form's fields and checks without the consent box,
 * which is the visitor's own statement (the organiser collects consent where they meet).
 */
export const attendeeSchema = personSchema;
export type AttendeeForm = z.output<typeof attendeeSchema>;
export type AttendeeField = keyof z.input<typeof attendeeSchema>;

export function parseAttendeeForm(
  formData: FormData,
):
  | { ok: true; data: AttendeeForm }
  | { ok: false; errors: Partial<Record<AttendeeField, MessageKey>> } {
  const result = attendeeSchema.safeParse(
    Object.fromEntries(
      Object.keys(personSchema.shape).map((field) => [field, text(formData, field)]),
    ),
  );
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: firstErrors<AttendeeField>(result.error) };
}
