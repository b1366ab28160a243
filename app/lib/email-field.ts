import { z } from "zod";
import type { MessageKey } from "~/i18n";

/**
 * An e-mail address as every form takes one: trimmed, at most 254 characters, and of the shape
 * mail can be sent to (which leaves no room for a control character). `invalid` is said for
 * any of it, an empty field included.
 */
export const emailAddress = (invalid: MessageKey) =>
  z.string({ error: invalid }).trim().max(254, invalid).pipe(z.email(invalid));

/**
 * An address as people and accounts are keyed by it (a sign-up, an account, a reply's sender):
 * "An@Leuven.be " and "an@leuven.be" are the same person.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
