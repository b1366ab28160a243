import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/**
 * Instants are stored as UTC ISO-8601 text ("2026-12-03T07:30:00.000Z") on SQLite and
 * PostgreSQL alike: the two databases then sort, compare and return them identically,
 * and the app converts to Europe/Brussels only when it shows them.
 */
type Instant = string;

export type SessionKind = "info" | "breakfast" | "forum";
type SessionStatus = "scheduled" | "cancelled";
export type SessionLanguage = "nl" | "en" | "fr";
/**
 * `requested`: a sign-up to a session that requires approval, waiting for an organiser's
 * decision and holding no seat; `declined`: an organiser said no; `expired`: the session began
 * before anyone decided. Confirmed, waitlisted and requested registrations are live: one per
 * address and session.
 */
export type RegistrationStatus =
  | "confirmed"
  | "waitlisted"
  | "cancelled"
  | "requested"
  | "declined"
  | "expired";
/** `superseded`: overtaken by a later message about the same registration, never sent. */
type OutboxStatus = "pending" | "sent" | "failed" | "superseded";
/** `door`: a walk-in, added at the door and checked in at once; holds no seat (see attendee counts). */
export type RegistrationSource = "public" | "organiser" | "door";
export type OrganiserRole = "admin" | "organiser" | "door";

interface CitiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  province: string;
  created_at: ColumnType<Instant, Instant, never>;
}

interface PartnersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  website: string | null;
  created_at: ColumnType<Instant, Instant, never>;
}

interface SessionsTable {
  id: Generated<number>;
  slug: string;
  city_id: number;
  kind: SessionKind;
  title: string;
  summary: string;
  description: string;
  venue_name: string;
  venue_address: string;
  starts_at: Instant;
  ends_at: Instant;
  capacity: number;
  registration_opens_at: Instant | null;
  registration_closes_at: Instant | null;
  language: SessionLanguage;
  status: SessionStatus;
  created_at: ColumnType<Instant, Instant, never>;
  updated_at: Instant;
  /**
   * SEQUENCE of the session's public calendar object (its .ics file and the feeds): raised when
   * its time changes and on cancellation (RFC 5546 §2.1.4); other changes a calendar shows
   * (title, texts, place) change its DTSTAMP and LAST-MODIFIED (updated_at) only.
   */
  ical_sequence: Generated<number>;
  /** The start before the session last moved; null if it never did. */
  previous_starts_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The place's coordinates (WGS84) where known, for GEO and maps; null when not. */
  venue_latitude: ColumnType<number | null, number | null | undefined, number | null>;
  venue_longitude: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1: attendees get a reminder at 09:00 Brussels time the day before; 0: not. */
  remind_day_before: Generated<number>;
  /** 1: attendees get a reminder two hours before the start; 0: not. */
  remind_two_hours: Generated<number>;
  /** 1: a sign-up is a request that an organiser approves (a seat) or declines; 0: not. */
  requires_approval: Generated<number>;
  /** How many people one sign-up may bring, the person signing up included (1: no colleagues). */
  max_group_size: Generated<number>;
  /** 1: on no list, feed, embed or API, and not for search engines: reachable by its address. */
  unlisted: Generated<number>;
  /** The domains a sign-up's address must be of, lower-cased, separated by spaces; "": any. */
  email_domains: Generated<string>;
  /** 1: those checked in get a thank-you with a survey once the session has ended; 0: not. */
  send_thank_you: Generated<number>;
  /** 1: those who had a seat and did not come get a "we missed you" mail; 0: not. */
  send_missed_you: Generated<number>;
  /** Hours after the end that those mails go (0–72). */
  follow_up_hours: Generated<number>;
  /**
   * Confirmed registrations holding a seat (walk-ins left out) and registrations waiting: kept
   * by triggers on registrations, for the sign-up that decides under the row's lock. Never set.
   */
  seats_taken: ColumnType<number, never, never>;
  waiting_count: ColumnType<number, never, never>;
}

interface SessionPartnersTable {
  session_id: number;
  partner_id: number;
  position: number;
}

