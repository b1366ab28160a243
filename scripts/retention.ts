/**
 * Applies the retention periods now, whatever the daily run did:
 *
 *   npm run data:retention
 *
 * Registrations of sessions that ended more than RETENTION_MONTHS ago are anonymised, and mail
 * sent more than OUTBOX_KEEP_DAYS ago loses its body and recipient. The mail worker does the
 * same once a day by itself; running it again changes nothing more. Run it with the same
 * DATABASE_URL as the app.
 */

import { config } from "../app/lib/config.server";
import { applyRetention } from "../app/models/personal-data.server";
import { closeDatabase } from "../db/client";

try {
  const { RETENTION_MONTHS, OUTBOX_KEEP_DAYS, PSEUDONYM_MONTHS } = config();
  const run = await applyRetention();
  console.log(
    `${run.registrations} registration(s) of sessions that ended more than ${RETENTION_MONTHS} month(s) ago anonymised; ` +
      `${run.mails} mail(s) sent more than ${OUTBOX_KEEP_DAYS} day(s) ago emptied; ` +
      `${run.doorAccounts} door volunteer account(s) closed; ` +
      `${run.refusedAddresses} removed organiser address(es) of domains no longer allowed forgotten; ` +
      `${run.pseudonyms} registration(s) lost the pseudonym of a person last seen more than ${PSEUDONYM_MONTHS} month(s) ago`,
  );
  await closeDatabase();
} catch (error) {
  console.error("retention failed:", error);
  await closeDatabase().catch(() => {});
  process.exit(1);
}
