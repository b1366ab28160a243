import { Secret, TOTP } from "otpauth";

/**
 * Two-step sign-in as a person does it: the key read off the account page, codes computed from
 * it the way an authenticator app computes them (with the same library the app checks them with).
 */

const PERIOD_MS = 30_000;

/** The authenticator key the setup shows as text, spaces removed. */
export function secretOn(html: string): string {
  const secret = /<code[^>]*data-secret[^>]*>([A-Z2-7 ]+)<\/code>/.exec(html)?.[1];
  if (!secret) throw new Error("the page shows no authenticator key");
  return secret.replaceAll(" ", "");
}

/** The recovery codes a page shows (once, right after turning the second step on). */
export function recoveryCodesOn(html: string): string[] {
  return [...html.matchAll(/<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<\/code>/g)].map(
    (match) => match[1] ?? "",
  );
}

/**
 * Codes of one authenticator, each for a time step later than the one before: the app accepts a
 * step no more than once, and the step before and after the current one. The first is for the
 * step the clock is in; a later one is one step on, which stays right while the clock moves on.
 */
export function authenticator(secret: string) {
  let last = Math.floor(Date.now() / PERIOD_MS) - 1;
  const codeAt = (step: number) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * PERIOD_MS });
  return {
    secret,
    /** A code for a step after the last one used; at most one step ahead of the clock. */
    next(): string {
      const now = Math.floor(Date.now() / PERIOD_MS);
      if (last + 1 > now + 1) throw new Error("no fresh code before the clock moves on");
      last = Math.max(last + 1, now);
      return codeAt(last);
    },
    /** The code last handed out, again. */
    again: () => codeAt(last),
    /** A code the app must refuse: for a step well away from now. */
    wrong: () => codeAt(Math.floor(Date.now() / PERIOD_MS) + 5),
  };
}
