import { useForm } from "@conform-to/react";
import type { FormEvent } from "react";
import type { z } from "zod";
import { constraintsOf, type FormErrors, type FormResult, parseForm } from "../lib/forms";

/**
 * A form's fields and state from its schema: limits on the inputs (`maxLength`, `required`) come
 * from the schema, the server's answer (`lastResult`) shows its errors and puts back what was
 * typed. With `checkInBrowser`, the same schema also checks a field when it is left, so a person
 * hears about a mistake before sending; without JavaScript the server does all of it.
 *
 * Without it, nothing is checked before sending: conform would otherwise post each field to the
 * server as it is left, and that answer came back while the person went on typing: it emptied
 * the password just typed and swallowed the click on "Aanmelden" (and each check counted against
 * the sign-in limit).
 */
export function useSchemaForm<Schema extends z.ZodObject>(
  schema: Schema,
  lastResult: FormResult | null | undefined,
  {
    id,
    checkInBrowser = false,
    defaultValue,
    onValid,
  }: {
    id?: string;
    checkInBrowser?: boolean;
    /** What the fields hold before anything is typed: a record being edited, say. */
    defaultValue?: Partial<Record<keyof z.input<Schema>, unknown>>;
    /**
     * With `checkInBrowser`: a form the browser found correct, before it is posted. Calling
     * `event.preventDefault()` keeps it in the page (a walk-in queued on the phone, say).
     */
    onValid?: (value: z.output<Schema>, event: FormEvent<HTMLFormElement>) => void;
  } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>, FormErrors>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: constraintsOf(schema),
    shouldValidate: checkInBrowser ? "onBlur" : "onSubmit",
    shouldRevalidate: checkInBrowser ? "onInput" : "onSubmit",
    onValidate: checkInBrowser ? ({ formData }) => parseForm(formData, schema) : undefined,
    onSubmit: onValid
      ? (event, { submission }) => {
          if (submission?.status === "success") onValid(submission.value, event);
        }
      : undefined,
  });
}
