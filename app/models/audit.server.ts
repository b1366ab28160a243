import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";

export interface AuditEvent {
  /** Who did it; null for the system (a waiting list promoting by itself). */
  organiserId: number | null;
  /** What happened, as a dotted verb: "session.update", "attendees.export", … */
  action: string;
  subjectType: "session" | "registration" | "organiser" | "export";
  subjectId: number | null;
  /** One line a person can read in the log: what changed, which list, which filters. */
  summary: string;
}

/** Writes an audit entry; pass the transaction of the change so both stand or fall together. */
export async function recordAudit(
  event: AuditEvent,
  {
    trx = database().db,
    now = new Date().toISOString(),
  }: { trx?: Kysely<Database>; now?: string } = {},
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      organiser_id: event.organiserId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      summary: event.summary,
      created_at: now,
    })
    .execute();
}
