import { type ExpressionBuilder, sql } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";

/**
 * Which sessions an organiser may see and change: everything (admins), or the sessions of
 * some cities plus the sessions some partners take part in. Every organiser query filters by it.
 */
export type SessionScope = { all: true } | { all: false; cityIds: number[]; partnerIds: number[] };

/**
 * The condition "this session row is in scope", for any query that has `sessions` in its FROM.
 * Use it in every query an organiser's request makes, exports included.
 */
export function sessionInScope(scope: SessionScope) {
  return (eb: ExpressionBuilder<Database, "sessions">) => {
    // Literal conditions: SQLite cannot bind a boolean parameter.
    if (scope.all) return sql<boolean>`1 = 1`;
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
