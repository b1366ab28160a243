import { describe, expect, it } from "vitest";
import { database } from "../db/client";
import { startOutboxWorker } from "../worker/outbox.server";
import { smtpTransport } from "../worker/transport.server";
import { cuedProcess } from "./support/cued-process";
import { createSession, registrationsOf } from "./support/factories";
import { startMailbox } from "./support/mailbox";

/** A burst of sign-ups in a process of its own, loaded and waiting for its cue. */
async function burst(slug: string, prefix: string, count: number) {
  const child = await cuedProcess("sign-up-burst.ts", [slug, prefix, String(count)]);
  return {
    go: child.go,
    /** What it did, once it has done it. */
    async result() {
      const { code, value } = await child.result<unknown>();
      expect(code).toBe(0);
      return value;
    },
  };
}

describe("several processes on one database", () => {
  // Two processes start (loading the app takes seconds each on a busy machine), then 30
  // sign-ups and 30 mails: the time is in the starting.
  it("never overbook, never fail with a busy database, and send each mail once", {
    timeout: 120_000,
  }, async () => {
    const session = await createSession({ capacity: 7 });
    const mailbox = await startMailbox();
    const transport = smtpTransport(mailbox.url);
    try {
      const bursts = await Promise.all([
        burst(session.slug, "a", 15),
        burst(session.slug, "b", 15),
      ]);
      // This process is the third: its mail worker sends beside the sign-ups.
      const worker = startOutboxWorker(transport, { pollMs: 20 });
      try {
        for (const each of bursts) each.go();
        for (const each of bursts) {
          expect(await each.result()).toEqual({ ok: 15, errors: [] });
        }
        await mailbox.waitUntil(() => mailbox.messages.length >= 30, 60_000);
      } finally {
        await worker.stop();
      }

      const registrations = await registrationsOf(session.id);
      expect(registrations).toHaveLength(30);
      expect(registrations.filter((r) => r.status === "confirmed")).toHaveLength(7);
      expect(registrations.filter((r) => r.status === "waitlisted")).toHaveLength(23);
      // The counts the sign-ups decided from, on the session's row, agree.
      expect(
        await database()
          .db.selectFrom("sessions")
          .select(["seats_taken", "waiting_count"])
          .where("id", "=", session.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ seats_taken: 7, waiting_count: 23 });

      // Every mail went once: as many arrived as were queued, each Message-ID once.
      const rows = await database().db.selectFrom("outbox").select(["status"]).execute();
      expect(rows).toHaveLength(30);
      expect(rows.every((r) => r.status === "sent")).toBe(true);
      const ids = mailbox.messages.map((mail) => mail.parsed.messageId);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    } finally {
      transport.close();
      await mailbox.close();
    }
  });
});
