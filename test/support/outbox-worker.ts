// Run as its own process by test/outbox-delivery.test.ts: the mail worker against DATABASE_URL
// and SMTP_URL, as `npm run worker` runs it, until the test kills it. `--rate=4/3000` gives it
// a send budget of 4 messages in any 3,000 ms (MAIL_RATE_PER_MINUTE counts whole minutes).

import { startOutboxWorker } from "../../worker/outbox.server";
import { transportFromConfig } from "../../worker/transport.server";

const rate = /^--rate=(\d+)\/(\d+)$/.exec(process.argv[2] ?? "");
startOutboxWorker(transportFromConfig(), {
  pollMs: 100,
  ...(rate ? { rate: { limit: Number(rate[1]), periodMs: Number(rate[2]) } } : {}),
});
console.log("outbox worker started");
