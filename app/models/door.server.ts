import { randomBytes } from "node:crypto";
import { database } from "../../db/client";
import { writeTransaction } from "../../db/transaction";
import type { Locale } from "../i18n";
import { hashPassword } from "../lib/password.server";
import { addMinutes, nowInstant } from "../lib/time";
import { type Actor, recordAudit } from "./audit.server";
import { type AccountActionResult, insertOrganiser, removeOrganiser } from "./organiser.server";
import { mailPasswordLink } from "./password-reset.server";
import { DOOR_HOURS_AFTER_END, doorAccessOf } from "./scope.server";

/**
 * Door volunteers: accounts an organiser gives for checking people in at one session, or at
 * every session of its day, and nothing else. Their scope and when it ends are in
 * scope.server.ts (`doorAccessOf`); the pages that take them say so to `requireSessionAccess`.
 */

export interface NewDoorVolunteer {
  name: string;
  email: string;
  wholeDay: boolean;
  /** The language of the mail and of their pages. */
  locale: Locale;
}

export type DoorInviteResult =
  | { ok: true; name: string; email: string }
  | { ok: false; reason: "emailTaken" | "sessionOver" | "notFound" };

/**
 * An organiser gives someone door access for a session (or its whole day): an account with a
 * password nobody knows, and a mail with a link to choose one. Once the session is over there
 * is nothing left to give. The caller has checked that the session is in the organiser's scope.
 */
export async function inviteDoorVolunteer(
  sessionId: number,
  input: NewDoorVolunteer,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<DoorInviteResult> {
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return writeTransaction(async (trx) => {
    const session = await trx
      .selectFrom("sessions")
      .select(["id", "title", "ends_at"])
      .where("id", "=", sessionId)
      .executeTakeFirst();
    if (!session) return { ok: false, reason: "notFound" };
    if (addMinutes(session.ends_at, DOOR_HOURS_AFTER_END * 60) <= now) {
      return { ok: false, reason: "sessionOver" };
    }
    const volunteer = await insertOrganiser(
      trx,
      {
        email: input.email,
        name: input.name,
        passwordHash,
        role: "door",
        cityIds: [],
        partnerIds: [],
        locale: input.locale,
        door: { sessionId: session.id, wholeDay: input.wholeDay, invitedBy: organiserId },
      },
      now,
    );
    if (!volunteer) return { ok: false, reason: "emailTaken" };
    await mailPasswordLink(trx, volunteer, {
      purpose: "door",
      locale: input.locale,
      now,
      door: { session: session.title, wholeDay: input.wholeDay },
    });
    await recordAudit(
      {
        organiserId,
        action: "organiser.invite",
        subjectType: "organiser",
        subjectId: volunteer.id,
        details: { role: "door", sessionId: session.id, wholeDay: input.wholeDay },
        clientAddress,
      },
      { trx, now },
    );
    return { ok: true, name: volunteer.name, email: volunteer.email };
  });
}

export interface DoorVolunteer {
  id: number;
  name: string;
  email: string;
  wholeDay: boolean;
  /** When their access ends; null when it has ended already. */
  until: string | null;
}

/** The door volunteers given access from this session, for its organisers. */
export async function doorVolunteersOf(
  sessionId: number,
  now = nowInstant(),
): Promise<DoorVolunteer[]> {
  const rows = await database()
    .db.selectFrom("organisers")
    .select(["id", "name", "email", "door_whole_day"])
    .where("role", "=", "door")
    .where("door_session_id", "=", sessionId)
    .where("removed_at", "is", null)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      wholeDay: Boolean(row.door_whole_day),
      until: (await doorAccessOf(row.id, now))?.until ?? null,
    })),
  );
}

/**
 * An organiser ends a door volunteer's access before it ends by itself: the account is removed
 * as an admin removes one (its sign-ins end at once), when it was given from this session.
 */
export async function endDoorAccess(
  sessionId: number,
  volunteerId: number,
  actor: Actor,
): Promise<AccountActionResult> {
  const volunteer = await database()
    .db.selectFrom("organisers")
    .select("id")
    .where("id", "=", volunteerId)
    .where("role", "=", "door")
    .where("door_session_id", "=", sessionId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!volunteer) return { ok: false, reason: "notFound" };
  return removeOrganiser(volunteer.id, actor);
}

/** The sessions a door volunteer's access opens, by start: the links between their lists. */
export async function doorSessions(
  sessionIds: number[],
): Promise<{ id: number; title: string; startsAt: string }[]> {
  if (!sessionIds.length) return [];
  return database()
    .db.selectFrom("sessions")
    .select(["id", "title", "starts_at as startsAt"])
    .where("id", "in", sessionIds)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}
