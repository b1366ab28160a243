import { z } from "zod";
import { removePasskeySchema } from "./passkey-form";

/**
 * The forms of two-step sign-in and of the account page: a code (six digits from the
 * authenticator, or a recovery code), which device to sign out, and the admins' requirement.
 * Messages are catalogue keys (see forms.ts); a code never comes back to the page.
 */

/**
 * Who must sign in with a second step: nobody, the admins, or everyone with a workspace account
 * (admins and organisers; door volunteers never, see settings.server.ts).
 */
export const SECOND_FACTOR_REQUIREMENTS = ["nobody", "admins", "everyone"] as const;
export type SecondFactorRequirement = (typeof SECOND_FACTOR_REQUIREMENTS)[number];

/** Six digits, or a recovery code as it was shown ("K7QM-2XRD-9FTB"), spaces allowed. */
const code = z
  .string({ error: "twoStep.errors.codeRequired" })
  .trim()
  .min(1, "twoStep.errors.codeRequired")
  .max(40, "twoStep.errors.wrongCode");

/** The code after the password, and where to go on to. */
export const secondStepSchema = z.object({ code, terug: z.string().optional() });

/** The first code of an authenticator being set up. */
export const confirmCodeSchema = z.object({ code });

/** Turning the second step off: a code as proof. */
export const turnOffSchema = z.object({ intent: z.literal("turnOff"), code });

/** Signing out one of one's devices, by the id the list shows. */
export const signOutDeviceSchema = z.object({
  intent: z.literal("signOutDevice"),
  device: z.string().regex(/^[\w-]{1,64}$/, "devices.errors.gone"),
});

/** What an organiser does on their account page. */
export const accountPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("begin") }),
  z.object({ intent: z.literal("confirm"), code }),
  turnOffSchema,
  signOutDeviceSchema,
  z.object({ intent: z.literal("signOutOthers") }),
  removePasskeySchema,
]);

/** An admin sets who must sign in with a second step. */
export const requirementSchema = z.object({
  intent: z.literal("requireTwoStep"),
  requirement: z.enum(SECOND_FACTOR_REQUIREMENTS, { error: "twoStep.errors.requirement" }),
});
