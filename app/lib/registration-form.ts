import { z } from "zod";
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

/** The sign-up form of a session: its fields, and those of the questions it asks. */
export const signUpSchema = (questions: readonly AskedQuestion[]) =>
  registrationSchema.extend(answersShape(questions));

/** An organiser's "add attendee" form: every answer may stay open. */
export const addAttendeeSchema = (questions: readonly AskedQuestion[]) =>
  personSchema.extend(answersShape(questions, { byOrganiser: true }));
