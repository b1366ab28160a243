import { queueDueFollowUps } from "../app/models/after-session.server";
import { processInboundMail } from "../app/models/inbound-mail.server";
import { runDailyRetention } from "../app/models/personal-data.server";
import { queueDueReminders } from "../app/models/reminder.server";
import { closeRequestsAtStart } from "../app/models/request.server";
import { processJobs } from "./jobs.server";
import type { WorkerTask } from "./outbox.server";

/**
 * What every mail worker does besides sending (the server's own and `npm run worker` alike):
 * `tasks` before each round, `daily` once a day across all workers.
 */
export const workerDuties = {
  daily: runDailyRetention,
  tasks: [
    // First, so that the mail a job queues (a password link) leaves in the same round.
    ({ stopping }) => processJobs({ stopping }),
    // Every round: reads only the sessions starting within 40 hours (see reminder.server.ts).
    () => queueDueReminders(),
    // Every round: reads only the sessions that ended within the last week and three days.
    () => queueDueFollowUps(),
    // Requests still open when their session begins are closed, each with a mail, once.
    () => closeRequestsAtStart(),
    () => processInboundMail(),
  ] as Array<WorkerTask>,
};
