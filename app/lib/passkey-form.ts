import { z } from "zod";

/**
 * The forms of passkeys: what the browser part posts (asking for a challenge, then the
 * authenticator's answer as JSON) and removing one from the account page. Messages are
 * catalogue keys (see forms.ts).
 */

/** An authenticator's answer, as @simplewebauthn/browser hands it over: a JSON object. */
const webauthnResponse = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) return value;
    } catch {
      // Not JSON: refused below.
    }
    ctx.addIssue({ code: "custom", message: "passkeys.errors.invalid" });
    return z.NEVER;
  });

/** Adding a passkey from the account page: a challenge first, then the new passkey. */
export const passkeyRegistrationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("options") }),
  z.object({ intent: z.literal("register"), response: webauthnResponse }),
]);

/** Signing in with a passkey: a challenge first, then its answer and where to go on to. */
export const passkeySignInSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("options") }),
  z.object({
    intent: z.literal("verify"),
    response: webauthnResponse,
    terug: z.string().max(2000).optional(),
  }),
]);

/** Removing one of one's passkeys, by the id the list shows. */
export const removePasskeySchema = z.object({
  intent: z.literal("removePasskey"),
  passkey: z.coerce.number().int().positive().max(2_147_483_647),
});

/** What the browser part of passkeys gets back: a challenge, a name, where to go, or why not. */
export type PasskeyAnswer =
  | { options: unknown }
  | { added: string }
  | { to: string }
  | { error: string; values?: Record<string, string> };
