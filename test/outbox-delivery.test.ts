import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { organiserDashboard } from "../app/models/dashboard.server";
import { forget } from "../app/models/rate-limit.server";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { resolveRegistrationToken } from "../app/models/registration-token.server";
import { database } from "../db/client";
import {
  LEASE_SECONDS,
  MAX_REFUSALS,
  type OutboxRun,
  processOutbox,
  SEND_RATE_KEY,
  startOutboxWorker,
} from "../worker/outbox.server";
import { smtpTransport } from "../worker/transport.server";
import { createSession, person, registrationsOf } from "./support/factories";
import { send } from "./support/http";
import { calendarParts, type Mailbox, type ReceivedMail, startMailbox } from "./support/mailbox";
import { signedInOrganiser } from "./support/organisers";
import { manageTokenOf } from "./support/tokens";

/**
 * The outbox against a real SMTP server in this process: the order of one person's messages,
 * recovery after the server was away, a worker killed halfway through a message, the send rate
 * shared by several workers, refusals, and what the rendered confirmation carries.
 */

const opts = { locale: "nl-BE" as const };
const to = (address: string) => (mail: ReceivedMail) => mail.envelopeTo.includes(address);

async function rowsFor(registrationId: number | undefined) {
  return database()
    .db.selectFrom("outbox")
    .selectAll()
    .where("registration_id", "=", registrationId ?? 0)
    .orderBy("id")
    .execute();
}

function calendarOf(mail: ReceivedMail) {
  const [part] = calendarParts(mail);
  if (!part) return null;
  const vcalendar = new ICAL.Component(ICAL.parse(part.content));
  const vevent = vcalendar.getFirstSubcomponent("vevent");
  return {
    method: vcalendar.getFirstPropertyValue("method"),
    uid: vevent?.getFirstPropertyValue("uid"),
    sequence: Number(vevent?.getFirstPropertyValue("sequence") ?? 0),
    status: vevent?.getFirstPropertyValue("status"),
    partMethod: part.method,
  };
}

