import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { normalizeEnterpriseNumber } from "./enterprise-number";

export const LIMITS = { name: 120, email: 254, organisation: 160, dietary: 500 } as const;

// Control characters (CR and LF among them) never belong in a name or a one-line field:
// they are how a header or a calendar line would be smuggled into a message.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_EXCEPT_NEWLINES = /(?![\t\n\r])\p{Cc}/u;

/**
 * Whether a value holds a control character. No slug, link token or address has one, and
 * PostgreSQL refuses a NUL in any text it is asked to compare: such a value is looked up nowhere.
 */
export const hasControlCharacter = (value: string) => CONTROL_CHARACTERS.test(value);

const optionalText = (max: number, tooLong: MessageKey, multiline = false) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((value) => !(multiline ? CONTROL_EXCEPT_NEWLINES : CONTROL_CHARACTERS).test(value), {
      message: "errors.text.invalidCharacters" satisfies MessageKey,
    })
    .transform((value) => value || null);

/**
 * The sign-up form, checked on the server. Error messages are catalogue keys, so the page
 * shows them in the visitor's language.
 */
export const registrationSchema = z.object({
  name: z
    .string({ error: "errors.name.required" })
    .trim()
    .min(1, "errors.name.required")
    .max(LIMITS.name, "errors.name.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      message: "errors.text.invalidCharacters",
    }),
  email: z
    .string({ error: "errors.email.invalid" })
    .trim()
    .max(LIMITS.email, "errors.email.invalid")
    .pipe(z.email("errors.email.invalid")),
  organisation: optionalText(LIMITS.organisation, "errors.organisation.tooLong")
    .optional()
    .default(null),
  enterpriseNumber: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const normalized = normalizeEnterpriseNumber(value);
      if (!normalized) {
        ctx.addIssue({ code: "custom", message: "errors.enterpriseNumber.invalid" });
        return z.NEVER;
      }
      return normalized;
    }),
  dietaryNeeds: optionalText(LIMITS.dietary, "errors.dietary.tooLong", true)
    .optional()
    .default(null),
  consent: z.literal("on", { error: "errors.consent.required" }),
});

/** A sign-up: the person's fields, consent, and the separate, optional yes to the city's news. */
export type RegistrationForm = z.output<typeof registrationSchema> & { newsOptIn?: boolean };
export type RegistrationField = keyof z.input<typeof registrationSchema>;
export type FieldErrors = Partial<Record<RegistrationField, MessageKey>>;

/** The fields that describe the person, in the order the forms show them. */
export const PERSON_FIELDS = [
  "name",
  "email",
  "organisation",
  "enterpriseNumber",
  "dietaryNeeds",
] as const;

/** What was typed in the person's fields, to show again beside the errors. */
export function readPersonValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    PERSON_FIELDS.map((field) => [field, String(formData.get(field) ?? "")]),
  );
}

export function parseRegistrationForm(
  formData: FormData,
): { ok: true; data: RegistrationForm } | { ok: false; errors: FieldErrors } {
  const raw = Object.fromEntries(
    [...PERSON_FIELDS, "consent"].map((field) => {
      const value = formData.get(field);
      return [field, typeof value === "string" ? value : undefined];
    }),
  );
  const result = registrationSchema.safeParse(raw);
  // An unticked box sends nothing; only a ticked one says yes.
  if (result.success) {
    return { ok: true, data: { ...result.data, newsOptIn: formData.get("newsOptIn") === "on" } };
  }
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as RegistrationField;
    errors[field] ??= issue.message as MessageKey;
  }
  return { ok: false, errors };
}
