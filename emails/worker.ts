import { closeDatabase } from "../db/client";
import { startOutboxWorker } from "./outbox.server";
import { transportFromConfig } from "./transport.server";

// `npm run worker`: the mail sender on its own, for when the web server runs with OUTBOX_WORKER=off.
const transport = transportFromConfig();
const worker = startOutboxWorker(transport);
console.log("outbox worker started");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    transport.close();
    await closeDatabase();
    process.exit(0);
  });
}
