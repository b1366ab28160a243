import { getCollectionProps, getFormProps } from "@conform-to/react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { Field, FieldErrors } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { EXPORT_FORMATS, rangeExportSchema } from "~/lib/export-form";
import { TIME_ZONE } from "~/lib/time";
import { sessionFormOptions } from "~/models/session.server";
import { adminMeta } from "~/web/admin-meta";
import { requireOrganiser } from "~/web/auth.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "exportPage.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { cities } = await sessionFormOptions(organiser.scope);
  const today = DateTime.now().setZone(TIME_ZONE);
  return {
    cities,
    from: today.startOf("month").toISODate() ?? "",
    to: today.endOf("month").plus({ months: 2 }).toISODate() ?? "",
  };
}

const FORMAT_LABELS = {
  csv: "attendees.exportCsv",
  "csv-comma": "attendees.exportCsvComma",
  xlsx: "attendees.exportXlsx",
} as const;

export default function ExportPage() {
  const inLocale = useLocalePath();
  const { cities, from, to } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  // Checked in the browser as well: the download route can only answer a mistake in plain text.
  const [form, fields] = useSchemaForm(rangeExportSchema, undefined, {
    id: "export",
    checkInBrowser: true,
    defaultValue: { stad: "", van: from, tot: to, formaat: "xlsx" },
  });
  return (
    <div className="wrap page narrow">
      <h1>{t("exportPage.title")}</h1>
      <p className="lead">{t("exportPage.intro")}</p>
      {/* A plain GET to the file: the browser downloads it, with or without JavaScript. */}
      <Form
        method="get"
        action={inLocale("/beheer/export/download")}
        reloadDocument
        className="panel"
        {...getFormProps(form)}
      >
        <SelectField
          meta={fields.stad}
          label={t("exportPage.city")}
          options={[
            { value: "", label: t("exportPage.allCities") },
            ...cities.map((city) => ({ value: String(city.id), label: city.name })),
          ]}
        />
        <div className="form-row">
          <Field meta={fields.van} type="date" label={t("exportPage.from")} />
          <Field meta={fields.tot} type="date" label={t("exportPage.to")} />
        </div>
        <fieldset className="fieldset">
          <legend>{t("exportPage.format")}</legend>
          {getCollectionProps(fields.formaat, {
            type: "radio",
            options: [...EXPORT_FORMATS],
          }).map(({ key, ...radio }) => (
            <label key={key} className="checkbox">
              <input {...radio} />
              {t(FORMAT_LABELS[radio.value as keyof typeof FORMAT_LABELS])}
            </label>
          ))}
          <FieldErrors meta={fields.formaat} />
        </fieldset>
        <button type="submit" className="button">
          {t("exportPage.submit")}
        </button>
      </Form>
    </div>
  );
}
