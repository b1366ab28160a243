import { database } from "../../db/client";
import { writeTransaction } from "../../db/transaction";
import { normalizeEmail } from "../lib/email-field";
import { nowInstant } from "../lib/time";
import type { PublicOrganiser } from "./organiser.server";
import { doorAccessOf } from "./scope.server";
import { type DeviceOrigin, recordSignInIn, startAuthSessionIn } from "./sign-in.server";

/**
 * Signing in with the city's own accounts (OpenID Connect): the provider vouches for an address,
 * and the app opens the workspace of the organiser an admin invited with that address, with the
 * role and scope the app gave them. Nobody else gets in, and nothing is created for them. The
 * provider does its own second step, so the app's code is not asked again.
 */

export type CitySignInResult =
  | { ok: true; organiser: PublicOrganiser; sessionToken: string }
  /** No organiser has this address: nobody invited it. */
  | { ok: false; reason: "notInvited" }
  /** A door volunteer after their session: their access has ended. */
  | { ok: false; reason: "doorAccessEnded" };

/** The provider vouched for this address: the invited organiser's sign-in starts. */
export async function signInWithCityAccount(
  email: string,
  { client = "unknown", device = null, now = nowInstant() }: DeviceOrigin & { now?: string } = {},
): Promise<CitySignInResult> {
  const organiser = await database()
    .db.selectFrom("organisers")
    .select(["id", "email", "name", "role"])
    .where("email", "=", normalizeEmail(email))
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!organiser) return { ok: false, reason: "notInvited" };
  if (organiser.role === "door" && !(await doorAccessOf(organiser.id, now))) {
    return { ok: false, reason: "doorAccessEnded" };
  }
  const sessionToken = await writeTransaction(async (trx) => {
    const token = await startAuthSessionIn(trx, organiser.id, { device, client }, now);
    await recordSignInIn(trx, organiser.id, { client, now, details: { with: "cityAccount" } });
    return token;
  });
  return { ok: true, organiser, sessionToken };
}