/** The mail worker in a process of its own (test/support/outbox-worker.ts). */
function startWorkerProcess(smtpUrl: string, ...args: string[]) {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "support", "outbox-worker.ts"), ...args],
    { env: { ...process.env, SMTP_URL: smtpUrl }, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const started = new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line.includes("outbox worker started")) resolve();
    });
    child.once("exit", () => reject(new Error("the worker process ended before it started")));
  });
  started.catch(() => {});
  return {
    started,
    /** With `--rounds`: one round on the clock given; resolves with what it did. */
    round(at: string): Promise<OutboxRun> {
      // Its answer is the next line of JSON (other lines are what the worker logs).
      const done = new Promise<OutboxRun>((resolve) => {
        const answer = (line: string) => {
          if (!line.startsWith("{")) return;
          lines.off("line", answer);
          resolve(JSON.parse(line) as OutboxRun);
        };
        lines.on("line", answer);
      });
      child.stdin?.write(`${at}\n`);
      return done;
    },
    /** As a crash or `kill -9` ends it: no time to finish anything. */
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

async function withMailbox<T>(mailbox: Mailbox, work: (mailbox: Mailbox) => Promise<T>) {
  try {
    return await work(mailbox);
  } finally {
    await mailbox.close();
  }
}

// Every test starts from an outbox with nothing due: what an earlier test left is set aside.
beforeEach(async () => {
  await database()
    .db.updateTable("outbox")
    .set({ status: "sent" })
    .where("status", "=", "pending")
    .execute();
});

describe("one person's messages", () => {
  it("leave in the order they were queued, even when the first is answered 421", async () => {
    let refused = false;
    await withMailbox(
      await startMailbox(0, {
        // The first delivery to Anna meets a server that takes no mail now.
        answer: ({ envelopeTo }) => {
          if (refused || !envelopeTo.includes("anna.volgorde@example.org")) return null;
          refused = true;
          return { code: 421, message: "4.3.2 Service not available" };
        },
      }),
      async (mailbox) => {
        const session = await createSession({ capacity: 5 });
        const anna = person(1, { email: "anna.volgorde@example.org" });
        await signUp(session.slug, anna, opts);
        // Signing up again with the same address: a reminder, queued after the confirmation.
        await signUp(session.slug, anna, opts);
        await signUp(session.slug, person(2, { email: "bert.volgorde@example.org" }), opts);
        const [registration] = await registrationsOf(session.id);

        const transport = smtpTransport(mailbox.url);
        const worker = startOutboxWorker(transport, { pollMs: 100, probeMs: 300 });
        try {
          await mailbox.waitUntil(
            () =>
              mailbox.messages.filter(to(anna.email)).length === 2 &&
              mailbox.messages.some(to("bert.volgorde@example.org")),
          );
        } finally {
          await worker.stop();
          transport.close();
        }

        // The 421 met the confirmation's first attempt; it went again, before the reminder.
        expect(refused).toBe(true);
        expect(mailbox.attempts.filter((a) => a.envelopeTo.includes(anna.email))).toHaveLength(3);
        const received = mailbox.messages.filter(to(anna.email));
        const rows = await rowsFor(registration?.id);
        expect(rows.map((row) => row.kind)).toEqual([
          "registration.confirmed",
          "registration.reminder",
        ]);
        expect(received.map((mail) => mail.parsed.messageId)).toEqual(
          rows.map((row) => row.message_id),
        );
        expect(calendarOf(received[0] as ReceivedMail)?.method).toBe("REQUEST");
        // A server that is away costs a message none of its tries.
        expect(rows.map((row) => [row.status, row.attempts])).toEqual([
          ["sent", 1],
          ["sent", 1],
        ]);
      },
    );
  });

  it("wait behind one the server asked to try later, and then leave in order", async () => {
    await withMailbox(
      await startMailbox(0, {
        answer: ({ attempt }) =>
          attempt === 1 ? { code: 451, message: "4.7.1 Try again later" } : null,
      }),
      async (mailbox) => {
        const session = await createSession({ capacity: 5 });
        const carl = person(3, { email: "carl.later@example.org" });
        await signUp(session.slug, carl, opts);
        await signUp(session.slug, carl, opts);
        const [registration] = await registrationsOf(session.id);
        const transport = smtpTransport(mailbox.url);
        try {
          await expect(processOutbox(transport)).resolves.toEqual({ sent: 0, failed: 1 });
          // The reminder is due, but the confirmation before it is not sent yet.
          await expect(processOutbox(transport)).resolves.toEqual({ sent: 0, failed: 0 });
          const later = () => new Date(Date.now() + 31_000).toISOString();
          await expect(processOutbox(transport, { now: later })).resolves.toEqual({
            sent: 2,
            failed: 0,
          });
        } finally {
          transport.close();
        }
        const received = mailbox.messages.filter(to(carl.email));
        const rows = await rowsFor(registration?.id);
        expect(received.map((mail) => mail.parsed.messageId)).toEqual(
          rows.map((row) => row.message_id),
        );
        expect(received[0]?.receivedAt).toBeLessThanOrEqual(received[1]?.receivedAt ?? 0);
      },
    );
  });

  it("never let a CANCEL overtake its invite: an invite that has not left gives way to it", async () => {
    await withMailbox(
      await startMailbox(0, {
        answer: ({ attempt }) =>
          attempt === 1 ? { code: 421, message: "4.3.2 Service not available" } : null,
      }),
      async (mailbox) => {
        const session = await createSession({ capacity: 1 });
        const dora = person(4, { email: "dora.annuleert@example.org" });
        const emiel = person(5, { email: "emiel.wacht@example.org" });
        await signUp(session.slug, dora, opts);
        const transport = smtpTransport(mailbox.url);
        try {
          // Dora's invite meets a server that will not take mail now: it waits.
          await expect(processOutbox(transport)).resolves.toMatchObject({ unreachable: true });
          await signUp(session.slug, emiel, opts);
          const [doraRow, emielRow] = await registrationsOf(session.id);
          // Dora cancels before her invite has left; Emiel gets her seat.
          const cancelled = await cancelRegistration(await manageTokenOf(doraRow?.id));
          expect(cancelled).toEqual({ ok: true, promoted: 1, previousStatus: "confirmed" });
          await expect(processOutbox(transport)).resolves.toEqual({ sent: 3, failed: 0 });

          // Dora gets one message: the cancellation, with METHOD:CANCEL for the UID of the
          // invite she never received (a calendar ignores it; had the invite arrived after
          // all, it would take it out). No invite for a seat she no longer has.
          const toDora = mailbox.messages.filter(to(dora.email));
          expect(toDora).toHaveLength(1);
          expect(calendarOf(toDora[0] as ReceivedMail)).toMatchObject({
            method: "CANCEL",
            uid: doraRow?.ical_uid,
            sequence: 1,
          });
          expect((await rowsFor(doraRow?.id)).map((row) => [row.kind, row.status])).toEqual([
            ["registration.confirmed", "superseded"],
            ["registration.cancelled", "sent"],
          ]);
          // Emiel: waiting-list message first, then his invite.
          const toEmiel = mailbox.messages.filter(to(emiel.email));
          expect(toEmiel.map((mail) => calendarOf(mail)?.method ?? null)).toEqual([
            null,
            "REQUEST",
          ]);
          expect(calendarOf(toEmiel[1] as ReceivedMail)?.uid).toBe(emielRow?.ical_uid);
        } finally {
          transport.close();
        }
      },
    );
  });
});

describe("after the mail server was away", () => {
  it("sends everything that waited within seconds of its return, every try uncounted", async () => {
    const away = await startMailbox();
    const { port } = away;
    await away.close();
    const session = await createSession({ capacity: 10 });
    for (let n = 0; n < 5; n++) {
      await signUp(session.slug, person(10 + n, { email: `terug${n}@example.org` }), opts);
    }
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    // A round while the server is away: it stops at the first message, and counts no try.
    await expect(processOutbox(transport)).resolves.toMatchObject({ sent: 0, unreachable: true });
    const waiting = await database()
      .db.selectFrom("outbox")
      .selectAll()
      .where("to_email", "like", "terug%")
      .execute();
    expect(waiting).toHaveLength(5);
    for (const row of waiting) {
      expect(row).toMatchObject({ status: "pending", attempts: 0, locked_until: null });
      // Still due: no backoff of its own.
      expect(Date.parse(row.next_attempt_at)).toBeLessThanOrEqual(Date.now());
    }
    expect(waiting.some((row) => /ECONNREFUSED|connect/i.test(row.last_error ?? ""))).toBe(true);

    // The worker finds the server away too, and asks it every probe whether it is back.
    const worker = startOutboxWorker(transport, { pollMs: 100, probeMs: 300 });
    try {
      const back = await startMailbox(port);
      try {
        await back.waitUntil(() => back.messages.length === 5, 15_000);
      } finally {
        await back.close();
      }
    } finally {
      await worker.stop();
      transport.close();
    }
  });
});

describe("a worker killed while sending", () => {
  it("leaves the message to another worker after the lease: it arrives once, with its Message-ID", async () => {
    await withMailbox(
      // The first delivery stalls after DATA: the server never accepts it.
      await startMailbox(0, { answer: ({ attempt }) => (attempt === 1 ? "hang" : null) }),
      async (mailbox) => {
        const session = await createSession({ capacity: 5 });
        const fien = person(20, { email: "fien.crash@example.org" });
        await signUp(session.slug, fien, opts);
        const [registration] = await registrationsOf(session.id);

        const other = startWorkerProcess(mailbox.url);
        try {
          await mailbox.waitUntil(() => mailbox.attempts.length === 1, 30_000);
        } finally {
          await other.kill();
        }
        const killedAt = Date.now();
        const [leased] = await rowsFor(registration?.id);
        expect(leased).toMatchObject({ status: "pending", attempts: 1 });
        expect(Date.parse(leased?.locked_until ?? "")).toBeGreaterThan(killedAt - 1000);

        const transport = smtpTransport(mailbox.url);
        const worker = startOutboxWorker(transport, { pollMs: 200 });
        try {
          const mail = await mailbox.waitFor(to(fien.email), (LEASE_SECONDS + 15) * 1000);
          expect(mail.parsed.messageId).toBe(leased?.message_id);
        } finally {
          // Once stopped, the worker has finished whatever it was sending.
          await worker.stop();
          transport.close();
        }
        expect(mailbox.messages.filter(to(fien.email))).toHaveLength(1);
        expect(await rowsFor(registration?.id)).toMatchObject([{ status: "sent", attempts: 2 }]);
      },
    );
  });
});

describe("the send rate", () => {
  it("holds across worker processes: at most the budget in any period", {
    timeout: 60_000,
  }, async () => {
    await withMailbox(await startMailbox(), async (mailbox) => {
      await forget({ keys: [SEND_RATE_KEY] });
      const rate = { limit: 4, periodMs: 60_000 };
      // One worker in a process of its own, one in this process, sharing the budget; both
      // run their rounds on the same clock, moved on by the test.
      const other = startWorkerProcess(
        mailbox.url,
        `--rate=${rate.limit}/${rate.periodMs}`,
        "--rounds",
      );
      const transport = smtpTransport(mailbox.url);
      try {
        await other.started;
        const session = await createSession({ capacity: 20 });
        for (let n = 0; n < 9; n++) {
          await signUp(session.slug, person(30 + n, { email: `tempo${n}@example.org` }), opts);
        }
        const start = Date.now() + 1000;
        /** Both workers at once at `offset` ms: how many messages they sent together. */
        const round = async (offset: number) => {
          const at = new Date(start + offset).toISOString();
          const [here, there] = await Promise.all([
            processOutbox(transport, { now: () => at, rate }),
            other.round(at),
          ]);
          expect(here.failed + there.failed).toBe(0);
          return here.sent + there.sent;
        };
        expect(await round(0)).toBe(rate.limit);
        expect(mailbox.messages).toHaveLength(rate.limit);
        // A moment before the period has passed, nothing more goes.
        expect(await round(rate.periodMs - 1)).toBe(0);
        expect(await round(rate.periodMs)).toBe(rate.limit);
        expect(await round(2 * rate.periodMs)).toBe(1);
        expect(mailbox.messages).toHaveLength(9);
        // Nothing was tried in vain: each message went on its first try.
        const rows = await database()
          .db.selectFrom("outbox")
          .select(["status", "attempts"])
          .where("to_email", "like", "tempo%")
          .execute();
        expect(rows).toEqual(Array.from({ length: 9 }, () => ({ status: "sent", attempts: 1 })));
      } finally {
        await other.kill();
        transport.close();
        await forget({ keys: [SEND_RATE_KEY] });
      }
    });
  });
});

describe("a message the mail server refuses", () => {
  it("is tried a few times, then marked failed and shown to the organisers of its session", async () => {
    const refused = "bestaat.niet@example.org";
    await withMailbox(
      await startMailbox(0, {
        answer: ({ envelopeTo }) =>
          envelopeTo.includes(refused) ? { code: 550, message: "5.1.1 Mailbox unknown" } : null,
      }),
      async (mailbox) => {
        const session = await createSession({ capacity: 5, title: "Sessie met een fout adres" });
        await signUp(session.slug, person(40, { name: "Gert Geweigerd", email: refused }), opts);
        const transport = smtpTransport(mailbox.url);
        try {
          for (let round = 0; round < MAX_REFUSALS + 3; round++) {
            const at = new Date(Date.now() + round * 3_600_000).toISOString();
            await processOutbox(transport, { now: () => at });
          }
        } finally {
          transport.close();
        }
        expect(mailbox.attempts.filter((a) => a.envelopeTo.includes(refused))).toHaveLength(
          MAX_REFUSALS,
        );
        const [row] = await database()
          .db.selectFrom("outbox")
          .selectAll()
          .where("to_email", "=", refused)
          .execute();
        expect(row).toMatchObject({ status: "failed", attempts: MAX_REFUSALS });
        expect(row?.failed_at).toBeTruthy();
        expect(row?.last_error).toContain("550");

        const { failedMail } = await organiserDashboard({ all: true });
        expect(failedMail.newest).toContainEqual(
          expect.objectContaining({
            toEmail: refused,
            kind: "registration.confirmed",
            sessionTitle: "Sessie met een fout adres",
          }),
        );
        const elsewhere = await organiserDashboard({ all: false, cityIds: [-1], partnerIds: [] });
        expect(elsewhere.failedMail).toMatchObject({ count: 0, newest: [] });

        const { cookie } = await signedInOrganiser({
          email: "postmeester@leuven.test",
          name: "Post Meester",
          password: "een-lang-genoeg-wachtwoord",
          role: "admin",
        });
        const page = await (await send("/beheer", { cookie })).text();
        expect(page).toContain("Niet verstuurde e-mails");
        expect(page).toContain(refused);
        expect(page).toContain("Bevestiging van inschrijving");
        expect(page).toContain("5.1.1 Mailbox unknown");
      },
    );
  });
});

describe("the confirmation the worker renders", () => {
  it("carries the invite (METHOD, UID, SEQUENCE) and working links; its CANCEL raises SEQUENCE", async () => {
    await withMailbox(await startMailbox(), async (mailbox) => {
      const session = await createSession({ capacity: 5 });
      const hanne = person(50, { name: "Hanne Uitnodiging", email: "hanne.invite@example.org" });
      await signUp(session.slug, hanne, opts);
      const [registration] = await registrationsOf(session.id);
      const transport = smtpTransport(mailbox.url);
      try {
        await expect(processOutbox(transport)).resolves.toEqual({ sent: 1, failed: 0 });
        const mail = await mailbox.waitFor(to(hanne.email));
        const [row] = await rowsFor(registration?.id);
        expect(mail.parsed.messageId).toBe(row?.message_id);
        expect(calendarOf(mail)).toEqual({
          method: "REQUEST",
          partMethod: "REQUEST",
          uid: registration?.ical_uid,
          sequence: 0,
          status: "CONFIRMED",
        });
        const html = mail.parsed.html || "";
        const manage = /\/inschrijving\/([\w-]+)/.exec(mail.parsed.text ?? "")?.[1] ?? "";
        expect(html).toContain(`http://agenda.test/inschrijving/${manage}`);
        expect(await resolveRegistrationToken(manage, "manage")).toEqual({
          state: "found",
          registrationId: registration?.id,
          sessionId: registration?.session_id,
        });
        const checkin = /\/inchecken\/([\w-]+)\/qr\.png/.exec(html)?.[1] ?? "";
        expect(await resolveRegistrationToken(checkin, "checkin")).toEqual({
          state: "found",
          registrationId: registration?.id,
          sessionId: registration?.session_id,
        });

        await cancelRegistration(manage);
        await expect(processOutbox(transport)).resolves.toEqual({ sent: 1, failed: 0 });
        const cancel = mailbox.messages.filter(to(hanne.email))[1];
        expect(cancel && calendarOf(cancel)).toEqual({
          method: "CANCEL",
          partMethod: "CANCEL",
          uid: registration?.ical_uid,
          sequence: 1,
          status: "CANCELLED",
        });
      } finally {
        transport.close();
      }
    });
  });
});
