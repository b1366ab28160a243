import { issueRegistrationToken } from "../../app/models/registration-token.server";
import { database } from "../../db/client";
import { writeTransaction } from "../../db/transaction";

/**
 * Links to a registration, as a new mail would carry them: only hashes are stored, so a test
 * that needs a manage link, a check-in code or a view link has one made, the way `notify`
 * makes them.
 */
export async function linksOf(
  registrationId: number,
): Promise<{ manageToken: string; checkinCode: string; viewToken: string }> {
  const now = new Date().toISOString();
  return writeTransaction(
    async (trx) => ({
      manageToken: await issueRegistrationToken(trx, registrationId, "manage", now),
      checkinCode: await issueRegistrationToken(trx, registrationId, "checkin", now),
      viewToken: await issueRegistrationToken(trx, registrationId, "view", now),
    }),
    database(),
  );
}

export async function manageTokenOf(registrationId: number | undefined): Promise<string> {
  if (registrationId === undefined) return "";
  return (await linksOf(registrationId)).manageToken;
}

export async function checkinCodeOf(registrationId: number | undefined): Promise<string> {
  if (registrationId === undefined) return "";
  return (await linksOf(registrationId)).checkinCode;
}

/** The manage token in a mail's text, as a person would click it. */
export function manageTokenIn(text: string | undefined): string {
  const token = /\/inschrijving\/([\w-]+)/.exec(text ?? "")?.[1];
  if (!token) throw new Error("the mail holds no manage link");
  return token;
}

/**
 * The token of the newest password link mailed to `email`, read from the mail as the person
 * would see it (the worker renders queued mail first); "" when that mail holds none.
 */
export async function passwordLinkTokenOf(email: string): Promise<string> {
  const { renderQueuedMail } = await import("./factories");
  await renderQueuedMail();
  const mail = await database()
    .db.selectFrom("outbox")
    .select("text")
    .where("to_email", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return /\/beheer\/wachtwoord\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
}
