import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { processOutbox, startOutboxWorker } from "../worker/outbox.server";
import { renderingHere, renderPool } from "../worker/render-pool.server";
import { smtpTransport } from "../worker/transport.server";
import { createSession, person, registrationsOf } from "./support/factories";
import { calendarParts, type Mailbox, type ReceivedMail, startMailbox } from "./support/mailbox";
import { manageTokenOf } from "./support/tokens";

/**
 * Mail rendered on render threads (worker/render-pool.server.ts), delivered to a real SMTP
 * server in this process: the same message as rendered here, one person's messages still in
 * order, and nothing lost or sent twice when a thread fails or the worker stops.
 */

const opts = { locale: "nl-BE" as const };
const to = (address: string) => (mail: ReceivedMail) => mail.envelopeTo.includes(address);
const pools: ReturnType<typeof renderPool>[] = [];
function threads(size: number, module?: URL, renderTimeoutMs?: number) {
  const pool = renderPool(size, {
    ...(module ? { module } : {}),
    ...(renderTimeoutMs ? { renderTimeoutMs } : {}),
  });
  pools.push(pool);
  return pool;
}
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

// Every test starts from an outbox with nothing due: what an earlier test left is set aside.
beforeEach(async () => {
  await database()
    .db.updateTable("outbox")
    .set({ status: "sent" })
    .where("status", "=", "pending")
    .execute();
});

const pendingRows = () =>
  database()
    .db.selectFrom("outbox")
    .selectAll()
    .where("status", "=", "pending")
    .orderBy("id")
    .execute();

function invite(mail: ReceivedMail) {
  const [part] = calendarParts(mail);
  if (!part) return null;
  const vevent = new ICAL.Component(ICAL.parse(part.content)).getFirstSubcomponent("vevent");
  return {
    method: part.method,
    uid: vevent?.getFirstPropertyValue("uid"),
    sequence: Number(vevent?.getFirstPropertyValue("sequence") ?? 0),
  };
}

describe("a message rendered on a thread", () => {
  it("is the message rendered here: subject, HTML, text and invite (DTSTAMP aside)", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(1, { email: "draad.gelijk@example.org" }), opts);
    const [registration] = await registrationsOf(session.id);
    await cancelRegistration(await manageTokenOf(registration?.id));
    // The invite (superseded by the CANCEL, which does not matter here) and its CANCEL.
    const rows = await database()
      .db.selectFrom("outbox")
      .selectAll()
      .where("registration_id", "=", registration?.id ?? 0)
      .orderBy("id")
      .execute();
    expect(rows.map((row) => [row.kind, row.ics_method])).toEqual([
      ["registration.confirmed", "REQUEST"],
      ["registration.cancelled", "CANCEL"],
    ]);
    const pool = threads(1);
    await pool.warm();
    expect(pool.mode()).toBe("threads");
    const withoutStamp = (ics: string | undefined) => ics?.replace(/^DTSTAMP:.*\r?\n/gm, "");
    for (const row of rows) {
      const there = await pool.render(row.kind, row.data ?? "");
      const here = await renderingHere.render(row.kind, row.data ?? "");
      expect(there.subject).toBe(here.subject);
      expect(there.html).toBe(here.html);
      expect(there.text).toBe(here.text);
      expect(there.ics?.method).toBe(here.ics?.method);
      expect(there.ics?.content).toContain("BEGIN:VEVENT");
      expect(withoutStamp(there.ics?.content)).toBe(withoutStamp(here.ics?.content));
    }
    expect(pool.mode()).toBe("threads");
  });

  it("is rendered here instead when threads cannot start, and mail goes on", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(2, { email: "draad.ontbreekt@example.org" }), opts);
    const [row] = await pendingRows();
    const pool = threads(1, new URL("./support/no-such-thread.ts", import.meta.url));
    await pool.warm();
    expect(pool.mode()).toBe("this thread");
    const content = await pool.render(row?.kind ?? "", row?.data ?? "");
    expect(content).toEqual(await renderingHere.render(row?.kind ?? "", row?.data ?? ""));
  });
});

