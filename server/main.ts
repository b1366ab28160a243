import { createServer } from "node:http";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { config } from "../app/lib/config.server";
import { closeDatabase, database } from "../db/client";
import { setUpDatabase } from "../seeds/load";
import { workerDuties } from "../worker/duties.server";
import { startInboundSmtp } from "../worker/inbound-smtp.server";
import { startOutboxWorker } from "../worker/outbox.server";
import { transportFromConfig } from "../worker/transport.server";
import { createApp } from "./app";

/**
 * The whole server process: the database set up, the app listening, the worker (and the
 * inbound SMTP listener) beside it, and a graceful stop. It is compiled with the app into
 * build/index.js (see server/index.ts), so the process holds one copy of every module with
 * state: one database handle, one change counter, one writer queue.
 */
export async function startServer(build: ServerBuild): Promise<void> {
  const settings = config();

  // A fresh install comes up ready to use: schema migrated, and demo data in an empty database.
  // Instances starting at the same time take turns at this (see setUpDatabase).
  const production = settings.NODE_ENV === "production";
  const seedOnStart = settings.SEED_ON_START ?? (production ? "off" : "on");
  const loaded = await setUpDatabase({
    seed: seedOnStart === "on" ? "if-empty" : "never",
    // Accounts with a published password have no place in production.
    demoOrganisers: !production,
  });
  if (loaded) {
    console.log(`empty database: loaded ${loaded.sessions} demo session(s)`);
    if (!production) console.log(`demo organiser accounts: ${loaded.organisers} added`);
  }

  const app = createApp(build);

  const transport = transportFromConfig();
  // The worker also applies the retention periods once a day (once, however many instances run).
  const worker =
    settings.OUTBOX_WORKER === "on" ? startOutboxWorker(transport, workerDuties) : undefined;
  // Replies from calendars over SMTP, beside the worker: with OUTBOX_WORKER=off, `npm run worker`
  // listens instead (one listener for the port, wherever the worker runs).
  const inbound =
    worker && settings.INBOUND_SMTP_PORT !== undefined
      ? await startInboundSmtp({ port: settings.INBOUND_SMTP_PORT })
      : undefined;
  if (inbound) {
    console.log(`inbound mail: SMTP on ${settings.INBOUND_SMTP_HOST}:${inbound.port}`);
  } else if (settings.INBOUND_SMTP_PORT !== undefined) {
    console.log("inbound mail: SMTP is taken by `npm run worker` (OUTBOX_WORKER=off here)");
  }

  const server = createServer(app).listen(settings.PORT, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : settings.PORT;
    console.log(`Ondernemersagenda listening on http://localhost:${port}`);
    console.log(
      `database: ${database().dialect}; mail: ${settings.SMTP_URL ? "SMTP" : `files in ${settings.MAIL_DIR}/`}; outbox worker: ${settings.OUTBOX_WORKER}`,
    );
    // Under `npm run dev`, tell the dev server this build is up.
    if (settings.REMIX_DEV_ORIGIN) broadcastDevReady(build);
  });

  // On SIGTERM (a deploy, a scale-down) nothing is cut off: no new connections are taken,
  // requests under way are answered, the mail being sent is sent, mail being received is
  // stored, then the process exits 0. Whatever is still busy after SHUTDOWN_TIMEOUT_MS is cut
  // off, and the exit code says so.
  const SHUTDOWN_TIMEOUT_MS = 10_000;
  let stopping = false;

  // A keep-alive connection stays open after its response; while stopping, close it right away.
  server.on("request", (_req, res) => {
    res.once("finish", () => {
      if (stopping) server.closeIdleConnections();
    });
  });

  async function shutDown(signal: NodeJS.Signals): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests under way and the mail being sent, then stopping`);
    const deadline = setTimeout(() => {
      console.error(`still busy after ${SHUTDOWN_TIMEOUT_MS / 1000} s: stopping anyway`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.all([requestsDone, worker?.stop(), inbound?.stop()]);
    transport.close();
    await closeDatabase();
    clearTimeout(deadline);
    console.log("stopped");
    process.exit(0);
  }

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      shutDown(signal).catch((error) => {
        console.error("stopping failed:", error);
        process.exit(1);
      });
    });
  }
}
