import { config } from "../app/lib/config.server";
import { closeDatabase } from "../db/client";
import { workerDuties } from "./duties.server";
import { startInboundSmtp } from "./inbound-smtp.server";
import { startOutboxWorker } from "./outbox.server";
import { transportFromConfig } from "./transport.server";

// `npm run worker`: the mail sender on its own, for when the web server runs with OUTBOX_WORKER=off.
// It also applies the retention periods once a day, as the server's worker does.
const transport = transportFromConfig();
const worker = startOutboxWorker(transport, workerDuties);
console.log("outbox worker started");
// Replies from calendars over SMTP, when a port is set (see worker/inbound-smtp.server.ts).
const { INBOUND_SMTP_PORT, INBOUND_SMTP_HOST } = config();
const inbound =
  INBOUND_SMTP_PORT === undefined ? undefined : await startInboundSmtp({ port: INBOUND_SMTP_PORT });
if (inbound) console.log(`inbound mail: SMTP on ${INBOUND_SMTP_HOST}:${inbound.port}`);

// On SIGTERM the message being sent is sent (or rescheduled) and mail being received is stored,
// then the process exits 0; a mail server that does not answer within SHUTDOWN_TIMEOUT_MS is
// cut off and the exit code says so.
// Its lease then runs out within 15 seconds and any worker sends it again: never lost.
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  console.log(`${signal}: finishing the mail being sent, then stopping`);
  const deadline = setTimeout(() => {
    console.error(`still sending after ${SHUTDOWN_TIMEOUT_MS / 1000} s: stopping anyway`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  await Promise.all([worker.stop(), inbound?.stop()]);
  transport.close();
  await closeDatabase();
  clearTimeout(deadline);
  process.exit(0);
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    shutDown(signal).catch((error) => {
      console.error("stopping failed:", error);
      process.exit(1);
    });
  });
}