describe("with render threads", () => {
  it("sends one person's messages in the order they were queued, SEQUENCE never going back", async () => {
    const mailbox = await startMailbox();
    const pool = threads(2);
    const session = await createSession({ capacity: 20 });
    const people = Array.from({ length: 8 }, (_, n) =>
      person(60 + n, { email: `volgorde.draad${n}@example.org` }),
    );
    for (const someone of people) {
      await signUp(session.slug, someone, opts);
      // The same address again: a reminder with the invite, queued after the confirmation.
      await signUp(session.slug, someone, opts);
    }
    const transport = smtpTransport(mailbox.url, { maxConnections: 6 });
    // More messages under way than threads: renders of different people finish in any order.
    const run = (count: number) => async () => {
      const worker = startOutboxWorker(transport, { pollMs: 50, concurrency: 6, renderer: pool });
      try {
        await mailbox.waitUntil(() => mailbox.messages.length === count, 20_000);
      } finally {
        await worker.stop();
      }
    };
    try {
      await run(16)();
      for (const registration of await registrationsOf(session.id)) {
        await cancelRegistration(await manageTokenOf(registration.id));
      }
      await run(24)();
    } finally {
      transport.close();
      await mailbox.close();
    }
    expect(pool.mode()).toBe("threads");

    for (const registration of await registrationsOf(session.id)) {
      const received = mailbox.messages.filter(to(registration.email));
      const rows = await database()
        .db.selectFrom("outbox")
        .selectAll()
        .where("registration_id", "=", registration.id)
        .orderBy("id")
        .execute();
      expect(rows.map((row) => [row.kind, row.status, row.attempts])).toEqual([
        ["registration.confirmed", "sent", 1],
        ["registration.reminder", "sent", 1],
        ["registration.cancelled", "sent", 1],
      ]);
      expect(received.map((mail) => mail.parsed.messageId)).toEqual(
        rows.map((row) => row.message_id),
      );
      expect(received.map(invite)).toEqual([
        { method: "REQUEST", uid: registration.ical_uid, sequence: 0 },
        { method: "REQUEST", uid: registration.ical_uid, sequence: 0 },
        { method: "CANCEL", uid: registration.ical_uid, sequence: 1 },
      ]);
    }
  });

  it("loses no other message when a render throws or its thread dies; the failed one is tried again", async () => {
    const mailbox = await startMailbox();
    const crashing = threads(2, new URL("./support/crashing-render-thread.ts", import.meta.url));
    const session = await createSession({ capacity: 20 });
    const fine = Array.from({ length: 6 }, (_, n) => `draad.goed${n}@example.org`);
    const failing = ["thread.crash@example.org", "render.throws@example.org"];
    for (const [n, email] of [...fine.slice(0, 3), ...failing, ...fine.slice(3)].entries()) {
      await signUp(session.slug, person(80 + n, { email }), opts);
    }
    const transport = smtpTransport(mailbox.url);
    try {
      await crashing.warm();
      await expect(
        processOutbox(transport, { concurrency: 4, renderer: crashing }),
      ).resolves.toEqual({ sent: 6, failed: 2 });
      expect(mailbox.messages.map((mail) => mail.envelopeTo).sort()).toEqual(
        fine.map((email) => [email]).sort(),
      );
      // Both failed as a render fails here: one try counted, due again after a backoff.
      const failed = await pendingRows();
      expect(failed.map((row) => [row.to_email, row.attempts, row.locked_until])).toEqual([
        ["thread.crash@example.org", 1, null],
        ["render.throws@example.org", 1, null],
      ]);
      expect(failed[0]?.last_error).toContain("render thread stopped: the render thread crashed");
      expect(failed[1]?.last_error).toBe("this message cannot be rendered");
      for (const row of failed) expect(Date.parse(row.next_attempt_at)).toBeGreaterThan(Date.now());
      // Threads are still there for the next messages: a new one replaced the one that died.
      expect(crashing.mode()).toBe("threads");

      // The next try, on threads that render them: each arrives, once.
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await expect(
        processOutbox(transport, { now: () => later, renderer: threads(1) }),
      ).resolves.toEqual({ sent: 2, failed: 0 });
    } finally {
      transport.close();
      await mailbox.close();
    }
    for (const email of [...fine, ...failing]) {
      expect(mailbox.messages.filter(to(email))).toHaveLength(1);
    }
  });

  it("ends a thread whose render does not answer, and fails that message as a render that threw", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(140, { email: "render.hangs@example.org" }), opts);
    const [row] = await pendingRows();
    const pool = threads(1, new URL("./support/crashing-render-thread.ts", import.meta.url), 500);
    await pool.warm();
    await expect(pool.render(row?.kind ?? "", row?.data ?? "")).rejects.toThrow(
      "the render thread stopped: no answer in 0.5 s",
    );
    expect(pool.mode()).toBe("threads");
  });

  it("finishes the messages under way when the worker stops; the next worker sends the rest once", async () => {
    const mailbox = await startMailbox();
    const pool = threads(2);
    const session = await createSession({ capacity: 30 });
    const emails = Array.from({ length: 20 }, (_, n) => `draad.stop${n}@example.org`);
    for (const [n, email] of emails.entries()) {
      await signUp(session.slug, person(100 + n, { email }), opts);
    }
    const transport = smtpTransport(mailbox.url);
    try {
      const first = startOutboxWorker(transport, { pollMs: 50, concurrency: 4, renderer: pool });
      await mailbox.waitUntil(() => mailbox.messages.length >= 1);
      await first.stop();
      // Stopped: nothing half-done is left, every message is sent or untouched.
      for (const row of await pendingRows()) {
        expect(row).toMatchObject({ attempts: 0, locked_until: null, rendered_at: null });
      }
      const second = startOutboxWorker(transport, { pollMs: 50, concurrency: 4, renderer: pool });
      try {
        await mailbox.waitUntil(() => mailbox.messages.length === emails.length, 20_000);
      } finally {
        await second.stop();
      }
    } finally {
      transport.close();
      await mailbox.close();
    }
    for (const email of emails) expect(mailbox.messages.filter(to(email))).toHaveLength(1);
  });
});