interface RegistrationsTable {
  id: Generated<number>;
  session_id: number;
  /** The iCalendar UID of this person's invite: stable for the life of the registration. */
  ical_uid: string;
  /**
   * RFC 5546 SEQUENCE of the invite: raised when the session's time changes and when the invite
   * is cancelled (or sent again after one); other changes go out at the same SEQUENCE.
   */
  ical_sequence: number;
  name: string;
  email: string;
  /** Lower-cased, trimmed email: the key for "one seat per person per session". */
  email_normalized: string;
  organisation: string | null;
  enterprise_number: string | null;
  locale: string;
  status: RegistrationStatus;
  consented_at: Instant;
  created_at: ColumnType<Instant, Instant, never>;
  updated_at: Instant;
  confirmed_at: Instant | null;
  cancelled_at: Instant | null;
  checked_in_at: Instant | null;
  /**
   * "public" (the sign-up form), "organiser" (added by hand) or "door" (walked in: confirmed and
   * checked in at the door, outside the seats; its email may be "", no address).
   */
  source: Generated<RegistrationSource>;
  /** When the person said yes to news from the city (a separate, optional box); null for no. */
  news_opt_in_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** Order on the waiting list, ascending: the sign-up moment in ms unless an organiser moved someone. */
  queue_position: number;
  /** When this person's data was replaced by placeholders (retention or erasure); null until then. */
  anonymised_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The last answer the person's calendar sent to their invite (iTIP REPLY); null: none yet. */
  calendar_reply: ColumnType<
    CalendarReply | null,
    CalendarReply | null | undefined,
    CalendarReply | null
  >;
  calendar_replied_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** When a request was declined, or closed undecided at the start (`expired`); null otherwise. */
  declined_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The organiser's reason for declining, as mailed to the person; null when none. Personal data. */
  decline_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** Shared by the registrations one sign-up made for several people; null for one person. */
  group_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: the group takes seats all together or waits together; 0: whoever fits takes a seat. */
  group_together: Generated<number>;
  /**
   * When the person last corrected their own details on their manage page; null when they never
   * did (or once the registration is anonymised: the mark was about details that are gone).
   */
  details_updated_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /**
   * 1: the person answered the survey after the session (it can be answered once). A flag with
   * no time, so the order of the answers cannot be matched to the people.
   */
  survey_answered: Generated<number>;
  /**
   * A one-way pseudonym of the normalised address (app/models/pseudonym.server.ts): the same for
   * every registration of one person, so the report counts people, not sign-ups. Kept when
   * retention anonymises the registration, cleared on erasure and PSEUDONYM_MONTHS after the
   * person's last session; null then (and for registrations anonymised before it existed).
   */
  person_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export type CalendarReply = "accepted" | "tentative" | "declined";

export type QuestionType =
  | "shortText"
  | "longText"
  | "oneChoice"
  | "severalChoices"
  | "yesNo"
  | "number"
  | "mustTick"
  | "scale";

/** The form that asks a question: the sign-up form, or the survey after the session. */
export type QuestionPart = "signUp" | "survey";

/**
 * A question a session asks at sign-up or in its survey, in Dutch and optionally French and
 * English (which fall back to Dutch). Never deleted: a removed question keeps `removed_at`, so
 * its answers keep their meaning in lists and exports. See app/lib/questions.ts for what each
 * field means.
 */
interface SessionQuestionsTable {
  id: Generated<number>;
  session_id: number;
  /** The form that asks it; set when it is made, never changed. */
  part: ColumnType<QuestionPart, QuestionPart | undefined, never>;
  /** Ascending, the order of the form. */
  position: number;
  type: QuestionType;
  label_nl: string;
  label_fr: string | null;
  label_en: string | null;
  help_nl: string | null;
  help_fr: string | null;
  help_en: string | null;
  /** 1: an answer is needed (a must-tick box always needs its tick). */
  required: Generated<number>;
  /** 1: asked of each person a sign-up brings (for sign-ups of several people). */
  per_person: Generated<number>;
  /** One choice: shown as radio buttons or a select; null for other types. */
  choice_display: "radio" | "select" | null;
  /** JSON of the choices (`Choice[]` in app/lib/questions.ts), removed ones marked; null if none. */
  choices: string | null;
  /** Text: the most characters an answer may have; null: the type's default. */
  max_length: number | null;
  /** Number: the smallest and largest whole number taken; null: no limit. */
  min_value: number | null;
  max_value: number | null;
  created_at: ColumnType<Instant, Instant, never>;
  updated_at: Instant;
  removed_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/**
 * One answer of one registration to one question: the text, the number, a choice's key, a JSON
 * list of keys (several choices), or "yes"/"no". Personal data.
 */
interface RegistrationAnswersTable {
  registration_id: number;
  question_id: number;
  value: string;
}

export type ReminderKind = "dayBefore" | "twoHours";

/**
 * One reminder queued for one registration and one start time: the primary key makes sure no
 * reminder goes twice (several workers may look at once), and a session that moves gets
 * reminders for its new time.
 */
interface SessionRemindersTable {
  registration_id: number;
  kind: ReminderKind;
  starts_at: Instant;
  queued_at: Instant;
}

export type FollowUpKind = "thankYou" | "missedYou";

/**
 * The mail a person got after a session ended: a thank-you with the survey (checked in) or a
 * "we missed you" (a seat, not there). One row per registration: the primary key makes sure
 * nobody gets one twice, whichever worker looks; the thank-yous of a session are the survey's
 * response-rate denominator.
 */
interface SessionFollowUpsTable {
  registration_id: number;
  session_id: number;
  kind: FollowUpKind;
  queued_at: Instant;
}

export type Usefulness = "yes" | "somewhat" | "no";

/**
 * One answer to the survey after a session: by session only, with no registration, no time and
 * nothing else that leads to the person. Not personal data; kept when the people are anonymised.
 */
interface SurveyResponsesTable {
  id: Generated<number>;
  session_id: number;
  /** 1 to 5. */
  rating: number;
  useful: Usefulness;
  /** The open question's answer; null when left empty. Untrusted text. */
  comment: string | null;
}

/**
 * One answer to one of the survey's own questions (`session_questions` of part "survey"), part
 * of one anonymous answer to the survey: stored as `registration_answers` stores them (app/lib/
 * questions.ts), with nothing that leads to the person. Untrusted text.
 */
interface SurveyAnswersTable {
  response_id: number;
  question_id: number;
  value: string;
}

/** "failed": its processing kept failing and it was given up (kept for a look until retention). */
type InboundMailStatus = "pending" | "processed" | "failed";

/**
 * Mail that reached the app (iTIP replies from calendars), stored before it is acted on. Once
 * processed, the raw message goes and what it was and what came of it stay.
 */
interface InboundMailTable {
  id: Generated<number>;
  received_at: Instant;
  /** "smtp" (INBOUND_SMTP_PORT) or "http" (POST /api/inbound-mail). */
  via: string;
  /** The SMTP envelope sender (MAIL FROM); null when the mail came over HTTP. */
  envelope_from: string | null;
  /** SHA-256 of the raw message: the same mail delivered twice is stored once. */
  digest: string;
  /** The message as received; null once processed. Personal data. */
  raw: string | null;
  status: InboundMailStatus;
  /** The iTIP METHOD and the UID it was about, once read. */
  method: string | null;
  uid: string | null;
  registration_id: number | null;
  /** What came of it: "declined", "accepted", … or why nothing did ("ignored.unknownUid"). */
  outcome: string | null;
  /** When it was processed, or given up. */
  processed_at: Instant | null;
  /** How often processing failed; it is given up after a number of tries. */
  attempts: Generated<number>;
  /** Not tried again before this, after a failure. */
  next_attempt_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

export type RegistrationTokenPurpose = "manage" | "checkin" | "view" | "survey";

/**
 * The links mailed to a person, by the SHA-256 of their token: the manage page
 * (`/inschrijving/<token>`), an organiser's check-in (the QR code), or the view page the
 * invites' DESCRIPTION links to (`/inschrijving/bekijken/<token>`), or the survey after the
 * session (`/enquete/<token>`, nothing else). Every mail gets a token
 * of its own, and earlier ones keep working. `registration_id` is null once the registration
 * was erased: its link then says so (410) and leads to no one.
 */
interface RegistrationTokensTable {
  token_hash: string;
  registration_id: number | null;
  purpose: RegistrationTokenPurpose;
  created_at: Instant;
}

interface OutboxTable {
  id: Generated<number>;
  kind: string;
  registration_id: number | null;
  to_email: string;
  to_name: string;
  subject: string;
  html: string;
  text: string;
  ics: string | null;
  ics_method: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Instant;
  locked_until: Instant | null;
  last_error: string | null;
  created_at: ColumnType<Instant, Instant, never>;
  sent_at: Instant | null;
  /** When the body and the recipient of a sent mail were removed (after OUTBOX_KEEP_DAYS). */
  body_purged_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /**
   * JSON of what the message is made of (emails/render.server.ts), until the worker renders it
   * into subject/html/text/ics just before the first attempt; then null. Personal data.
   */
  data: ColumnType<string | null, string | null | undefined, string | null>;
  /** When subject/html/text/ics were rendered; null while only `data` is there. */
  rendered_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The Message-ID header, the same on every attempt: a resend is recognisably this message. */
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the mail server refused it for good (status `failed`). */
  failed_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

interface OrganisersTable {
  id: Generated<number>;
  /** Lower-cased. */
  email: string;
  name: string;
  /** scrypt, in the form "scrypt$N$r$p$salt$hash" (base64url parts). */
  password_hash: string;
  role: OrganiserRole;
  /**
   * The language they work in (nl-BE, fr-BE, en-BE): chosen at the invitation, then that of
   * the page they last signed in on. Their mails and QR check-in links use it.
   */
  locale: Generated<string>;
  /** Set when an admin removed the account: it can no longer sign in, the log still names it. */
  removed_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: ColumnType<Instant, Instant, never>;
  updated_at: Instant;
  /**
   * A door volunteer's session: the one they check in at, or (with `door_whole_day`) the one
   * whose day they check in at. Null for admins and organisers.
   */
  door_session_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1: every session of that day the inviting organiser may see; 0: that session only. */
  door_whole_day: ColumnType<number, number | undefined, number>;
  /** Who invited a door volunteer: a day's sessions are those in their scope. */
  door_invited_by: ColumnType<number | null, number | null | undefined, number | null>;
  /**
   * 1: joined through an allowed mail domain (`sign_in_domains`): signs in with the city's
   * accounts only, never with a password or a passkey, and gets no password link; 0: invited.
   */
  city_account_only: ColumnType<number, number | undefined, number>;
}

interface OrganiserScopesTable {
  id: Generated<number>;
  organiser_id: number;
  city_id: number | null;
  partner_id: number | null;
}

/**
 * A mail domain an admin allowed for one city or one partner (one of the two): whoever the
 * city's provider vouches for with an address of it may join as an organiser of that scope.
 */
interface SignInDomainsTable {
  id: Generated<number>;
  /** Lower-cased, in its ASCII form (`xn--…` for an internationalised name). */
  domain: string;
  city_id: number | null;
  partner_id: number | null;
  created_at: Instant;
}

/**
 * An address an admin removed while its domain was allowed: it may not join through the domain
 * again until an admin invites it (refused-address.server.ts).
 */
interface RefusedAddressesTable {
  id: Generated<number>;
  /** HMAC-SHA-256 of the normalised address under a key derived from SESSION_SECRET. */
  address_key: string;
  /** The address's domain, lower-cased, in its ASCII form: retention goes by it. */
  domain: string;
  created_at: Instant;
}

/**
 * `signedIn`: the workspace is open; `code`: the password was right and the second step's code
 * is still to come; `enrol`: the password was right, and someone who must have a second step
 * is setting it up. Only `signedIn` opens anything beyond those two pages.
 */
export type AuthStage = "signedIn" | "code" | "enrol";

interface AuthSessionsTable {
  /** SHA-256 of the cookie's token: a leaked table opens no session. */
  token_hash: string;
  organiser_id: number;
  created_at: Instant;
  expires_at: Instant;
  stage: Generated<AuthStage>;
  /** Names this sign-in on the device list ("sign out this device"); random, no key to anything. */
  public_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A short label of the browser it signed in from ("Firefox on Windows"); null if unknown. */
  device: ColumnType<string | null, string | null | undefined, string | null>;
  /** The client address it signed in from (as limits count it); null if unknown. */
  client_address: ColumnType<string | null, string | null | undefined, string | null>;
  /** When a request last came with it, at most a minute off. */
  last_seen_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** An organiser's authenticator: pending until a first code confirms it. */
interface OrganiserSecondFactorsTable {
  organiser_id: number;
  /** The TOTP secret, sealed with AES-256-GCM under a key derived from SESSION_SECRET. */
  sealed_secret: string;
  created_at: Instant;
  /** When a first code confirmed it; null while it is being set up. */
  enabled_at: Instant | null;
  /** The last 30-second time step a code was accepted for: no code is accepted twice. */
  last_step: number | null;
}

/** One-time codes for when the authenticator is not at hand: SHA-256 of each, used once. */
interface RecoveryCodesTable {
  id: Generated<number>;
  organiser_id: number;
  code_hash: string;
  created_at: Instant;
  used_at: Instant | null;
}

/** A passkey (WebAuthn credential) an organiser added to their account. */
interface PasskeysTable {
  id: Generated<number>;
  organiser_id: number;
  /** The credential's id, base64url, as browsers name it. */
  credential_id: string;
  /** Its public key (COSE), base64url. */
  public_key: string;
  /** The authenticator's signature counter (PostgreSQL's bigint reads as text). */
  counter: ColumnType<number | string, number, number>;
  /** How a browser may reach it ("internal,hybrid"); null if it did not say. */
  transports: string | null;
  /** The name on the organiser's list. */
  name: string;
  created_at: Instant;
  last_used_at: Instant | null;
}

/** A challenge handed out for adding a passkey or signing in with one: its hash, used once. */
interface WebauthnChallengesTable {
  challenge_hash: string;
  purpose: "register" | "signIn";
  /** Whose account a passkey is being added to; null for signing in. */
  organiser_id: number | null;
  expires_at: Instant;
}

/** Settings an admin changes in the app (`secondFactorRequired`: nobody, admins, everyone). */
interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: Instant;
}

interface PasswordResetsTable {
  token_hash: string;
  organiser_id: number;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

interface AuditLogTable {
  id: Generated<number>;
  organiser_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  /** Entries written before the catalogue: a Dutch sentence. Newer entries leave it empty. */
  summary: string;
  /** JSON of the non-personal particulars (ids, counts, field names); null on older entries. */
  details: ColumnType<string | null, string | null | undefined, string | null>;
  /** The client address of the request that caused it (as rate limits count it); null if none. */
  client_address: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Instant;
}

/** One request counted against an abuse limit (see app/models/rate-limit.server.ts). */
interface RateLimitHitsTable {
  id: Generated<number>;
  /** "rule:hash…": a hash of the client address, email address or account it limits. */
  key: string;
  /** When, in epoch milliseconds. */
  at: number;
}

/** One daily job's run on one day (UTC): the first worker to insert the row runs it. */
interface MaintenanceRunsTable {
  job: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  started_at: Instant;
  finished_at: Instant | null;
  /** JSON of what the run did (counts). */
  result: string | null;
}

/** `failed`: it kept failing and was given up (kept for a look until the retention run). */
type JobStatus = "pending" | "failed";

/**
 * Work left for after a request's answer, run once by a worker (app/models/job.server.ts):
 * its kind, and what it needs as JSON.
 */
interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON of what the job needs (see JobPayloads); may hold an email address. Personal data. */
  payload: string;
  status: Generated<JobStatus>;
  /** Claims so far: each claim counts, whatever came of it. */
  attempts: Generated<number>;
  /** Not run before this. */
  next_attempt_at: Instant;
  /** Claimed by a worker until then; after a crash, another takes it once this has passed. */
  locked_until: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Instant, Instant, never>;
  /** When it was given up (status `failed`). */
  failed_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

type CheckInOperationKind = "checkIn" | "undo" | "walkIn";

/**
 * A check-in, undo or walk-in that a phone queued at the door, once applied, under the id the
 * phone gave it: whoever sends it again, and however often, it counts once.
 */
interface CheckInOperationsTable {
  id: string;
  session_id: number;
  /** Whom it concerned (for a walk-in: the registration it made); null once that is gone. */
  registration_id: number | null;
  kind: CheckInOperationKind;
  applied_at: Instant;
}

export interface Database {
  cities: CitiesTable;
  partners: PartnersTable;
  sessions: SessionsTable;
  session_partners: SessionPartnersTable;
  registrations: RegistrationsTable;
  registration_tokens: RegistrationTokensTable;
  outbox: OutboxTable;
  organisers: OrganisersTable;
  organiser_scopes: OrganiserScopesTable;
  sign_in_domains: SignInDomainsTable;
  refused_addresses: RefusedAddressesTable;
  auth_sessions: AuthSessionsTable;
  organiser_second_factors: OrganiserSecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  app_settings: AppSettingsTable;
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  rate_limit_hits: RateLimitHitsTable;
  maintenance_runs: MaintenanceRunsTable;
  session_reminders: SessionRemindersTable;
  inbound_mail: InboundMailTable;
  jobs: JobsTable;
  session_questions: SessionQuestionsTable;
  registration_answers: RegistrationAnswersTable;
  session_follow_ups: SessionFollowUpsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  check_in_operations: CheckInOperationsTable;
}

export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type Registration = Selectable<RegistrationsTable>;
export type NewRegistration = Insertable<RegistrationsTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type Organiser = Selectable<OrganisersTable>;
export type InboundMail = Selectable<InboundMailTable>;
export type Job = Selectable<JobsTable>;
export type SessionQuestion = Selectable<SessionQuestionsTable>;
export type NewSessionQuestion = Insertable<SessionQuestionsTable>;
