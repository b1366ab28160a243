import { z } from "zod";
import { emailAddress } from "./email-field";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";
import { hasControlCharacter } from "./text";

/**
 * The organiser's own way in: signing in, asking for a password link, choosing a new password.
 * Messages are catalogue keys (see forms.ts); a password is never sent back to the page.
 */

export const signInSchema = z.object({
  email: emailAddress("errors.email.invalid"),
  // Checked against the stored hash only: its rules are those of the day it was chosen.
  password: z.string({ error: "login.passwordRequired" }),
  terug: z.string().optional(),
});

export const passwordLinkSchema = z.object({
  email: emailAddress("errors.email.invalid"),
});

export const newPasswordSchema = z
  .object({
    password: z
      .string({ error: "reset.passwordRequired" })
      .min(PASSWORD_MIN_LENGTH, "reset.tooShort")
      .max(PASSWORD_MAX_LENGTH, "reset.tooLong")
      // scrypt would read "secret\0" as "secret", and a line break is never typed on purpose.
      .refine((value) => !hasControlCharacter(value), "reset.invalidCharacters"),
    repeat: z.string({ error: "reset.repeatRequired" }),
  })
  .superRefine(({ password, repeat }, context) => {
    if (password !== repeat) {
      context.addIssue({ code: "custom", path: ["repeat"], message: "reset.mismatch" });
    }
  });
