import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Registration, RegistrationSource } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import type { MailRegistration, MailSession, RegistrationMailData } from "../../emails/message";
import { enqueueMail, snapshotRow } from "../../emails/outbox.server";
import {
  calendarMethodOf,
  type MailSnapshot,
  type RegistrationMailExtras,
  type RegistrationMailKind,
} from "../../emails/render.server";
import type { Locale } from "../i18n";
import { config } from "../lib/config.server";
import { emailDomainAllowed, emailDomainsOf } from "../lib/email-domains";
import { normalizeEmail } from "../lib/email-field";
import type { StoredAnswer } from "../lib/questions";
import type { PersonForm } from "../lib/registration-form";
import { nowInstant } from "../lib/time";
import {
  type CancellationPlan,
  cancelAndPromoteIn,
  type MailTemplate,
  mailKeys,
  mailRegistration,
  type PromotionPlan,
  promoteIn,
} from "./promotion.server";
import { personKey } from "./pseudonym.server";
import { storeAnswersIn } from "./question.server";
import {
  budgetOf,
  consumeInTurnIn,
  type Rule,
  ruleKey,
  sweepNowAndThen,
} from "./rate-limit.server";
import {
  issueRegistrationToken,
  newRegistrationToken,
  resolveRegistrationToken,
  type TokenTarget,
} from "./registration-token.server";
import {
  type Newcomer,
  type PlacedStatus,
  type PreparedMail,
  type SeatPlan,
  takeSeatsIn,
} from "./seat-taking.server";
import {
  availabilityOf,
  getSessionById,
  getSessionByIdIn,
  getSessionBySlug,
  type SessionDetail,
} from "./session.server";

export type SignUpResult =
  | { ok: true }
  | {
      ok: false;
      reason:
        | "notFound"
        | "cancelled"
        | "past"
        | "notYetOpen"
        | "closed"
        | "emailDomain"
        /** More people than the session takes in one sign-up (it changed since the form). */
        | "groupTooLarge";
    }
  | { ok: false; reason: "limited"; rule: Rule; retryAfterSeconds: number };

/**
 * The registrations that are someone's: a seat, a place on the waiting list, a request waiting
 * for a decision. One per address and session; the others (cancelled, declined, expired) are
 * history, and the address may sign up again.
 */
export const LIVE_STATUSES = ["confirmed", "waitlisted", "requested"] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/**
 * The keys every new registration gets: its calendar UID and its place in a waiting-list queue
 * (the sign-up moment). Its links (manage page, check-in, view page) come with each mail
 * (`notify`). The UID is random in the site's own domain, as RFC 5545 §3.8.4.7 advises and as
 * the sessions' public events have it; a UID never changes, so registrations made before keep
 * the `@ondernemersagenda` they were given.
 */
export function registrationKeys(now: string) {
  return {
    ical_uid: `${randomUUID()}@${new URL(config().publicUrl).hostname}`,
    ical_sequence: 0,
    queue_position: Date.parse(now),
  };
}

/**
 * Who the invites come from: CALENDAR_ORGANIZER when set, else the MAIL_FROM address. When the
 * two differ, the ORGANIZER names the From address as SENT-BY (RFC 6047 §2.3).
 */
export function organizer() {
  const { MAIL_FROM, CALENDAR_ORGANIZER } = config();
  const address = (/<([^>]+)>/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM).trim();
  const name = /^\s*"?([^"<]*?)"?\s*</.exec(MAIL_FROM)?.[1] || "Ondernemersagenda";
  const email = CALENDAR_ORGANIZER ?? address;
  return email.toLowerCase() === address.toLowerCase()
    ? { name, email }
    : { name, email, sentBy: address };
}

