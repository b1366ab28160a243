import type { Kysely } from "kysely";
import { registrationKeys } from "../app/models/registration.server";
import type { Database } from "../db/schema";

/**
 * Fills a session with `count` confirmed attendees, stored directly (no mail, no tokens), as a
 * benchmark needs them before it measures what happens to them. Import it once DATABASE_URL is set.
 */
export async function insertConfirmedAttendees(
  db: Kysely<Database>,
  sessionId: number,
  count: number,
  now = new Date().toISOString(),
): Promise<void> {
  for (let i = 0; i < count; i += 200) {
    await db
      .insertInto("registrations")
      .values(
        Array.from({ length: Math.min(200, count - i) }, (_, k) => ({
          session_id: sessionId,
          ...registrationKeys(now),
          // One after the other, in the order they are numbered.
          queue_position: Date.parse(now) + i + k,
          name: `Deelnemer ${i + k}`,
          email: `deelnemer${i + k}@example.org`,
          email_normalized: `deelnemer${i + k}@example.org`,
          organisation: "Bakkerij Peeters",
          enterprise_number: null,
          locale: "nl-BE",
          status: "confirmed" as const,
          consented_at: now,
          created_at: now,
          updated_at: now,
          confirmed_at: now,
          cancelled_at: null,
          checked_in_at: null,
        })),
      )
      .execute();
  }
}
