import { database } from "../../db/client";
import { DEFAULT_LOCALE, isLocale } from "../i18n";
import { answerText, inLanguage } from "../lib/questions";
import { nowInstant } from "../lib/time";
import { answeredQuestions, answersOf } from "./question.server";
import { resolveRegistrationToken } from "./registration-token.server";

/**
 * Everything kept about one registration, for the person it belongs to (GDPR art. 15 and 20):
 * their fields exactly as they entered them, the session, what happened to the registration
 * and when, and the mails sent to them. Calendar keys and link tokens are not the person's data
 * but the app's, and stay out.
 */
interface RegistrationDataExport {
  person: {
    name: string;
    email: string;
    organisation: string | null;
    enterpriseNumber: string | null;
    language: string;
  };
  /** The answers to the session's questions, as the person read them, in their language. */
  answers: { question: string; answer: string }[];
  session: {
    title: string;
    startsAt: string;
    endsAt: string;
    venue: string;
    address: string;
    city: string;
  };
  registration: {
    status: string;
    source: string;
    signedUpAt: string;
    consentedAt: string;
    /** When the person said yes to news from the city; null for no. */
    newsOptInAt: string | null;
    confirmedAt: string | null;
    cancelledAt: string | null;
    checkedInAt: string | null;
    /** When a request was declined, or closed undecided at the start. */
    declinedAt: string | null;
    /** The organiser's reason for declining, as mailed. */
    declineReason: string | null;
    /** When the person last corrected their own details on the manage page; null: never. */
    detailsUpdatedAt: string | null;
  };
  mails: {
    kind: string;
    subject: string;
    status: string;
    queuedAt: string;
    sentAt: string | null;
  }[];
  exportedAt: string;
}

export type RegistrationDataResult =
  | { state: "found"; data: RegistrationDataExport }
  | { state: "erased" }
  | { state: "unknown" };

export async function registrationDataByToken(
  token: string,
  now = nowInstant(),
): Promise<RegistrationDataResult> {
  const target = await resolveRegistrationToken(token, "manage");
  if (target.state !== "found") return target;
  const { db } = database();
  const row = await db
    .selectFrom("registrations")
    .innerJoin("sessions", "sessions.id", "registrations.session_id")
    .innerJoin("cities", "cities.id", "sessions.city_id")
    .select([
      "registrations.id",
      "registrations.name",
      "registrations.email",
      "registrations.organisation",
      "registrations.enterprise_number",
      "registrations.locale",
      "registrations.status",
      "registrations.source",
      "registrations.created_at",
      "registrations.consented_at",
      "registrations.news_opt_in_at",
      "registrations.confirmed_at",
      "registrations.cancelled_at",
      "registrations.checked_in_at",
      "registrations.declined_at",
      "registrations.decline_reason",
      "registrations.details_updated_at",
      "registrations.anonymised_at",
      "registrations.session_id",
      "sessions.title",
      "sessions.starts_at",
      "sessions.ends_at",
      "sessions.venue_name",
      "sessions.venue_address",
      "cities.name as city",
    ])
    .where("registrations.id", "=", target.registrationId)
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  if (row.anonymised_at !== null) return { state: "erased" };
  const mails = await db
    .selectFrom("outbox")
    .select(["kind", "subject", "status", "created_at", "sent_at"])
    .where("registration_id", "=", row.id)
    .orderBy("id")
    .execute();
  const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
  const answers = (await answersOf([row.id])).get(row.id) ?? new Map<number, string>();
  const questions = await answeredQuestions(row.session_id);
  return {
    state: "found",
    data: {
      person: {
        name: row.name,
        email: row.email,
        organisation: row.organisation,
        enterpriseNumber: row.enterprise_number,
        language: row.locale,
      },
      answers: questions.flatMap((question) => {
        const value = answers.get(question.id);
        return value === undefined
          ? []
          : [
              {
                question: inLanguage(question.label, locale),
                answer: answerText(question, value, locale),
              },
            ];
      }),
      session: {
        title: row.title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        venue: row.venue_name,
        address: row.venue_address,
        city: row.city,
      },
      registration: {
        status: row.status,
        source: row.source,
        signedUpAt: row.created_at,
        consentedAt: row.consented_at,
        newsOptInAt: row.news_opt_in_at,
        confirmedAt: row.confirmed_at,
        cancelledAt: row.cancelled_at,
        checkedInAt: row.checked_in_at,
        declinedAt: row.declined_at,
        declineReason: row.decline_reason,
        detailsUpdatedAt: row.details_updated_at,
      },
      mails: mails.map((mail) => ({
        kind: mail.kind,
        subject: mail.subject,
        status: mail.status,
        queuedAt: mail.created_at,
        sentAt: mail.sent_at,
      })),
      exportedAt: now,
    },
  };
}
