import { type DatabaseHandle, database } from "../../db/client";
import { rowCount } from "./factories";

/**
 * What a sign-in creates: organisers, signed-in sessions and "signed in" audit rows. A refused
 * sign-in leaves all three as they were.
 */
export async function signInCounts(handle: DatabaseHandle = database()) {
  const signIns = await handle.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("action", "=", "organiser.signIn")
    .executeTakeFirstOrThrow();
  return {
    organisers: await rowCount("organisers", handle),
    authSessions: await rowCount("auth_sessions", handle),
    signIns: Number(signIns.n),
  };
}
