import { type DatabaseHandle, database } from "../../db/client";

/**
 * What a sign-in creates: organisers, signed-in sessions and "signed in" audit rows. A refused
 * sign-in leaves all three as they were.
 */
export async function signInCounts({ db }: DatabaseHandle = database()) {
  const count = async (table: "organisers" | "auth_sessions") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const signIns = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("action", "=", "organiser.signIn")
    .executeTakeFirstOrThrow();
  return {
    organisers: await count("organisers"),
    authSessions: await count("auth_sessions"),
    signIns: Number(signIns.n),
  };
}
