import { getFormProps } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import type { FormResult } from "~/lib/forms";
import { ownDetailsSchema } from "~/lib/own-details-form";
import type { AskedQuestion } from "~/lib/questions";
import { useSchemaForm } from "~/web/use-form";
import { useI18n } from "~/web/use-i18n";
import { Field, FormProblem } from "./field";
import { OrganisationFields } from "./organisation-fields";
import { QuestionFields } from "./question-fields";

/**
 * The manage page's form where a person corrects their details: the sign-up form's fields, filled
 * in as the registration stands, and the session's questions with their answers. The address is
 * said, not asked: it cannot change here, and the form says how it can.
 */
export function OwnDetailsForm({
  email,
  questions,
  defaults,
  editableUntil,
  lastResult,
}: {
  email: string;
  questions: AskedQuestion[];
  defaults: Record<string, string | string[]>;
  /** When sign-up closes: the last moment a correction is taken. */
  editableUntil: string;
  lastResult: FormResult | undefined;
}) {
  const { t, longDate, time } = useI18n();
  const navigation = useNavigation();
  const schema = useMemo(() => ownDetailsSchema(questions), [questions]);
  const [form, fields] = useSchemaForm(schema, lastResult, {
    id: "details",
    checkInBrowser: true,
    defaultValue: defaults,
  });
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "details";
  return (
    <Form method="post" replace className="details-form" {...getFormProps(form)}>
      <FormProblem form={form} summary={t("details.errors.form")} />
      <p className="hint">
        {t("details.editableUntil", { date: longDate(editableUntil), time: time(editableUntil) })}
      </p>
      <input type="hidden" name="intent" value="details" />
      <Field meta={fields.name} label={t("signup.name")} autoComplete="name" />
      <div className="field">
        <p>{t("details.email", { email })}</p>
        <p className="hint">{t("details.emailFixed")}</p>
      </div>
      <OrganisationFields fields={fields} />
      <QuestionFields questions={questions} fields={fields} />
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? t("details.submitting") : t("details.submit")}
      </button>
    </Form>
  );
}
