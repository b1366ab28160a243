import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { FormResult } from "~/lib/forms";
import { confirmCodeSchema } from "~/lib/two-step-form";
import type { EnrolmentView } from "~/web/authenticator.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n } from "~/web/use-i18n";
import { Field, FormProblem } from "./field";

/**
 * Setting up an authenticator: scan the QR code (or type the key), then confirm with its first
 * code. `intent` names the post on a page that takes several.
 */
export function TwoStepSetup({
  enrolment,
  result,
  intent,
}: {
  enrolment: EnrolmentView;
  result: FormResult | undefined;
  intent?: string;
}) {
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(confirmCodeSchema, result, { id: "confirm-code" });
  return (
    <ol className="steps">
      <li>
        <p>{t("twoStep.setup.scan")}</p>
        <img src={enrolment.qr} width={220} height={220} alt={t("twoStep.setup.qrAlt")} />
      </li>
      <li>
        <p>{t("twoStep.setup.typeKey")}</p>
        <p>
          <code className="secret-key" data-secret>
            {enrolment.secret}
          </code>
        </p>
      </li>
      <li>
        <Form method="post" {...getFormProps(form)}>
          <FormProblem form={form} summary={t("twoStep.errors.form")} />
          {intent ? <input type="hidden" name="intent" value={intent} /> : null}
          <Field
            meta={fields.code}
            label={t("twoStep.setup.codeLabel")}
            hint={t("twoStep.setup.codeHint")}
            autoComplete="one-time-code"
            inputMode="numeric"
          />
          <button type="submit" className="button button-primary">
            {t("twoStep.setup.confirm")}
          </button>
        </Form>
      </li>
    </ol>
  );
}

/** The recovery codes, shown this once: the person keeps them somewhere safe. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useI18n();
  return (
    <section className="notice" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t("twoStep.recovery.title")}</h2>
      <p>{t("twoStep.recovery.intro", { count: codes.length })}</p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
