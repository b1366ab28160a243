// Run as its own process by test/jobs.test.ts: one worker's job round against DATABASE_URL. It
// says "ready" once loaded and starts on a line on stdin, so that its round runs beside the
// test's own; then it prints what it did as JSON.

import { once } from "node:events";
import { closeDatabase } from "../../db/client";
import { processJobs } from "../../worker/jobs.server";

console.log("ready");
await once(process.stdin, "data");
try {
  console.log(JSON.stringify(await processJobs()));
} finally {
  await closeDatabase();
}
