import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createDatabase, type DatabaseHandle } from "../db/client";
import { type Mailbox, startMailbox } from "../test/support/mailbox";

export { expect };

interface App {
  baseURL: string;
  mailbox: Mailbox;
  /** The app's database, for tests that add sessions or organisers of their own. */
  db: DatabaseHandle;
  /** Where the app takes replies from calendars over SMTP (INBOUND_SMTP_PORT). */
  inboundSmtpPort: number;
  /** All the app has written to its output so far: what it logged about a refusal, say. */
  output: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startApp(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      // E2E_APP_LOG=<file> keeps what the app writes, to see what it did in a failed test.
      if (process.env.E2E_APP_LOG) appendFileSync(process.env.E2E_APP_LOG, chunk);
      output += chunk.toString();
      if (output.includes("listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`app exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

/**
 * Every worker starts the built app as a user would (`server.ts`, seeded SQLite), with its
 * mail going to a real SMTP server in this process.
 */
export const test = base.extend<
  {
    mailbox: Mailbox;
    inboundSmtpPort: number;
    db: DatabaseHandle;
    expectAccessible: (page: Page) => Promise<void>;
  },
  { app: App; appPort: number; appEnv: Record<string, string> }
>({
  // The app's port, known before it starts: a service a spec starts for it (an OpenID provider,
  // say) can be given the app's addresses.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the object pattern
  appPort: [async ({}, use) => use(await freePort()), { scope: "worker" }],
  // Settings a spec adds to the app's own (`test.extend({ appEnv: … })`); its spec then runs in
  // workers of its own.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the object pattern
  appEnv: [async ({}, use) => use({}), { scope: "worker" }],
  app: [
    async ({ appPort: port, appEnv }, use) => {
      const dir = mkdtempSync(join(tmpdir(), "oa-e2e-"));
      const mailbox = await startMailbox();
      const inboundSmtpPort = await freePort();
      const baseURL = `http://localhost:${port}`;
      const databaseUrl = `file:${join(dir, "e2e.sqlite")}`;
      const { child, output } = await startApp({
        NODE_ENV: "production",
        PORT: String(port),
        PUBLIC_URL: baseURL,
        DATABASE_URL: databaseUrl,
        SMTP_URL: mailbox.url,
        MAIL_FROM: '"Stad Leuven – Ondernemersagenda" <agenda@leuven.test>',
        OUTBOX_POLL_MS: "200",
        SEED_ON_START: "on",
        SESSION_SECRET: "e2e-secret-that-is-long-enough-for-the-check",
        INBOUND_SMTP_PORT: String(inboundSmtpPort),
        INBOUND_SMTP_HOST: "127.0.0.1",
        ...appEnv,
      });
      // Tests add their own sessions and organisers through a handle of their own on the file.
      const db = createDatabase(databaseUrl);
      await use({ baseURL, mailbox, inboundSmtpPort, db, output });
      await db.db.destroy();
      await db.changes?.close();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await mailbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 60_000 },
  ],
  baseURL: async ({ app }, use) => use(app.baseURL),
  // A script error in the browser (a failed hydration, say) fails the test that caused it.
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // So does anything the Content-Security-Policy blocked: a script or style the page needs.
    page.on("console", (message) => {
      if (message.type() === "error" && message.text().includes("Content Security Policy")) {
        errors.push(message.text());
      }
    });
    await use(page);
    expect(errors, "errors in the browser").toEqual([]);
  },
  mailbox: async ({ app }, use) => use(app.mailbox),
  inboundSmtpPort: async ({ app }, use) => use(app.inboundSmtpPort),
  db: async ({ app }, use) => use(app.db),
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the object pattern
  expectAccessible: async ({}, use) => {
    await use(async (page) => {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
      ).toEqual([]);
    });
  },
});
