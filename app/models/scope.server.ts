import { type ExpressionBuilder, sql } from "kysely";
import { database } from "../../db/client";
import type { Database, Organiser } from "../../db/schema";
import { addMinutes, brusselsDate, brusselsDayBounds, nowInstant } from "../lib/time";

/**
 * Which sessions an organiser may see and change: everything (admins), or the sessions of
 * some cities plus the sessions some partners take part in. Every organiser query filters by it.
 * A door volunteer's scope names its sessions (`sessionIds`) and no city or partner.
 */
export type SessionScope =
  | { all: true }
  | { all: false; cityIds: number[]; partnerIds: number[]; sessionIds?: number[] };

/**
 * The condition "this session row is in scope", for any query that has `sessions` in its FROM.
 * Use it in every query an organiser's request makes, exports included.
 */
export function sessionInScope(scope: SessionScope) {
  return (eb: ExpressionBuilder<Database, "sessions">) => {
    // Literal conditions: SQLite cannot bind a boolean parameter.
    if (scope.all) return sql<boolean>`1 = 1`;
    if (scope.sessionIds) {
      return scope.sessionIds.length
        ? eb("sessions.id", "in", scope.sessionIds)
        : sql<boolean>`1 = 0`;
    }
    const { cityIds, partnerIds } = scope;
    const conditions = [];
    if (cityIds.length) conditions.push(eb("sessions.city_id", "in", cityIds));
    if (partnerIds.length) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom("session_partners")
            .select(sql.lit(1).as("one"))
            .whereRef("session_partners.session_id", "=", "sessions.id")
            .where("session_partners.partner_id", "in", partnerIds),
        ),
      );
    }
    return conditions.length ? eb.or(conditions) : sql<boolean>`1 = 0`;
  };
}

/** Whether one session is in scope: for routes that act on a session by its id. */
export async function isSessionInScope(scope: SessionScope, sessionId: number): Promise<boolean> {
  const row = await database()
    .db.selectFrom("sessions")
    .select("sessions.id")
    .where("sessions.id", "=", sessionId)
    .where(sessionInScope(scope))
    .executeTakeFirst();
  return Boolean(row);
}

/** What an organiser may see: everything for an admin, else their cities and partners. */
export async function scopeOf(organiser: Pick<Organiser, "id" | "role">): Promise<SessionScope> {
  if (organiser.role === "admin") return { all: true };
  const scopes = await database()
    .db.selectFrom("organiser_scopes")
    .select(["city_id", "partner_id"])
    .where("organiser_id", "=", organiser.id)
    .execute();
  return {
    all: false,
    cityIds: scopes.flatMap((s) => (s.city_id === null ? [] : [s.city_id])),
    partnerIds: scopes.flatMap((s) => (s.partner_id === null ? [] : [s.partner_id])),
  };
}

/** How long after its session's end a door volunteer may still check people in (late notes). */
export const DOOR_HOURS_AFTER_END = 2;

/** A door volunteer's access now: the sessions it opens, and until when. */
export interface DoorAccess {
  sessionIds: number[];
  until: string;
}

/**
 * A door volunteer's access: the one session it was given for, or every session that day (in
 * Brussels) the inviting organiser may still see. It ends by itself two hours after that
 * session ends, or for a day at midnight after it (later if that session runs on). Null once
 * it has ended, or when its session or inviter is gone: then it opens nothing.
 */
export async function doorAccessOf(
  organiserId: number,
  now = nowInstant(),
): Promise<DoorAccess | null> {
  const { db } = database();
  const pass = await db
    .selectFrom("organisers")
    .innerJoin("sessions", "sessions.id", "organisers.door_session_id")
    .select([
      "organisers.door_whole_day",
      "organisers.door_invited_by",
      "sessions.id",
      "sessions.starts_at",
      "sessions.ends_at",
    ])
    .where("organisers.id", "=", organiserId)
    .where("organisers.role", "=", "door")
    .where("organisers.removed_at", "is", null)
    .executeTakeFirst();
  if (!pass) return null;
  const afterSession = addMinutes(pass.ends_at, DOOR_HOURS_AFTER_END * 60);
  if (!pass.door_whole_day) {
    return afterSession > now ? { sessionIds: [pass.id], until: afterSession } : null;
  }
  const day = brusselsDayBounds(brusselsDate(pass.starts_at));
  const until = new Date(Math.max(Date.parse(afterSession), Date.parse(day.end))).toISOString();
  if (until <= now) return null;
  const inviter =
    pass.door_invited_by === null
      ? undefined
      : await db
          .selectFrom("organisers")
          .select(["id", "role"])
          .where("id", "=", pass.door_invited_by)
          .where("removed_at", "is", null)
          .where("role", "in", ["admin", "organiser"])
          .executeTakeFirst();
  if (!inviter) return null;
  const sessions = await db
    .selectFrom("sessions")
    .select("sessions.id")
    .where("sessions.starts_at", ">=", day.start)
    .where("sessions.starts_at", "<", day.end)
    .where(sessionInScope(await scopeOf(inviter)))
    .orderBy("sessions.starts_at")
    .orderBy("sessions.id")
    .execute();
  return { sessionIds: sessions.map((session) => session.id), until };
}
