import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { i18n } from "~/i18n";
import { requireOrganiser } from "~/lib/auth.server";
import { TIME_ZONE } from "~/lib/time";
import { useI18n } from "~/lib/use-i18n";
import { sessionFormOptions } from "~/models/session.server";

export const meta: MetaFunction = () => [
  { title: `${i18n().t("exportPage.title")} · ${i18n().t("admin.title")}` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { cities } = await sessionFormOptions(organiser.scope);
  const today = DateTime.now().setZone(TIME_ZONE);
  return {
    cities,
    from: today.startOf("month").toISODate(),
    to: today.endOf("month").plus({ months: 2 }).toISODate(),
  };
}

export default function ExportPage() {
  const { cities, from, to } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="wrap page narrow">
      <h1>{t("exportPage.title")}</h1>
      <p className="lead">{t("exportPage.intro")}</p>
      {/* A plain GET to the file: the browser downloads it, with or without JavaScript. */}
      <form method="get" action="/beheer/export/download" className="panel">
        <div className="field">
          <label htmlFor="export-city">{t("exportPage.city")}</label>
          <select id="export-city" name="stad" defaultValue="">
            <option value="">{t("exportPage.allCities")}</option>
            {cities.map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="export-from">{t("exportPage.from")}</label>
            <input id="export-from" name="van" type="date" defaultValue={from ?? ""} required />
          </div>
          <div className="field">
            <label htmlFor="export-to">{t("exportPage.to")}</label>
            <input id="export-to" name="tot" type="date" defaultValue={to ?? ""} required />
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>{t("exportPage.format")}</legend>
          {(["csv", "csv-comma", "xlsx"] as const).map((format) => (
            <label key={format} className="checkbox">
              <input
                type="radio"
                name="formaat"
                value={format}
                defaultChecked={format === "xlsx"}
              />
              {t(
                format === "csv"
                  ? "attendees.exportCsv"
                  : format === "xlsx"
                    ? "attendees.exportXlsx"
                    : "attendees.exportCsvComma",
              )}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("exportPage.submit")}
        </button>
      </form>
    </div>
  );
}
