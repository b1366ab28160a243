import { processInboundMail } from "../app/models/inbound-mail.server";
import { runDailyRetention } from "../app/models/personal-data.server";
import { queueDueReminders } from "../app/models/reminder.server";

/**
 * What every mail worker does besides sending (the server's own and `npm run worker` alike):
 * `tasks` before each round, `daily` once a day across all workers.
 */
export const workerDuties = {
  daily: runDailyRetention,
  tasks: [
    // Every round: reads only the sessions starting within 40 hours (see reminder.server.ts).
    () => queueDueReminders(),
    () => processInboundMail(),
  ] as Array<() => Promise<unknown>>,
};
