import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { database } from "../db/client";
import { processOutbox } from "../worker/outbox.server";
import { smtpTransport } from "../worker/transport.server";
import { TEST_DATABASE } from "./support/database";
import { createSession, registrationsOf } from "./support/factories";
import { send } from "./support/http";
import { startMailbox } from "./support/mailbox";
import { manageTokenOf } from "./support/tokens";

/**
 * An erased person is gone from the database file itself, not only from its rows: SQLite
 * overwrites what it deletes (secure_delete), so no free page or freed cell keeps a copy of
 * the name or the address (the registration, its index entries, the mail's snapshot and body).
 * PostgreSQL frees dead rows at VACUUM (docs/privacy.md); this checks the SQLite file.
 */
describe.runIf(TEST_DATABASE === "sqlite")("erasure in the SQLite file", () => {
  it("leaves no copy of the name or the address anywhere in the file", async () => {
    const name = "Xaviera Quintijn-Verwijderd";
    const email = "xaviera.quintijn.verwijderd@example.org";
    const session = await createSession();
    const signUp = await send(`/sessies/${session.slug}`, {
      form: { name, email, organisation: "Wisbaar bv", consent: "on" },
    });
    expect(signUp.status).toBe(302);
    const mailbox = await startMailbox();
    try {
      // The confirmation is rendered and sent: its body, subject and snapshot held the person.
      await processOutbox(smtpTransport(mailbox.url));
      const [registration] = await registrationsOf(session.id);
      const token = await manageTokenOf(registration?.id);
      const erased = await send(`/inschrijving/${token}`, { form: { intent: "erase" } });
      expect(erased.status).toBe(302);
      // The CANCEL that takes the event out of their calendar leaves, and is emptied once sent.
      await processOutbox(smtpTransport(mailbox.url));
    } finally {
      await mailbox.close();
    }

    // Whatever the WAL still holds goes into the file, and the WAL is emptied.
    await sql`pragma wal_checkpoint(truncate)`.execute(database().db);
    const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
    for (const text of [name, email, "Xaviera", "xaviera.quintijn", "Quintijn"]) {
      expect(bytes.includes(Buffer.from(text)), `"${text}" in the file`).toBe(false);
    }
  });
});