describe("the processes that send mail", () => {
  /**
   * Runs `script` as `npm start` (server.ts, on the build) or `npm run worker` run it, with two
   * render threads, until a sign-up's confirmation arrives; returns what it wrote.
   */
  async function sendsWithThreads(script: string, mailbox: Mailbox, email: string) {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: join(import.meta.dirname, ".."),
      env: {
        ...process.env,
        PORT: "0",
        NODE_ENV: "production",
        SESSION_SECRET: "a-secret-for-this-test-that-is-long-enough",
        SEED_ON_START: "off",
        OUTBOX_WORKER: "on",
        OUTBOX_POLL_MS: "100",
        SMTP_URL: mailbox.url,
        MAIL_RENDER_THREADS: "2",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
    }
    const exited = once(child, "exit");
    try {
      await mailbox.waitFor(to(email), 60_000);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    return output;
  }

  it.each([
    ["server.ts", "the server (npm start, on the build)"],
    ["worker/main.ts", "the worker alone (npm run worker)"],
  ])("render on threads in %s: %s", { timeout: 120_000 }, async (script) => {
    const mailbox = await startMailbox();
    try {
      const session = await createSession({ capacity: 5 });
      const email = `draad.${script.replace(/\W/g, "-")}@example.org`;
      await signUp(session.slug, person(120, { email }), opts);
      const output = await sendsWithThreads(script, mailbox, email);
      expect(output).toContain("mail is rendered on threads (up to 2)");
      expect(output).not.toContain("cannot start");
      expect(invite(mailbox.messages.find(to(email)) as ReceivedMail)?.method).toBe("REQUEST");
    } finally {
      await mailbox.close();
    }
  });
});
