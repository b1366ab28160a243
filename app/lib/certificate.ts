import type { Registration, Session } from "../../db/schema";
import type { I18n, Locale } from "../i18n";
import { localePath } from "./locale-path";

/** What a certificate states, and the page that verifies it shows. */
export interface CertificateFacts {
  name: string;
  sessionTitle: string;
  startsAt: string;
  endsAt: string;
  city: string;
  partners: string[];
}

/**
 * A certificate of attendance says that someone was there: only a seat that was checked in at
 * the door, of a session that took place and has begun, has one. A registration cancelled or
 * erased since has none, whatever its check-in said.
 */
export function hasCertificate(
  registration: Pick<Registration, "status" | "checked_in_at" | "anonymised_at">,
  session: Pick<Session, "status" | "starts_at">,
  now: string,
): boolean {
  return (
    registration.status === "confirmed" &&
    registration.checked_in_at !== null &&
    registration.anonymised_at === null &&
    session.status !== "cancelled" &&
    session.starts_at <= now
  );
}

/**
 * Where a registration's certificate is downloaded: under its manage link, whose holder alone
 * may have it. No language prefix: the PDF is in the registration's language.
 */
export function certificatePath(manageToken: string): string {
  return `/inschrijving/${encodeURIComponent(manageToken)}/certificaat.pdf`;
}

/** The same, as a full address: for a mail, which carries a manage token made for it. */
export function certificateUrl(publicUrl: string, manageToken: string): string {
  return `${publicUrl}${certificatePath(manageToken)}`;
}

/** The public page that says whether the certificate with this code is genuine. */
export function verificationUrl(publicUrl: string, locale: Locale, code: string): string {
  return `${publicUrl}${localePath(locale, `/certificaat/${encodeURIComponent(code)}`)}`;
}

/** "1 uur en 30 minuten": how long a session lasted, in whole minutes. */
export function durationText({ t, list }: I18n, startsAt: string, endsAt: string): string {
  const total = Math.max(0, Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts = [
    ...(hours > 0 ? [t("certificate.hours", { hours })] : []),
    ...(minutes > 0 || hours === 0 ? [t("certificate.minutes", { minutes })] : []),
  ];
  return list(parts);
}

/** A file name any system takes: ASCII letters, digits and dashes, from the session's slug. */
export function certificateFileName({ t }: I18n, sessionSlug: string): string {
  const slug = sessionSlug
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${t("certificate.fileName")}${slug ? `-${slug}` : ""}.pdf`;
}
