import type { I18n } from "~/i18n";

/**
 * The register of processing (article 30 GDPR): every way the app handles personal data, as
 * data. The privacy statement (/privacy) and the admins' register (/beheer/verwerkingsregister)
 * both render `describeRegister`, so what visitors read and what the city keeps on file can
 * never disagree. A new table or field holding someone's data gets its line here.
 */

type DataSubject = "attendees" | "organisers";

type DataCategory =
  | "name"
  | "email"
  | "organisation"
  | "enterpriseNumber"
  | "sessionAnswers"
  | "signUpMoment"
  | "status"
  | "checkIn"
  | "language"
  | "roleAndScope"
  | "passwordHash"
  | "signIns"
  | "auditTrail"
  | "messageContent"
  | "deliveryStatus"
  | "hashedAddresses"
  | "requestMoments"
  | "pseudonym";

type Recipient = "cityOrganisers" | "sessionPartners" | "admins" | "mailServer" | "nobody";

/** How long, and which setting decides it (the settings are read on the server). */
type Retention =
  | "monthsAfterSession" // RETENTION_MONTHS
  | "monthsAfterLastSession" // PSEUDONYM_MONTHS, never before RETENTION_MONTHS
  | "daysAfterSending" // OUTBOX_KEEP_DAYS
  | "untilAccountRemoved"
  | "whileDomainAllowed" // an admin invites the address again, or its domain is no longer allowed
  | "aboutADay" // app/models/rate-limit.server.ts keeps counts a day at most
  | "untilDone"; // a job is deleted once done; one given up goes after OUTBOX_KEEP_DAYS

type LegalBasis = "consent" | "publicTask";

interface ProcessingActivity {
  id:
    | "registrations"
    | "cityFigures"
    | "organiserAccounts"
    | "removedOrganisers"
    | "mailLog"
    | "abuseLimits"
    | "deferredWork";
  subjects: DataSubject[];
  categories: DataCategory[];
  recipients: Recipient[];
  retention: Retention;
  legalBasis: LegalBasis[];
}

const PROCESSING_REGISTER: readonly ProcessingActivity[] = [
  {
    id: "registrations",
    subjects: ["attendees"],
    categories: [
      "name",
      "email",
      "organisation",
      "enterpriseNumber",
      "sessionAnswers",
      "signUpMoment",
      "status",
      "checkIn",
      "language",
    ],
    recipients: ["cityOrganisers", "sessionPartners"],
    retention: "monthsAfterSession",
    legalBasis: ["consent"],
  },
  {
    // The report's counts of people: a keyed one-way pseudonym of the address on each
    // registration (app/models/pseudonym.server.ts), kept past anonymisation. Only totals leave.
    id: "cityFigures",
    subjects: ["attendees"],
    categories: ["pseudonym", "signUpMoment", "status", "checkIn"],
    recipients: ["nobody"],
    retention: "monthsAfterLastSession",
    legalBasis: ["publicTask"],
  },
  {
    id: "organiserAccounts",
    subjects: ["organisers"],
    categories: ["name", "email", "roleAndScope", "passwordHash", "signIns", "auditTrail"],
    recipients: ["admins"],
    retention: "untilAccountRemoved",
    legalBasis: ["publicTask"],
  },
  {
    // An address an admin removed while its domain was allowed for signing in: a keyed one-way
    // hash and the domain (app/models/refused-address.server.ts), so it does not join again.
    id: "removedOrganisers",
    subjects: ["organisers"],
    categories: ["pseudonym"],
    recipients: ["nobody"],
    retention: "whileDomainAllowed",
    legalBasis: ["publicTask"],
  },
  {
    id: "mailLog",
    subjects: ["attendees", "organisers"],
    categories: ["name", "email", "messageContent", "deliveryStatus"],
    recipients: ["mailServer"],
    retention: "daysAfterSending",
    // The mail of a registration rests on its consent, an organiser's reset link on the task.
    legalBasis: ["consent", "publicTask"],
  },
  {
    id: "abuseLimits",
    subjects: ["attendees", "organisers"],
    categories: ["hashedAddresses", "requestMoments"],
    recipients: ["nobody"],
    retention: "aboutADay",
    legalBasis: ["publicTask"],
  },
  {
    // The jobs table: a password link asked for (the address typed, which may be anyone's) and
    // a failed sign-in to log (the account and the client address), until the worker runs it.
    id: "deferredWork",
    subjects: ["attendees", "organisers"],
    categories: ["email", "signIns"],
    recipients: ["nobody"],
    retention: "untilDone",
    legalBasis: ["publicTask"],
  },
];

/** What the statements depend on that is not in the code: the settings and the partners. */
export interface RegisterSettings {
  retentionMonths: number;
  outboxKeepDays: number;
  /** PSEUDONYM_MONTHS: how long after a person's last session their pseudonym is kept. */
  pseudonymMonths: number;
  /** Every partner's name, from the database. */
  partners: string[];
}

/** One activity in words, the same on every page that shows it. */
export interface DescribedActivity {
  id: ProcessingActivity["id"];
  title: string;
  purpose: string;
  subjects: string[];
  categories: string[];
  recipients: string[];
  retention: string;
  legalBasis: string[];
}

export function describeRegister(
  { t, list }: Pick<I18n, "t" | "list">,
  settings: RegisterSettings,
): DescribedActivity[] {
  const partnerValues = {
    partnerCount: settings.partners.length,
    partners: list(settings.partners),
  };
  const retentionValues = {
    months: settings.retentionMonths,
    days: settings.outboxKeepDays,
    // The pseudonym never goes before the registration is anonymised.
    pseudonymMonths: Math.max(settings.pseudonymMonths, settings.retentionMonths),
  };
  return PROCESSING_REGISTER.map((activity) => ({
    id: activity.id,
    title: t(`privacy.activity.${activity.id}.title`),
    purpose: t(`privacy.activity.${activity.id}.purpose`),
    subjects: activity.subjects.map((subject) => t(`privacy.subject.${subject}`)),
    categories: activity.categories.map((category) => t(`privacy.category.${category}`)),
    recipients: activity.recipients.map((recipient) =>
      t(`privacy.recipient.${recipient}`, partnerValues),
    ),
    retention: t(`privacy.retention.${activity.retention}`, retentionValues),
    legalBasis: activity.legalBasis.map((basis) => t(`privacy.basis.${basis}`)),
  }));
}
