import {
  type FieldMetadata,
  type FormMetadata,
  getInputProps,
  getTextareaProps,
} from "@conform-to/react";
import type { ReactNode } from "react";
import type { FormErrors, FormResult } from "~/lib/forms";
import { useI18n } from "~/web/use-i18n";

// biome-ignore lint/suspicious/noExplicitAny: a field of any form; its value type does not matter here
export type FieldMeta = FieldMetadata<any, any, FormErrors>;

type InputType =
  | "text"
  | "email"
  | "password"
  | "date"
  | "time"
  | "datetime-local"
  | "search"
  | "number";

interface FieldProps {
  meta: FieldMeta;
  label: string;
  hint?: string;
  type?: InputType;
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric" | "tel";
  /** A number's bounds, for the browser's spinner; the schema checks them. */
  min?: number;
  max?: number;
}

/**
 * A labelled input of a conform form: its limits come from the schema, and its hint and error are
 * tied to it (`aria-describedby`, `aria-invalid`) so a screen reader says what is wrong.
 */
export function Field({
  meta,
  label,
  hint,
  type = "text",
  multiline,
  rows = 3,
  ...rest
}: FieldProps) {
  const { key, ...control } = multiline
    ? getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })
    : getInputProps(meta, { type, ariaDescribedBy: hint ? meta.descriptionId : undefined });
  return (
    <div className={`field${meta.errors ? " field-invalid" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea key={key} {...control} rows={rows} {...rest} />
      ) : (
        <input key={key} {...control} {...rest} />
      )}
      <FieldErrors meta={meta} />
    </div>
  );
}

/**
 * An e-mail address field: typed as one, so a phone shows its mail keyboard. `autoComplete` says
 * whose address it is ("username" for signing in, "off" for someone else's).
 */
export function EmailField(props: Omit<FieldProps, "type" | "inputMode" | "multiline" | "rows">) {
  return <Field {...props} type="email" inputMode="email" />;
}

/**
 * A checkbox of a conform form with its label after it; its `hint` (tied to the box, as
 * `Field` ties one) and `children` go under the label.
 */
export function CheckboxField({
  meta,
  label,
  hint,
  children,
}: {
  meta: FieldMeta;
  label: ReactNode;
  hint?: string;
  children?: ReactNode;
}) {
  const { key, ...control } = getInputProps(meta, {
    type: "checkbox",
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  return (
    <div className={`field field-checkbox${meta.errors ? " field-invalid" : ""}`}>
      <input key={key} {...control} />
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors meta={meta} />
    </div>
  );
}

/** A field's first error, in the reader's language, with the values the failed check named. */
export function FieldErrors({ meta }: { meta: FieldMeta }) {
  const { t } = useI18n();
  const error = meta.errors?.[0];
  return error ? (
    <p className="error" id={meta.errorId}>
      {t(error.key, error.values)}
    </p>
  ) : null;
}

/**
 * What the form as a whole says after a failed submit: its own errors (a refused request), or a
 * summary when fields are wrong. Focused, so a keyboard or screen-reader user hears it first.
 */
export function FormProblem({
  form,
  summary,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any form's metadata
  form: FormMetadata<any, FormErrors>;
  summary: ReactNode;
}) {
  const { t } = useI18n();
  if (form.status !== "error") return null;
  const own = form.errors?.[0];
  return (
    <div className="error-summary" role="alert" id={form.errorId} tabIndex={-1}>
      {own ? t(own.key, own.values) : summary}
    </div>
  );
}

/**
 * Why a post was refused, when the page no longer shows the form it came from (what it acted on
 * changed meanwhile): the form's own message, announced. Nothing when there is none.
 */
export function FormRefusal({ result }: { result: FormResult | undefined }) {
  const { t } = useI18n();
  const own = result?.error?.[""]?.[0];
  return own ? (
    <p className="error-summary" role="alert">
      {t(own.key, own.values)}
    </p>
  ) : null;
}
