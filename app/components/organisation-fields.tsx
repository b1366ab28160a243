import { useI18n } from "~/web/use-i18n";
import { Field, type FieldMeta } from "./field";

/**
 * The person's organisation and enterprise number, both optional, as the sign-up form asks them
 * and the manage page lets the person correct them.
 */
export function OrganisationFields({
  fields,
}: {
  fields: { organisation: FieldMeta; enterpriseNumber: FieldMeta };
}) {
  const { t } = useI18n();
  return (
    <>
      <Field
        meta={fields.organisation}
        label={t("signup.organisation")}
        autoComplete="organization"
      />
      <Field
        meta={fields.enterpriseNumber}
        label={t("signup.enterpriseNumber")}
        hint={t("signup.enterpriseNumberHint")}
        inputMode="numeric"
      />
    </>
  );
}
