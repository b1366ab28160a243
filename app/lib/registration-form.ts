import { z } from "zod";
import { emailDomainAllowed } from "./email-domains";
import { emailAddress } from "./email-field";
import { normalizeEnterpriseNumber } from "./enterprise-number";
import { optionalLine, optionalText, requiredLine } from "./text";

/**
 * The fields that describe a person, as the sign-up form and an organiser's "add attendee" form
 * ask for them. Error messages are catalogue keys (see forms.ts), so the page shows them in the
 * visitor's language with the limits named here.
 */
export const personSchema = z.object({
  name: requiredLine({
    max: 120,
    required: "errors.name.required",
    tooLong: "errors.name.tooLong",
  }),
  email: emailAddress("errors.email.invalid"),
  organisation: optionalLine({ max: 160, tooLong: "errors.organisation.tooLong" }),
  enterpriseNumber: z
    .string()
    .trim()
    .max(20, "errors.enterpriseNumber.invalid")
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
  dietaryNeeds: optionalText({ max: 500, tooLong: "errors.dietary.tooLong" }),
});

/** The public sign-up: the person, their consent, and a separate, optional yes to the city's news. */
export const registrationSchema = personSchema.extend({
  consent: z.literal("on", { error: "errors.consent.required" }),
  // An unticked box sends nothing; only a ticked one says yes.
  newsOptIn: z.boolean().optional().default(false),
});

export type PersonForm = z.output<typeof personSchema>;

/**
 * The sign-up of a session that accepts only addresses of some domains: the same form, with the
 * address checked against them at its own field (every other field is still checked as usual).
 */
export function registrationSchemaFor(emailDomains: readonly string[]) {
  if (!emailDomains.length) return registrationSchema;
  return registrationSchema.extend({
    email: emailAddress("errors.email.invalid").superRefine((email, ctx) => {
      if (!emailDomainAllowed(email, emailDomains)) {
        ctx.addIssue({
          code: "custom",
          message: "errors.email.domain",
          params: { domains: emailDomains.join(", ") },
        });
      }
    }),
  });
}
