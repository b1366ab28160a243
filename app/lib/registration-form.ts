import { z } from "zod";
import type { MessageKey } from "../i18n";
import { emailDomainAllowed } from "./email-domains";
import { emailAddress, normalizeEmail } from "./email-field";
import { normalizeEnterpriseNumber } from "./enterprise-number";
import { type AskedQuestion, answerField, answersShape } from "./questions";
import { optionalLine, requiredLine } from "./text";

/**
 * The fields that describe a person, as the sign-up form and an organiser's "add attendee" form
 * ask for them; a session's own questions add their fields to these (app/lib/questions.ts). Error messages are catalogue keys (see forms.ts), so the page shows them in the
 * visitor's language with the limits named here.
 */
const NAME_MAX = 120;

export const personSchema = z.object({
  name: requiredLine({
    max: NAME_MAX,
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
 * How many people one sign-up may bring at most, the person signing up included: a small firm
 * sends a few colleagues; a larger group is a group booking the organisers arrange themselves.
 */
export const MAX_GROUP_SIZE = 10;

/** What the form asks of the session: its questions, the domains it takes, people per sign-up. */
interface SignUpRules {
  questions: readonly AskedQuestion[];
  emailDomains?: readonly string[];
  /** 1: one person per sign-up (no colleagues). */
  groupSize?: number;
}

/**
 * Made once per set of checks and kept: building a schema (and conform's coerced copy of it,
 * which it keeps per schema) costs about a millisecond, twenty times what checking a form with
 * it does, and a rush of sign-ups checks the same session's form over and over. The key is what
 * the checks depend on (the questions' rules, the accepted domains, the group size), not the
 * labels, so every language shares one schema.
 */
function remembered<S>(make: (rules: Required<SignUpRules>) => S) {
  const made = new Map<string, S>();
  return ({ questions, emailDomains = [], groupSize = 1 }: SignUpRules): S => {
    const key = JSON.stringify([
      questions.map((q) => [
        q.id,
        q.type,
        q.required,
        q.perPerson,
        q.choices.map((c) => c.key),
        q.maxLength,
        q.min,
        q.max,
      ]),
      emailDomains,
      groupSize,
    ]);
    let schema = made.get(key);
    if (!schema) {
      schema = make({ questions, emailDomains, groupSize });
      if (made.size >= 500) made.clear();
      made.set(key, schema);
    }
    return schema;
  };
}

/** Whether a colleague's block holds anything: an empty one is a colleague not brought. */
const filledIn = (block: Record<string, unknown> | null | undefined): boolean =>
  !!block &&
  Object.values(block).some(
    (value) => value !== null && value !== undefined && !(Array.isArray(value) && !value.length),
  );

/** The message a required question left open says, as the person's own fields say it. */
function missingAnswer(question: AskedQuestion): MessageKey {
  if (question.type === "mustTick") return "errors.question.mustTick";
  if (question.type === "severalChoices") return "errors.question.chooseSome";
  if (question.type === "oneChoice" || question.type === "yesNo") return "errors.question.choose";
  return "errors.question.required";
}

/**
 * One colleague's block: a name and an address, and their own answers to the questions asked
 * per person. Every field may stay empty (a colleague not brought); once one is filled in, the
 * name, the address and the required answers are asked as they are of the person signing up.
 */
function colleagueSchema(perPerson: readonly AskedQuestion[], emailDomains: readonly string[]) {
  return z
    .object({
      name: optionalLine({ max: NAME_MAX, tooLong: "errors.name.tooLong" }),
      email: z
        .string()
        .trim()
        .optional()
        .transform((value) => value || null)
        .pipe(emailOfDomains(emailDomains).nullable()),
      ...answersShape(perPerson, { byOrganiser: true }),
    })
    .optional()
    .superRefine((block, ctx) => {
      if (!block || !filledIn(block)) return;
      const missing = (path: string, message: MessageKey) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      if (!block.name) missing("name", "errors.name.required");
      if (!block.email) missing("email", "errors.colleague.emailRequired");
      for (const question of perPerson) {
        const field = answerField(question.id);
        const answer = (block as Record<string, unknown>)[field];
        if (question.required && (answer === null || answer === undefined)) {
          missing(field, missingAnswer(question));
        }
      }
    });
}

/** The name of a colleague's block in the form: `colleague1` is the first colleague. */
export type ColleagueField = `colleague${number}`;
export const colleagueField = (number: number): ColleagueField => `colleague${number}`;

/**
 * The colleagues a sign-up may bring (`groupSize - 1` blocks, each optional), and what the
 * person chose for when there are not seats for everyone: all on the waiting list together
 * (the default), or the seats left and the rest waiting.
 */
function groupShape(
  questions: readonly AskedQuestion[],
  emailDomains: readonly string[],
  groupSize: number,
) {
  const perPerson = questions.filter((question) => question.perPerson);
  const blocks: Record<ColleagueField, ReturnType<typeof colleagueSchema>> = {};
  for (let number = 1; number < groupSize; number++) {
    blocks[colleagueField(number)] = colleagueSchema(perPerson, emailDomains);
  }
  return {
    ...blocks,
    together: z
      .enum(["together", "split"])
      .optional()
      .catch(undefined)
      .transform((choice) => choice !== "split"),
  };
}

/** A colleague as the checked form holds one: their name, address and answers. */
export type Colleague = { name: string; email: string } & Partial<Record<`q${number}`, unknown>>;

/** The colleagues a checked sign-up brings, in the form's order: the blocks filled in. */
export function colleaguesOf(value: Record<string, unknown>): Colleague[] {
  const colleagues: Colleague[] = [];
  for (let number = 1; number < MAX_GROUP_SIZE; number++) {
    const block = value[colleagueField(number)] as Record<string, unknown> | undefined;
    // A block the check let through filled in has its name and address.
    if (filledIn(block)) colleagues.push(block as Colleague);
  }
  return colleagues;
}

/** One address is one person: an address given twice is refused where it is given again. */
function oneAddressOnePerson(value: Record<string, unknown>, ctx: z.RefinementCtx) {
  // Runs on fields that may not have passed their own checks: only text is compared.
  const seen = new Set(typeof value.email === "string" ? [normalizeEmail(value.email)] : []);
  for (let number = 1; number < MAX_GROUP_SIZE; number++) {
    const block = value[colleagueField(number)] as { email?: unknown } | undefined;
    if (typeof block?.email !== "string" || !block.email) continue;
    const address = normalizeEmail(block.email);
    if (seen.has(address)) {
      ctx.addIssue({
        code: "custom",
        path: [colleagueField(number), "email"],
        message: "errors.colleague.sameEmail",
      });
    }
    seen.add(address);
  }
}

/**
 * The sign-up form of a session: its fields, those of the questions it asks, the address
 * checked against the domains it accepts, if any, and the colleagues it may bring (every other
 * field is still checked as usual).
 */
export const signUpSchema = remembered(({ questions, emailDomains, groupSize }) =>
  registrationSchema
    .extend({
      ...answersShape(questions),
      email: emailOfDomains(emailDomains),
      ...groupShape(questions, emailDomains, groupSize),
    })
    // Said with the other problems, not after them: the browser checks it as the field is left.
    .superRefine((value, ctx) => oneAddressOnePerson(value, ctx), { when: () => true }),
);

/** An organiser's "add attendee" form: every answer may stay open, and any address is taken. */
export const addAttendeeSchema = remembered(({ questions }) =>
  personSchema.extend(answersShape(questions, { byOrganiser: true })),
);
