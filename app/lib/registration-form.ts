import { z } from "zod";
import { emailDomainAllowed } from "./email-domains";
import { emailAddress } from "./email-field";
import { normalizeEnterpriseNumber } from "./enterprise-number";
import { type AskedQuestion, answersShape } from "./questions";
import { optionalLine, requiredLine } from "./text";

/**
 * The fields that describe a person, as the sign-up form and an organiser's "add attendee" form
 * ask for them; a session's own questions add their fields to these (app/lib/questions.ts). Error messages are catalogue keys (see forms.ts), so the page shows them in the
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
});

/** The public sign-up: the person, their consent, and a separate, optional yes to the city's news. */
export const registrationSchema = personSchema.extend({
  consent: z.literal("on", { error: "errors.consent.required" }),
  // An unticked box sends nothing; only a ticked one says yes.
  newsOptIn: z.boolean().optional().default(false),
});

export type PersonForm = z.output<typeof personSchema>;

/** The address field, of a session that may accept only addresses of some domains (none: any). */
function emailOfDomains(emailDomains: readonly string[]) {
  return emailAddress("errors.email.invalid").superRefine((email, ctx) => {
    if (emailDomains.length && !emailDomainAllowed(email, emailDomains)) {
      ctx.addIssue({
        code: "custom",
        message: "errors.email.domain",
        params: { domains: emailDomains.join(", ") },
      });
    }
  });
}

/**
 * Made once per set of checks and kept: building a schema (and conform's coerced copy of it,
 * which it keeps per schema) costs about a millisecond, twenty times what checking a form with
 * it does, and a rush of sign-ups checks the same session's form over and over. The key is what
 * the checks depend on (the questions' rules and the accepted domains), not the labels, so every
 * language shares one schema.
 */
function remembered<S>(
  make: (questions: readonly AskedQuestion[], domains: readonly string[]) => S,
) {
  const made = new Map<string, S>();
  return (questions: readonly AskedQuestion[], emailDomains: readonly string[] = []): S => {
    const key = JSON.stringify([
      questions.map((q) => [
        q.id,
        q.type,
        q.required,
        q.choices.map((c) => c.key),
        q.maxLength,
        q.min,
        q.max,
      ]),
      emailDomains,
    ]);
    let schema = made.get(key);
    if (!schema) {
      schema = make(questions, emailDomains);
      if (made.size >= 500) made.clear();
      made.set(key, schema);
    }
    return schema;
  };
}

/**
 * The sign-up form of a session: its fields, those of the questions it asks, and the address
 * checked against the domains it accepts, if any (every other field is still checked as usual).
 */
export const signUpSchema = remembered((questions, emailDomains) =>
  registrationSchema.extend({
    ...answersShape(questions),
    email: emailOfDomains(emailDomains),
  }),
);

/** An organiser's "add attendee" form: every answer may stay open, and any address is taken. */
export const addAttendeeSchema = remembered((questions) =>
  personSchema.extend(answersShape(questions, { byOrganiser: true })),
);
