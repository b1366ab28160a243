// Run as its own process by test/processes.test.ts: signs up a burst of people at once
// against DATABASE_URL, or with "--outbox" drains the outbox, and prints what happened as JSON.

import { signUp } from "../../app/models/registration.server";
import { closeDatabase } from "../../db/client";
import { processOutbox } from "../../worker/outbox.server";
import { fileTransport } from "../../worker/transport.server";

const [mode, slug, prefix, count] = process.argv.slice(2);
try {
  if (mode === "--outbox") {
    const transport = fileTransport(slug ?? "");
    let sent = 0;
    const until = Date.now() + Number(count ?? 3000);
    while (Date.now() < until) {
      sent += (await processOutbox(transport)).sent;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    console.log(JSON.stringify({ sent }));
  } else {
    const results = await Promise.allSettled(
      Array.from({ length: Number(count) }, (_, i) =>
        signUp(
          slug ?? "",
          {
            name: `P ${i}`,
            email: `${prefix}-${i}@example.org`,
            organisation: null,
            enterpriseNumber: null,
            dietaryNeeds: null,
          },
          { locale: "nl-BE" },
        ),
      ),
    );
    const errors = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
    console.log(JSON.stringify({ ok: results.length - errors.length, errors }));
  }
} finally {
  await closeDatabase();
}
