// Run as its own process by test/outbox-delivery.test.ts: the mail worker against DATABASE_URL
// and SMTP_URL, as `npm run worker` runs it, until the test kills it. `--rate=4/60000` gives it
// a send budget of 4 messages in any 60,000 ms. With `--rounds` it sends only when told: one
// round per line on stdin, on the clock the line gives (an ISO instant), and prints what the
// round did as JSON.

import { createInterface } from "node:readline";
import { processOutbox, startOutboxWorker } from "../../worker/outbox.server";
import { transportFromConfig } from "../../worker/transport.server";

const args = process.argv.slice(2);
const rateArg = args.map((arg) => /^--rate=(\d+)\/(\d+)$/.exec(arg)).find(Boolean);
const rate = rateArg ? { limit: Number(rateArg[1]), periodMs: Number(rateArg[2]) } : undefined;
const transport = transportFromConfig();

if (args.includes("--rounds")) {
  console.log("outbox worker started");
  for await (const line of createInterface({ input: process.stdin })) {
    const at = line.trim();
    console.log(JSON.stringify(await processOutbox(transport, { now: () => at, rate })));
  }
} else {
  startOutboxWorker(transport, { pollMs: 100, rate });
  console.log("outbox worker started");
}
