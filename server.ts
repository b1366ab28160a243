import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import { config } from "./app/lib/config.server";
import { closeDatabase, database } from "./db/client";
import { migrateToLatest } from "./db/migrate";
import { startOutboxWorker } from "./emails/outbox.server";
import { transportFromConfig } from "./emails/transport.server";
import { isEmpty, loadDemoOrganisers, loadSeeds } from "./seeds/load";
import { createApp } from "./server/app";

installGlobals({ nativeFetch: true });

const settings = config();
const { db } = database();

// A fresh install comes up ready to use: schema migrated, and demo data in an empty database.
await migrateToLatest(db);
const production = settings.NODE_ENV === "production";
const seedOnStart = settings.SEED_ON_START ?? (production ? "off" : "on");
if (seedOnStart === "on" && (await isEmpty(db))) {
  const { sessions } = await loadSeeds(db);
  console.log(`empty database: loaded ${sessions} demo session(s)`);
  // Accounts with a published password have no place in production.
  if (!production) console.log(`demo organiser accounts: ${await loadDemoOrganisers(db)} added`);
}

const BUILD_PATH = "./build/index.js";
const build: ServerBuild = await import(BUILD_PATH);

const app = createApp(build);

const transport = transportFromConfig();
const worker = settings.OUTBOX_WORKER === "on" ? startOutboxWorker(transport) : undefined;

const server = app.listen(settings.PORT, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.PORT;
  console.log(`Ondernemersagenda listening on http://localhost:${port}`);
  console.log(
    `database: ${database().dialect}; mail: ${settings.SMTP_URL ? "SMTP" : `files in ${settings.MAIL_DIR}/`}; outbox worker: ${settings.OUTBOX_WORKER}`,
  );
  // Under `npm run dev`, tell the dev server this build is up.
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(async () => {
      await worker?.stop();
      transport.close();
      await closeDatabase();
      process.exit(0);
    });
    // Keep-alive connections must not hold the process open forever.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
