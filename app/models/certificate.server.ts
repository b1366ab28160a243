import { createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Registration } from "../../db/schema";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n";
import { type CertificateFacts, certificateUrl, hasCertificate } from "../lib/certificate";
import { config } from "../lib/config.server";
import { nowInstant } from "../lib/time";
import { openManageToken } from "./registration.server";
import { issueRegistrationToken } from "./registration-token.server";
import { getSessionById, type SessionDetail } from "./session.server";

/**
 * Certificates of attendance, and the code on each that anyone may check at
 * `/certificaat/<code>`.
 *
 * The code is the registration's id and an HMAC of it under a key derived from the session
 * secret: it can be made again for every download (nothing is stored, a download changes
 * nothing) and cannot be made for another registration without the secret, while the id alone
 * tells nothing of the person. The HMAC seals the registration, not the certificate's text: the
 * page shows what the records say now (the same facts the certificate shows, no more), so an
 * altered name or date shows up beside it, and a title an organiser corrects later does not
 * turn a genuine certificate into a false one. The records must still say the person came:
 * a check-in undone or a seat cancelled since makes the code unknown, and a registration erased
 * (by its owner or by retention) can no longer be checked, and the page says so.
 */

const CODE = /^([1-9][0-9]{0,11})-([0-9a-f]{24})$/;

function sealOf(registrationId: number): string {
  // A key of its own, so a value made here can never stand for a cookie's signature.
  const key = createHmac("sha256", config().sessionSecret).update("certificate-code/v1").digest();
  return createHmac("sha256", key).update(String(registrationId)).digest("hex").slice(0, 24);
}

/** The code a registration's certificate carries. */
function certificateCode(registrationId: number): string {
  return `${registrationId}-${sealOf(registrationId)}`;
}

/** The registration a code was made for, or null when no certificate of ours carries it. */
function registrationIdOfCode(code: string): number | null {
  const match = CODE.exec(code.trim().toLowerCase());
  if (!match?.[1] || !match[2]) return null;
  const registrationId = Number(match[1]);
  const expected = Buffer.from(sealOf(registrationId));
  const given = Buffer.from(match[2]);
  return timingSafeEqual(expected, given) ? registrationId : null;
}

function factsOf(registration: Registration, session: SessionDetail): CertificateFacts {
  return {
    name: registration.name,
    sessionTitle: session.title,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    city: session.city.name,
    partners: session.partners.map((partner) => partner.name),
  };
}

const localeOf = (registration: Pick<Registration, "locale">): Locale =>
  isLocale(registration.locale) ? registration.locale : DEFAULT_LOCALE;

export type CertificateOutcome =
  | {
      state: "found";
      facts: CertificateFacts;
      code: string;
      locale: Locale;
      sessionSlug: string;
    }
  /** The manage link is known, but the person was not checked in or the session has not begun. */
  | { state: "none"; locale: Locale }
  | { state: "erased" }
  | { state: "unknown" };

/** The certificate a manage link gives, in the registration's language. */
export async function certificateByManageToken(
  token: string,
  { now = nowInstant() }: { now?: string } = {},
): Promise<CertificateOutcome> {
  const found = await openManageToken(token);
  if (found.state !== "found") return found;
  const { registration, session } = found;
  const locale = localeOf(registration);
  if (!hasCertificate(registration, session, now)) return { state: "none", locale };
  return {
    state: "found",
    facts: factsOf(registration, session),
    code: certificateCode(registration.id),
    locale,
    sessionSlug: session.slug,
  };
}

export type Verification =
  | { state: "genuine"; facts: CertificateFacts }
  | { state: "erased" }
  | { state: "unknown" };

/** What the records say about the certificate with this code. */
export async function verifyCertificate(
  code: string,
  { now = nowInstant() }: { now?: string } = {},
): Promise<Verification> {
  const registrationId = registrationIdOfCode(code);
  if (registrationId === null) return { state: "unknown" };
  const registration = await database()
    .db.selectFrom("registrations")
    .selectAll()
    .where("id", "=", registrationId)
    .executeTakeFirst();
  if (!registration) return { state: "unknown" };
  if (registration.anonymised_at !== null) return { state: "erased" };
  const session = await getSessionById(registration.session_id);
  if (!session || !hasCertificate(registration, session, now)) return { state: "unknown" };
  return {
    state: "genuine",
    facts: factsOf(registration, session),
  };
}

/**
 * The address a mail gives for downloading the registration's certificate, or null when it has
 * none (not checked in, cancelled, erased, the session not begun). It carries a manage token
 * made for it, in the caller's transaction, as every mailed link does: only hashes are stored.
 */
export async function certificateLinkFor(
  trx: Kysely<Database>,
  registrationId: number,
  now: string,
): Promise<string | null> {
  const row = await trx
    .selectFrom("registrations")
    .innerJoin("sessions", "sessions.id", "registrations.session_id")
    .select([
      "registrations.status",
      "registrations.checked_in_at",
      "registrations.anonymised_at",
      "sessions.status as session_status",
      "sessions.starts_at",
    ])
    .where("registrations.id", "=", registrationId)
    .executeTakeFirst();
  if (!row) return null;
  if (!hasCertificate(row, { status: row.session_status, starts_at: row.starts_at }, now)) {
    return null;
  }
  const token = await issueRegistrationToken(trx, registrationId, "manage", now);
  return certificateUrl(config().publicUrl, token);
}
