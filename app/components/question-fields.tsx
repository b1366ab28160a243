import { getCollectionProps } from "@conform-to/react";
import { type AskedQuestion, answerField, SCALE } from "~/lib/questions";
import { useI18n } from "~/web/use-i18n";
import { CheckboxField, Field, FieldErrors, type FieldMeta } from "./field";
import { SelectField } from "./select-field";

/**
 * The questions a session asks, as fields of its sign-up form (or of an organiser's "add
 * attendee" form, `byOrganiser`: every answer optional there). Choices are a fieldset with its
 * legend; each field's message is tied to its controls as `Field` ties it.
 */
export function QuestionFields({
  questions,
  fields,
  byOrganiser = false,
}: {
  questions: readonly AskedQuestion[];
  fields: Record<string, FieldMeta>;
  byOrganiser?: boolean;
}) {
  return (
    <>
      {questions.map((question) => {
        const meta = fields[answerField(question.id)];
        return meta ? (
          <QuestionField
            key={question.id}
            question={question}
            meta={meta}
            byOrganiser={byOrganiser}
          />
        ) : null;
      })}
    </>
  );
}

function QuestionField({
  question,
  meta,
  byOrganiser,
}: {
  question: AskedQuestion;
  meta: FieldMeta;
  byOrganiser: boolean;
}) {
  const { t } = useI18n();
  const required = question.required && !byOrganiser;
  // "(optioneel)" as the person's own fields say it; an organiser's form says it once for all.
  const label =
    required || byOrganiser || question.type === "mustTick"
      ? question.label
      : t("questions.optionalLabel", { label: question.label });
  const help = question.help ?? undefined;
  switch (question.type) {
    case "shortText":
    case "longText":
      return (
        <Field meta={meta} label={label} hint={help} multiline={question.type === "longText"} />
      );
    case "number": {
      const { min, max } = question;
      const range =
        min !== null && max !== null
          ? t("questions.range.between", { min, max })
          : min !== null
            ? t("questions.range.atLeast", { min })
            : max !== null
              ? t("questions.range.atMost", { max })
              : "";
      const hint = [help, range].filter(Boolean).join(" ") || undefined;
      return (
        <Field
          meta={meta}
          label={label}
          hint={hint}
          type="number"
          inputMode={min !== null && min >= 0 ? "numeric" : "text"}
          min={min ?? undefined}
          max={max ?? undefined}
        />
      );
    }
    case "mustTick":
      return <CheckboxField meta={meta} label={label} hint={help} />;
    case "oneChoice":
      return question.display === "select" ? (
        <SelectField
          meta={meta}
          label={label}
          hint={help}
          options={[
            { value: "", label: t("questions.choose") },
            ...question.choices.map((choice) => ({ value: choice.key, label: choice.label })),
          ]}
        />
      ) : (
        <Choices
          meta={meta}
          legend={label}
          help={help}
          type="radio"
          required={required}
          options={question.choices.map((choice) => ({ value: choice.key, label: choice.label }))}
        />
      );
    case "severalChoices":
      return (
        <Choices
          meta={meta}
          legend={label}
          help={help}
          type="checkbox"
          options={question.choices.map((choice) => ({ value: choice.key, label: choice.label }))}
        />
      );
    case "yesNo":
      return (
        <Choices
          meta={meta}
          legend={label}
          help={help}
          type="radio"
          required={required}
          options={[
            { value: "yes", label: t("questions.answer.yes") },
            { value: "no", label: t("questions.answer.no") },
          ]}
        />
      );
    case "scale":
      return (
        <Choices
          meta={meta}
          legend={label}
          help={[help, t("questions.scale.hint")].filter(Boolean).join(" ")}
          type="radio"
          required={required}
          options={SCALE.map((value) => ({ value, label: value }))}
        />
      );
  }
}

/** Radio buttons or boxes in a fieldset: the question is its legend, its help and error below. */
export function Choices({
  meta,
  legend,
  help,
  type,
  required = false,
  options,
}: {
  meta: FieldMeta;
  legend: string;
  help: string | undefined;
  type: "radio" | "checkbox";
  required?: boolean;
  options: { value: string; label: string }[];
}) {
  return (
    <fieldset
      className={`fieldset field${meta.errors ? " field-invalid" : ""}`}
      aria-describedby={help ? meta.descriptionId : undefined}
    >
      <legend>{legend}</legend>
      {help ? (
        <p className="hint" id={meta.descriptionId}>
          {help}
        </p>
      ) : null}
      {getCollectionProps(meta, {
        type,
        options: options.map((option) => option.value),
      }).map(({ key, ...control }, index) => (
        <label key={key} className="checkbox">
          <input {...control} required={type === "radio" ? required : undefined} />
          {options[index]?.label}
        </label>
      ))}
      <FieldErrors meta={meta} />
    </fieldset>
  );
}

/** A session whose questions another may take over: its title, start and how many it asks. */
export interface QuestionSource {
  id: number;
  title: string;
  startsAt: string;
  count: number;
}

/** A choice of session to take the questions of, "none" first. */
export function QuestionSourceField({
  meta,
  label,
  hint,
  none,
  sources,
}: {
  meta: FieldMeta;
  label: string;
  hint: string;
  none: string;
  sources: readonly QuestionSource[];
}) {
  const { t, shortDate } = useI18n();
  return (
    <SelectField
      meta={meta}
      label={label}
      hint={hint}
      options={[
        { value: "", label: none },
        ...sources.map((source) => ({
          value: String(source.id),
          label: t("questions.copy.source", {
            title: source.title,
            date: shortDate(source.startsAt),
            count: source.count,
          }),
        })),
      ]}
    />
  );
}
