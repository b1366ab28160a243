import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { $ZodErrorMap, $ZodIssue, $ZodType } from "zod/v4/core";
import type { MessageKey } from "~/i18n";

/**
 * Every form goes through here, public and organiser alike: its zod schema (beside the form, in
 * app/lib/*-form.ts) is checked by conform on the server, and in the browser where a form asks for
 * it. A message is a catalogue key with the values it needs, taken from the failed check itself:
 * "at most {max} characters" gets the schema's own limit, never a second table.
 */
export interface FormMessage {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** A field's errors (the first problem only) or the form's own, as conform carries them. */
export type FormErrors = FormMessage[];

/** What an action answers for a form that was not accepted: conform's `submission.reply()`. */
export type FormResult = SubmissionResult<FormErrors>;

/** The data of a form's page after a post that was not accepted. */
export interface FormAnswer {
  result: FormResult;
}

/** The key of a check that names none of its own: a generic message for what went wrong. */
const fallbackMessage: $ZodErrorMap = (issue) => {
  if (issue.code === "too_big") return "errors.tooLong" satisfies MessageKey;
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return "errors.required" satisfies MessageKey;
  }
  return "errors.invalid" satisfies MessageKey;
};

function messageOf(issue: $ZodIssue): FormMessage {
  const values: Record<string, string | number> = {};
  if (issue.code === "too_big") values.max = Number(issue.maximum);
  if (issue.code === "too_small") values.min = Number(issue.minimum);
  if (issue.code === "custom" && issue.params) Object.assign(values, issue.params);
  return { key: issue.message as MessageKey, values };
}

/** The fields conform's browser part posts beside a form's own: JSON it writes itself. */
const CONTROL_FIELDS = ["__intent__", "__state__"];

export function parseForm<Schema extends $ZodType>(
  payload: FormData | URLSearchParams,
  schema: Schema,
) {
  const parse = (data: FormData | URLSearchParams) =>
    parseWithZod(data, {
      schema,
      error: fallbackMessage,
      formatError: (issues: $ZodIssue[]): FormErrors => issues.slice(0, 1).map(messageOf),
    });
  try {
    return parse(payload);
  } catch (error) {
    // A post can carry anything in the control fields, and conform throws on what it cannot
    // read: such a post is judged on its own fields, as a form posted without JavaScript is.
    if (!CONTROL_FIELDS.some((name) => payload.has(name))) throw error;
    const own = new URLSearchParams();
    for (const [name, value] of payload) {
      if (!CONTROL_FIELDS.includes(name) && typeof value === "string") own.append(name, value);
    }
    return parse(own);
  }
}

/** A form-level message (not tied to one field), for `submission.reply({ formErrors })`. */
export const formMessage = (key: MessageKey, values?: FormMessage["values"]): FormErrors => [
  { key, values },
];

interface Constraint {
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  multiple?: boolean;
}

/**
 * What the browser should know of each field of a form (`required`, `maxLength`, `minLength`),
 * read from the schema. Conform's getZodConstraint reads an internal of zod that zod 4.6 no longer
 * fills, so this reads zod's public properties instead.
 */
export function constraintsOf(schema: z.ZodObject): Record<string, Constraint> {
  const constraints: Record<string, Constraint> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const constraint: Constraint = { required: true };
    let inner = field as z.ZodType;
    for (;;) {
      if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
        constraint.required = false;
        inner = inner.unwrap() as z.ZodType;
      } else if (inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
      else if (inner instanceof z.ZodCatch) inner = inner.unwrap() as z.ZodType;
      else if (inner instanceof z.ZodPipe) inner = inner.in as z.ZodType;
      else break;
    }
    if (inner instanceof z.ZodString) {
      if (inner.maxLength !== null) constraint.maxLength = inner.maxLength;
      if (inner.minLength !== null && inner.minLength > 0) constraint.minLength = inner.minLength;
    }
    if (inner instanceof z.ZodArray) constraint.multiple = true;
    constraints[name] = constraint;
  }
  return constraints;
}
