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

/** The newest entries first, with who did it. */
export async function listAuditEntries({ limit = 200 }: { limit?: number } = {}) {
  return database()
    .db.selectFrom("audit_log")
    .leftJoin("organisers", "organisers.id", "audit_log.organiser_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.summary",
      "audit_log.created_at",
      "organisers.name as organiser_name",
      "organisers.email as organiser_email",
    ])
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .execute();
}
