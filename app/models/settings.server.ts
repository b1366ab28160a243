import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, OrganiserRole } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { nowInstant } from "../lib/time";
import { SECOND_FACTOR_REQUIREMENTS, type SecondFactorRequirement } from "../lib/two-step-form";
import { type Actor, recordAuditIn } from "./audit.server";

/**
 * Settings an admin changes in the app itself (those of the installation are environment
 * variables, app/lib/config.server.ts). One so far: who must sign in with a second step.
 */

const REQUIREMENT_KEY = "secondFactorRequired";

const isRequirement = (value: unknown): value is SecondFactorRequirement =>
  (SECOND_FACTOR_REQUIREMENTS as readonly unknown[]).includes(value);

/** The requirement as an admin last set it; nobody until then. */
export async function secondFactorRequirementIn(
  trx: Kysely<Database>,
): Promise<SecondFactorRequirement> {
  const row = await trx
    .selectFrom("app_settings")
    .select("value")
    .where("key", "=", REQUIREMENT_KEY)
    .executeTakeFirst();
  return isRequirement(row?.value) ? row.value : "nobody";
}

export function secondFactorRequirement(): Promise<SecondFactorRequirement> {
  return secondFactorRequirementIn(database().db);
}

/**
 * Whether an account of this role must sign in with a second step under a requirement. Door
 * volunteers never: their account opens one evening's check-in list of names and ends hours
 * after the session, and asking a volunteer at the door to set up an authenticator for that
 * would only push organisers to lend them their own account instead.
 */
export function mustHaveSecondFactor(
  role: OrganiserRole,
  requirement: SecondFactorRequirement,
): boolean {
  if (role === "door") return false;
  return requirement === "everyone" || (requirement === "admins" && role === "admin");
}

/**
 * An admin sets who must have a second step. Nobody is signed out: each of them is led through
 * setting one up at their next sign-in. Audited, with what it was and what it became.
 */
export async function setSecondFactorRequirement(
  requirement: SecondFactorRequirement,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<{ changed: boolean }> {
  return writeTransaction(async (trx) => {
    const before = await secondFactorRequirementIn(trx);
    if (before === requirement) return { changed: false };
    const updated = await trx
      .updateTable("app_settings")
      .set({ value: requirement, updated_at: now })
      .where("key", "=", REQUIREMENT_KEY)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto("app_settings")
        .values({ key: REQUIREMENT_KEY, value: requirement, updated_at: now })
        .execute();
    }
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "organiser.twoStepRequirement",
        subjectType: "organiser",
        subjectId: null,
        details: { from: before, to: requirement },
        clientAddress,
      },
      now,
    );
    return { changed: true };
  });
}
