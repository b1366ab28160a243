// Run as its own process by test/processes.test.ts: signs up a burst of people at once against
// DATABASE_URL and prints what happened as JSON. It says "ready" once loaded and starts on a
// line on stdin, so that every process's burst starts at the same moment.

import { once } from "node:events";
import { signUp } from "../../app/models/registration.server";
import { closeDatabase } from "../../db/client";

const [slug, prefix, count] = process.argv.slice(2);
console.log("ready");
await once(process.stdin, "data");
try {
  const results = await Promise.allSettled(
    Array.from({ length: Number(count) }, (_, i) =>
      signUp(
        slug ?? "",
        {
          name: `P ${i}`,
          email: `${prefix}-${i}@example.org`,
          organisation: null,
          enterpriseNumber: null,
        },
        { locale: "nl-BE" },
      ),
    ),
  );
  const errors = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
  console.log(JSON.stringify({ ok: results.length - errors.length, errors }));
} finally {
  await closeDatabase();
}