/** 1-based place of a waiting registration in its session's queue (queue_position, then id). */
export async function waitlistPosition(
  trx: Kysely<Database>,
  registration: Registration,
): Promise<number> {
  const ahead = await trx
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", registration.session_id)
    .where("status", "=", "waitlisted")
    .where((eb) =>
      eb.or([
        eb("queue_position", "<", registration.queue_position),
        eb.and([
          eb("queue_position", "=", registration.queue_position),
          eb("id", "<", registration.id),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** What a registration message of this kind needs besides what every one has: nothing for most. */
type ExtrasArgument<K extends RegistrationMailKind> = keyof RegistrationMailExtras[K] extends never
  ? []
  : [extras: RegistrationMailExtras[K]];

/** Messages sent once the session has ended. */
const AFTER_SESSION_KINDS: ReadonlySet<RegistrationMailKind> = new Set([
  "session.thankYou",
  "session.missedYou",
]);

/**
 * Queues a registration message in the same transaction as the change, as a snapshot of what
 * it says (the worker renders it when it sends it, outside this transaction). The mail gets a
 * manage link of its own, a check-in code when it confirms a seat, and a view link when its
 * invite or cancellation says something in a calendar (only hashes are stored: see
 * registration-token.server.ts; the plain tokens travel in the snapshot).
 */
export async function notify<K extends RegistrationMailKind>(
  trx: Kysely<Database>,
  kind: K,
  registration: Registration,
  session: SessionDetail,
  now: string,
  ...[extras]: ExtrasArgument<K>
): Promise<void> {
  // A walk-in who gave no address: nothing to send, whatever would have been said.
  if (!registration.email) return;
  const links: RegistrationMailData["links"] = {
    manageToken: await issueRegistrationToken(trx, registration.id, "manage", now),
    // After the session a check-in code has nothing left to open.
    checkinCode:
      registration.status === "confirmed" && !AFTER_SESSION_KINDS.has(kind)
        ? await issueRegistrationToken(trx, registration.id, "checkin", now)
        : null,
  };
  const data: RegistrationMailData = {
    session: mailSession(session),
    registration: mailRegistration(registration),
    links,
    organizer: organizer(),
    publicUrl: config().publicUrl,
    now,
    waitlistPosition:
      registration.status === "waitlisted" ? await waitlistPosition(trx, registration) : null,
  };
  const mail = { kind, data: { ...data, ...extras } } as MailSnapshot;
  const method = calendarMethodOf(mail);
  if (method === "REQUEST" || method === "CANCEL") {
    links.viewToken = await issueRegistrationToken(trx, registration.id, "view", now);
  }
  await enqueueMail(trx, {
    registrationId: registration.id,
    to: { name: registration.name, email: registration.email },
    mail,
    now,
  });
}

/** The part of a session its messages show: what the snapshot keeps. */
function mailSession(session: SessionDetail): MailSession {
  const { id, slug, title, summary, description, starts_at, ends_at, status } = session;
  const { venue_name, venue_address, venue_latitude, venue_longitude, city, partners } = session;
  return {
    ...{ id, slug, title, summary, description, starts_at, ends_at, status },
    ...{ venue_name, venue_address, venue_latitude, venue_longitude },
    city: { slug: city.slug, name: city.name },
    partners,
  };
}

/** The live registration this address holds for the session (LIVE_STATUSES): one per person. */
export async function liveRegistrationOf(trx: Kysely<Database>, sessionId: number, email: string) {
  return trx
    .selectFrom("registrations")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("email_normalized", "=", normalizeEmail(email))
    .where("status", "in", LIVE_STATUSES)
    .executeTakeFirst();
}

/**
 * What a registration is made of, whoever enters it: the public form or an organiser. The
 * answers are to the questions of the registration's session, as the form checked them.
 */
export type RegistrationDetails = PersonForm & { answers?: readonly StoredAnswer[] };

/** A sign-up from the public form: the person, and whether they said yes to the city's news. */
export type SignUpDetails = RegistrationDetails & { newsOptIn?: boolean };

/**
 * Stores a new registration, with a seat (`confirmed`), on the waiting list, or as a request
 * that holds no seat until an organiser approves it (`requested`), and queues its confirmation
 * (with the invite), its waiting-list message or the receipt of the request (no invite); a
 * walk-in (`door`) is at the session already and gets none. Call
 * inside a transaction that locked the session and made sure the address holds no live
 * registration yet.
 */
export async function createRegistration(
  trx: Kysely<Database>,
  session: SessionDetail,
  details: RegistrationDetails,
  {
    locale,
    now,
    source,
    confirmed,
    requested = false,
    newsOptIn = false,
    group = null,
  }: {
    locale: Locale;
    now: string;
    source: RegistrationSource;
    confirmed: boolean;
    /** A request to a session that requires approval: no seat, whatever is free. */
    requested?: boolean;
    /** Only the person can say yes to news, on the public form; an organiser never does. */
    newsOptIn?: boolean;
    /** The sign-up this registration is one of, when it brought several people. */
    group?: { id: string; together: boolean } | null;
  },
): Promise<Registration> {
  const registration = await trx
    .insertInto("registrations")
    .values({
      session_id: session.id,
      ...registrationKeys(now),
      name: details.name,
      email: details.email,
      email_normalized: normalizeEmail(details.email),
      person_key: personKey(details.email),
      organisation: details.organisation,
      enterprise_number: details.enterpriseNumber,
      locale,
      status: requested ? "requested" : confirmed ? "confirmed" : "waitlisted",
      source,
      consented_at: now,
      news_opt_in_at: newsOptIn ? now : null,
      created_at: now,
      updated_at: now,
      confirmed_at: confirmed && !requested ? now : null,
      cancelled_at: null,
      group_id: group?.id ?? null,
      group_together: group?.together ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await storeAnswersIn(trx, registration.id, details.answers ?? []);

  // A walk-in is there already: no confirmation, no invite.
  if (source === "door") return registration;
  if (requested) {
    await notify(trx, "registration.requested", registration, session, now);
  } else if (confirmed) {
    await notify(trx, "registration.confirmed", registration, session, now);
  } else {
    await notify(trx, "registration.waitlisted", registration, session, now);
  }
  return registration;
}

/**
 * Colleagues the person signing up brings in the same sign-up, and what they chose for when
 * there are not seats for everyone: all of them on the waiting list (`together`), or the seats
 * left and the rest waiting.
 */
export interface Colleagues {
  people: readonly RegistrationDetails[];
  together: boolean;
}

/** An abuse limit a sign-up is counted against, in the transaction that stores it. */
export interface SignUpLimit {
  rule: Rule;
  about: string[];
}

/** The session changed between the read and the statement: read it again. */
class SessionChanged extends Error {}

/**
 * Signs someone up for a session, with the colleagues they bring where the session takes
 * several people per sign-up: a seat while there is one, the waiting list after that; a
 * request, whatever is free, where the session requires approval. Every person gets a
 * registration, a manage link and an invite of their own. An address of a domain the session
 * does not accept is refused before anything is stored.
 * The session is read and its rules checked, and everything slow (tokens, hashes, the mail's
 * snapshot for each outcome) made, before the write transaction; in it, the abuse limits are
 * counted (`limits`, in turn: a refusal stores no sign-up), then one statement locks the
 * session row, decides the seats and stores the people (seat-taking.server.ts), so concurrent
 * sign-ups never overbook, and a group takes its seats at once: all of them, or (when the
 * person chose so) the seats left with the rest on the waiting list.
 * An address that already holds a live registration gets no second one: its owner is mailed
 * their manage link again, and the caller cannot tell the two cases apart.
 */
export async function signUp(
  sessionSlug: string,
  form: SignUpDetails,
  {
    locale,
    now = nowInstant(),
    colleagues = { people: [], together: true },
    limits = [],
  }: { locale: Locale; now?: string; colleagues?: Colleagues; limits?: SignUpLimit[] },
): Promise<SignUpResult> {
  const people = [form, ...colleagues.people];
  for (let attempt = 0; ; attempt++) {
    const session = await getSessionBySlug(sessionSlug);
    if (!session) return { ok: false, reason: "notFound" };
    const availability = availabilityOf(session, session.confirmedCount, now);
    if (availability.state !== "open" && availability.state !== "waitlist") {
      return { ok: false, reason: availability.state };
    }
    const domains = emailDomainsOf(session.email_domains);
    if (people.some((person) => !emailDomainAllowed(person.email, domains))) {
      return { ok: false, reason: "emailDomain" };
    }
    if (people.length > session.max_group_size) return { ok: false, reason: "groupTooLarge" };
    const plan = seatPlan(session, people, { form, locale, now, together: colleagues.together });
    try {
      const outcome = await writeTransaction(async (trx) => {
        const refused = await consumeInTurnIn(
          trx,
          limits.map(({ rule, about }) => ({ key: ruleKey(rule, about), budget: budgetOf(rule) })),
        );
        if (refused) return { refused };
        const seats = await takeSeatsIn(trx, plan);
        // Rolled back: the limits are counted again with the next try.
        if (seats.stale) throw new SessionChanged();
        return { refused: null, placed: seats.placed };
      });
      if (outcome.refused) {
        const { index, verdict } = outcome.refused;
        return {
          ok: false,
          reason: "limited",
          rule: limits[index]?.rule ?? "signup.client",
          retryAfterSeconds: verdict.retryAfterSeconds,
        };
      }
      // Whoever was not placed holds a live registration already: their link again.
      const placed = new Set(outcome.placed.map((p) => p.person));
      for (const [index, person] of plan.people.entries()) {
        if (!placed.has(index)) await remindOfRegistration(session.id, person.email, now);
      }
      return { ok: true };
    } catch (error) {
      // The session is edited rarely; a few tries more are a safety net, not a loop.
      if (!(error instanceof SessionChanged) || attempt >= 4) throw error;
    } finally {
      await sweepNowAndThen();
    }
  }
}

/**
 * Everything about the people that can be made before the lock: one address once, their
 * calendar UIDs, and for each status they may get the mail it sends, with its tokens.
 */
function seatPlan(
  session: SessionDetail,
  people: readonly RegistrationDetails[],
  {
    form,
    locale,
    now,
    together,
  }: { form: SignUpDetails; locale: Locale; now: string; together: boolean },
): SeatPlan {
  const requested = session.requires_approval === 1;
  const seen = new Set<string>();
  const newcomers: Newcomer[] = [];
  const keys = registrationKeys(now);
  for (const person of people) {
    const emailNormalized = normalizeEmail(person.email);
    // One address is one person, even named twice in one sign-up (the form refuses that).
    if (seen.has(emailNormalized)) continue;
    seen.add(emailNormalized);
    const icalUid = `${randomUUID()}@${new URL(config().publicUrl).hostname}`;
    const registration = (status: PlacedStatus): MailRegistration => ({
      id: 0,
      ical_uid: icalUid,
      ical_sequence: 0,
      name: person.name,
      email: person.email,
      locale,
      status,
      calendar_reply: null,
    });
    const statuses: PlacedStatus[] = requested ? ["requested"] : ["confirmed", "waitlisted"];
    newcomers.push({
      name: person.name,
      email: person.email,
      emailNormalized,
      personKey: personKey(person.email),
      organisation: person.organisation,
      enterpriseNumber: person.enterpriseNumber,
      icalUid,
      // Only the person signing up says yes to news, for themselves.
      newsOptInAt: person === form && form.newsOptIn === true ? now : null,
      answers: person.answers ?? [],
      outcomes: Object.fromEntries(
        statuses.map((status) => [status, preparedMail(registration(status), session, now)]),
      ),
    });
  }
  return {
    sessionId: session.id,
    updatedAt: session.updated_at,
    icalSequence: session.ical_sequence,
    people: newcomers,
    together,
    requested,
    groupId: randomUUID(),
    locale,
    now,
    queuePosition: keys.queue_position,
  };
}

const KIND_OF_STATUS = {
  confirmed: "registration.confirmed",
  waitlisted: "registration.waitlisted",
  requested: "registration.requested",
} as const;

/** The mail a new registration of this status gets, as notify would queue it, and its tokens. */
function preparedMail(
  registration: MailRegistration,
  session: SessionDetail,
  now: string,
): PreparedMail {
  const manage = newRegistrationToken("manage");
  const checkin = registration.status === "confirmed" ? newRegistrationToken("checkin") : null;
  const tokens: PreparedMail["tokens"] = [{ purpose: "manage", hash: manage.hash }];
  if (checkin) tokens.push({ purpose: "checkin", hash: checkin.hash });
  const data: RegistrationMailData = {
    session: mailSession(session),
    registration,
    links: { manageToken: manage.token, checkinCode: checkin?.token ?? null },
    organizer: organizer(),
    publicUrl: config().publicUrl,
    now,
    waitlistPosition: null,
  };
  const kind = KIND_OF_STATUS[registration.status as PlacedStatus];
  const mail = { kind, data } as MailSnapshot;
  const method = calendarMethodOf(mail);
  if (method === "REQUEST" || method === "CANCEL") {
    const view = newRegistrationToken("view");
    data.links.viewToken = view.token;
    tokens.push({ purpose: "view", hash: view.hash });
  }
  const to = { name: registration.name, email: registration.email };
  return { row: snapshotRow(to, mail, now), data, tokens };
}

/** A second sign-up of an address with a live registration: its owner gets their link again. */
async function remindOfRegistration(sessionId: number, email: string, now: string) {
  await writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const existing = await liveRegistrationOf(trx, sessionId, email);
    const session = existing && (await getSessionByIdIn(trx, sessionId));
    if (existing && session) await notify(trx, "registration.reminder", existing, session, now);
  });
}

export interface ManagedRegistration {
  registration: Registration;
  session: SessionDetail;
  waitlistPosition: number | null;
}

export async function getRegistrationByToken(token: string): Promise<ManagedRegistration | null> {
  const found = await openManageToken(token);
  return found.state === "found" ? found : null;
}

type OpenedToken =
  | (ManagedRegistration & { state: "found" })
  | Exclude<TokenTarget, { state: "found" }>;

/** The manage page's view of a token: the registration, "erased" (410) or "unknown" (404). */
export function openManageToken(token: string): Promise<OpenedToken> {
  return openRegistrationToken(token, "manage");
}

/**
 * The view page's (the link in calendars): the same, from a view token only. A manage token
 * opens no view page and a view token no manage page.
 */
export function openViewToken(token: string): Promise<OpenedToken> {
  return openRegistrationToken(token, "view");
}

async function openRegistrationToken(
  token: string,
  purpose: "manage" | "view",
): Promise<OpenedToken> {
  const { db } = database();
  const target = await resolveRegistrationToken(token, purpose);
  if (target.state !== "found") return target;
  const registration = await db
    .selectFrom("registrations")
    .selectAll()
    .where("id", "=", target.registrationId)
    .executeTakeFirst();
  if (!registration) return { state: "unknown" };
  if (registration.anonymised_at !== null) return { state: "erased" };
  const session = await getSessionById(registration.session_id);
  if (!session) return { state: "unknown" };
  return {
    state: "found",
    registration,
    session,
    waitlistPosition:
      registration.status === "waitlisted" ? await waitlistPosition(db, registration) : null,
  };
}

/**
 * Mails the owner of a registration their manage link again, as the view page offers: the
 * message a second sign-up gets, without the invite. Nothing for a registration that is gone
 * or erased. The caller counts it against the address's mail budget first.
 */
export async function mailManageLink(
  { id, session_id }: Pick<Registration, "id" | "session_id">,
  { now = nowInstant() }: { now?: string } = {},
): Promise<void> {
  await writeTransaction(async (trx) => {
    await lockSession(trx, session_id);
    const registration = await trx
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", id)
      .where("anonymised_at", "is", null)
      .executeTakeFirst();
    const session = await getSessionByIdIn(trx, session_id);
    if (!registration || !session) return;
    await notify(trx, "registration.manageLink", registration, session, now);
  });
}

/** One click on the manage page: no more news from the city. False for a link that leads no one. */
export async function withdrawNewsOptIn(token: string): Promise<boolean> {
  const target = await resolveRegistrationToken(token, "manage");
  if (target.state !== "found") return false;
  await database()
    .db.updateTable("registrations")
    .set({ news_opt_in_at: null })
    .where("id", "=", target.registrationId)
    .execute();
  return true;
}

/**
 * Gives seats that are free to the people at the front of the waiting list, in the order
 * they signed up, each with their invite: one person at a time, except the people of a sign-up
 * that asked to come all together or not at all, who take seats together at the place of the
 * first of them. A group that does not fit keeps its place and the people behind it who fit take
 * the seats: no seat stays empty while someone who fits is waiting. Decided and stored set-based
 * (promotion.server.ts): as many statements for fifty people as for one. Call inside a
 * transaction that locked the session.
 */
export async function promoteFromWaitlist(
  trx: Kysely<Database>,
  sessionId: number,
  now: string,
): Promise<Registration[]> {
  const session = await getSessionByIdIn(trx, sessionId);
  if (!session || session.status === "cancelled" || session.starts_at <= now) return [];
  const free = session.capacity - session.confirmedCount;
  if (free <= 0 || session.waitlistCount === 0) return [];
  const outcome = await promoteIn(
    trx,
    promotionPlan(session, now, Math.min(free, session.waitlistCount)),
  );
  // Under the lock the seats and the people waiting, read above, cannot have changed.
  if (outcome.stale) throw new Error(`session ${sessionId} changed under its lock`);
  return outcome.promoted;
}

/**
 * A registration mail of this kind, made before the lock but for the registration and its links:
 * what notify would queue for a registration in `status`.
 */
function mailTemplate<K extends RegistrationMailKind>(
  kind: K,
  status: Registration["status"],
  session: SessionDetail,
  now: string,
  ...[extras]: ExtrasArgument<K>
): MailTemplate {
  const base = {
    session: mailSession(session),
    organizer: organizer(),
    publicUrl: config().publicUrl,
    now,
    waitlistPosition: null,
    ...extras,
  };
  const icsMethod = calendarMethodOf({
    kind,
    data: { ...base, registration: { status }, links: {} },
  } as MailSnapshot);
  return {
    kind,
    icsMethod,
    base,
    checkin: status === "confirmed" && !AFTER_SESSION_KINDS.has(kind),
    view: icsMethod === "REQUEST" || icsMethod === "CANCEL",
  };
}

/** The promotion's invites, with the keys of `count` of them. */
function promotionPlan(session: SessionDetail, now: string, count: number): PromotionPlan {
  const mail = mailTemplate("registration.promoted", "confirmed", session, now);
  return { sessionId: session.id, now, mail, keys: mailKeys(mail, count) };
}

/**
 * Everything a cancellation stores but for the rows themselves: its mail, and when it gives a
 * seat back the promoted people's invites, with keys for as many as can take a seat as read
 * (`spare` more for what changes before the lock).
 */
function cancellationPlan(
  current: Registration & { status: LiveStatus },
  session: SessionDetail,
  now: string,
  reason: "cancelled" | "declinedInCalendar",
  {
    readSession,
    spare,
    quickCommit,
  }: { readSession: CancellationPlan["readSession"]; spare: number; quickCommit: boolean },
): CancellationPlan {
  const previousStatus = current.status;
  const mail =
    reason === "declinedInCalendar" && previousStatus === "confirmed"
      ? mailTemplate("registration.declined", "cancelled", session, now)
      : mailTemplate("registration.cancelled", "cancelled", session, now, { previousStatus });
  const [keys] = mailKeys(mail, 1);
  if (!keys) throw new Error("no keys made");
  const seatsAfter =
    session.capacity - session.confirmedCount + (current.source === "door" ? 0 : 1);
  return {
    registrationId: current.id,
    previousStatus,
    sessionId: session.id,
    readSession,
    now,
    mail,
    keys,
    promotion:
      previousStatus === "confirmed"
        ? promotionPlan(
            session,
            now,
            Math.max(0, Math.min(seatsAfter, session.waitlistCount)) + spare,
          )
        : null,
    quickCommit,
  };
}

export type CancelResult =
  | { ok: true; promoted: number; previousStatus: LiveStatus }
  | { ok: false; reason: "notFound" | "alreadyCancelled" | "started" };

/** What cancelling one registration did, for callers that report or audit it. */
export type RegistrationCancellation =
  | {
      ok: true;
      registration: Registration;
      previousStatus: LiveStatus;
      session: SessionDetail;
      promoted: Registration[];
    }
  | { ok: false; reason: "notFound" | "alreadyCancelled" };

const isLive = (status: Registration["status"]): status is LiveStatus =>
  (LIVE_STATUSES as readonly string[]).includes(status);

/**
 * Cancels one live registration: a confirmed attendee gets METHOD:CANCEL for their invite
 * (SEQUENCE raised), someone waiting or whose request was open a plain message, and a freed
 * seat goes to the first person waiting. The attendee's own cancellation (withdrawing a
 * request, too), an organiser's and a "Decline" from the person's calendar all come here;
 * `reason` picks the message that says why (`declinedInCalendar`: only for a confirmed seat).
 * A registration that is no longer live (cancelled, declined, expired) is left as it is
 * (`alreadyCancelled`). Call inside a transaction that locked the registration's session.
 */
export async function cancelRegistrationInTransaction(
  trx: Kysely<Database>,
  registrationId: number,
  now: string,
  reason: "cancelled" | "declinedInCalendar" = "cancelled",
): Promise<RegistrationCancellation> {
  const current = await trx
    .selectFrom("registrations")
    .selectAll()
    .where("id", "=", registrationId)
    .executeTakeFirst();
  if (!current) return { ok: false, reason: "notFound" };
  const previousStatus = current.status;
  if (!isLive(previousStatus)) return { ok: false, reason: "alreadyCancelled" };
  const session = await getSessionByIdIn(trx, current.session_id);
  if (!session)
    throw new Error(`session ${current.session_id} of registration ${current.id} is gone`);
  const plan = cancellationPlan({ ...current, status: previousStatus }, session, now, reason, {
    readSession: null,
    spare: 0,
    quickCommit: false,
  });
  const outcome = await cancelAndPromoteIn(trx, plan);
  if (outcome.stale) throw new Error(`registration ${current.id} changed under its session's lock`);
  const { registration, promoted } = outcome;
  return { ok: true, registration, previousStatus, session, promoted };
}

/**
 * Cancels a registration by its manage token, or withdraws a request. A confirmed attendee
 * gets METHOD:CANCEL for their invite; the seat goes to the first person waiting. Once the
 * session has begun, the person can no longer cancel it themselves (an organiser still can).
 */
export async function cancelRegistration(
  token: string,
  { now = nowInstant() }: { now?: string } = {},
): Promise<CancelResult> {
  const found = await resolveRegistrationToken(token, "manage");
  if (found.state !== "found") return { ok: false, reason: "notFound" };
  const { db } = database();
  for (let attempt = 0; ; attempt++) {
    // Read before the lock; the statement that takes it stores nothing if the session or the
    // registration's status changed since (then read again).
    const current = await db
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", found.registrationId)
      .executeTakeFirst();
    const session = await getSessionById(current?.session_id ?? found.sessionId);
    if (!session) return { ok: false, reason: "notFound" };
    if (session.starts_at <= now) return { ok: false, reason: "started" };
    if (!current) return { ok: false, reason: "notFound" };
    const previousStatus = current.status;
    // A registration that is no longer live never is again.
    if (!isLive(previousStatus)) return { ok: false, reason: "alreadyCancelled" };
    const plan = cancellationPlan(
      { ...current, status: previousStatus },
      session,
      now,
      "cancelled",
      {
        readSession: { updatedAt: session.updated_at, icalSequence: session.ical_sequence },
        spare: 2,
        quickCommit: true,
      },
    );
    try {
      const promoted = await writeTransaction(async (trx) => {
        const outcome = await cancelAndPromoteIn(trx, plan);
        if (outcome.stale) throw new SessionChanged();
        return outcome.promoted.length;
      });
      return { ok: true, promoted, previousStatus };
    } catch (error) {
      // The session is edited rarely; a few tries more are a safety net, not a loop.
      if (!(error instanceof SessionChanged) || attempt >= 4) throw error;
    }
  }
}

/** Whether a text could be a check-in code at all: what a QR code's address carries. */
export function isCheckinCodeShape(code: string): boolean {
  return /^[\w-]{10,64}$/.test(code);
}

export async function checkinCodeExists(code: string): Promise<boolean> {
  return (
    isCheckinCodeShape(code) && (await resolveRegistrationToken(code, "checkin")).state === "found"
  );
}

/**
 * The address invites name as ORGANIZER: where calendars send their replies, and so the one
 * address the inbound mail listener takes mail for.
 */
export function organizerAddress(): string {
  return organizer().email;
}
