import { getFormProps } from "@conform-to/react";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { BarChart } from "~/components/bar-chart";
import { TableFrame } from "~/components/card-table";
import { Field } from "~/components/field";
import { SelectField } from "~/components/select-field";
import type { I18n } from "~/i18n";
import { config } from "~/lib/config.server";
import { type FormResult, parseForm } from "~/lib/forms";
import {
  REPORT_MAX_YEARS,
  REPORT_PERIODS,
  type ReportFilters,
  reportFilterOf,
  reportFilterSchema,
  reportSearch,
} from "~/lib/report-form";
import {
  BREAKDOWNS,
  type Breakdown,
  breakdownRows,
  columnLabel,
  dateName,
  filterNames,
  formatFigure,
  REPORT_COLUMNS,
  type ReportColumn,
  rowLabel,
} from "~/lib/report-table";
import { SESSION_KINDS } from "~/lib/session-kinds";
import { SURVEY_MIN_ANSWERS } from "~/lib/survey-form";
import { brusselsDate, nowInstant } from "~/lib/time";
import {
  type CityReport,
  cityReport,
  type ReportFigures,
  reportOptions,
} from "~/models/report.server";
import { adminMeta } from "~/web/admin-meta";
import { requireOrganiser } from "~/web/auth.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

/**
 * The city's report: what the sessions of a period reached (a year, a quarter or dates, in
 * Brussels time), by month, city, kind and partner, for the organiser's scope. The filters are
 * a GET form that works without scripts; each breakdown is a chart drawn here as SVG with its
 * table beside it; every table downloads as one Excel file, and the page prints without the
 * workspace around it. How each figure is counted: app/models/report.server.ts.
 */

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "report.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const now = nowInstant();
  const options = await reportOptions(organiser.scope, now);
  const submission = parseForm(new URL(request.url).searchParams, reportFilterSchema);
  if (submission.status !== "success") {
    return data({ options, result: submission.reply(), shown: null }, { status: 400 });
  }
  const filters = submission.value;
  const filter = reportFilterOf(filters, brusselsDate(now));
  const { period } = filter;
  const report = await cityReport(organiser.scope, filter, now);
  return {
    options,
    result: null,
    shown: {
      filters,
      year: filters.jaar ?? Number(period.from.slice(0, 4)),
      from: period.from,
      to: period.to,
      search: reportSearch(filters),
      report,
      pseudonymMonths: Math.max(config().PSEUDONYM_MONTHS, config().RETENTION_MONTHS),
    },
  };
}

type Options = Awaited<ReturnType<typeof reportOptions>>;

function ReportFilterForm({
  options,
  result,
  filters,
  year,
}: {
  options: Options;
  result: FormResult | null;
  filters: ReportFilters | null;
  year: number | null;
}) {
  const { t } = useI18n();
  const inLocale = useLocalePath();
  const [form, fields] = useSchemaForm(reportFilterSchema, result, {
    id: "report",
    defaultValue: {
      periode: filters?.periode ?? "jaar",
      jaar: year === null ? "" : String(year),
      van: filters?.van ?? "",
      tot: filters?.tot ?? "",
      stad: filters?.stad === undefined ? "" : String(filters.stad),
      soort: filters?.soort ?? "",
      partner: filters?.partner === undefined ? "" : String(filters.partner),
    },
  });
  const years = [...options.years];
  if (year !== null && !years.includes(year)) years.push(year);
  return (
    <section className="panel report-filters" aria-labelledby="report-filters-title">
      <h2 id="report-filters-title">{t("report.filters")}</h2>
      <Form method="get" action={inLocale("/beheer/cijfers")} {...getFormProps(form)}>
        <div className="form-row">
          <SelectField
            meta={fields.periode}
            label={t("report.period")}
            options={REPORT_PERIODS.map((period) => ({
              value: period,
              label: t(`report.period.${period}`),
            }))}
          />
          <SelectField
            meta={fields.jaar}
            label={t("report.year")}
            options={years
              .sort((a, b) => b - a)
              .map((option) => ({ value: String(option), label: String(option) }))}
          />
        </div>
        <p className="hint" id="report-dates-hint">
          {t("report.datesHint", { years: REPORT_MAX_YEARS })}
        </p>
        <div className="form-row">
          <Field meta={fields.van} type="date" label={t("report.from")} />
          <Field meta={fields.tot} type="date" label={t("report.to")} />
        </div>
        <div className="form-row">
          <SelectField
            meta={fields.stad}
            label={t("report.city")}
            options={[
              { value: "", label: t("report.allCities") },
              ...options.cities.map((city) => ({ value: String(city.id), label: city.name })),
            ]}
          />
          <SelectField
            meta={fields.soort}
            label={t("report.kind")}
            options={[
              { value: "", label: t("report.allKinds") },
              ...SESSION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
            ]}
          />
          <SelectField
            meta={fields.partner}
            label={t("report.partner")}
            options={[
              { value: "", label: t("report.allPartners") },
              ...options.partners.map((partner) => ({
                value: String(partner.id),
                label: partner.name,
              })),
            ]}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t("report.show")}
        </button>
      </Form>
    </section>
  );
}

/** A figure as the page writes it, or a dash that says to a screen reader it is not shown. */
function Figure({ column, figures }: { column: ReportColumn; figures: ReportFigures }) {
  const { t, locale } = useI18n();
  const text = formatFigure(column.value(figures), column.kind, locale);
  return (
    text ?? (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t("report.notShown")}</span>
      </>
    )
  );
}

function FigureCell({ column, figures }: { column: ReportColumn; figures: ReportFigures }) {
  return (
    <td className="report-number">
      <Figure column={column} figures={figures} />
    </td>
  );
}

function BreakdownSection({ report, breakdown }: { report: CityReport; breakdown: Breakdown }) {
  const language = useI18n();
  const { t, locale } = language;
  const rows = breakdownRows(report, breakdown);
  const id = `report-${breakdown}`;
  const count = (value: number) => formatFigure(value, "count", locale) ?? "";
  return (
    <section className="panel report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`report.${breakdown}`)}</h2>
      {rows.length ? (
        <>
          <ReportTable report={report} breakdown={breakdown} part="sessions" language={language} />
          <figure className="report-chart">
            <BarChart
              id={`${id}-chart`}
              title={t("report.chart.title", { group: t(`report.per.${breakdown}`) })}
              description={t("report.chart.desc")}
              series={[t("report.chart.people"), t("report.chart.present")]}
              rows={rows.map((row) => ({
                key: row.key,
                label: rowLabel(row, breakdown, language),
                values: [row.figures.people, row.figures.peoplePresent],
              }))}
              format={count}
            />
          </figure>
          <ReportTable report={report} breakdown={breakdown} part="people" language={language} />
          {breakdown === "byMonth" ? null : <p className="hint">{t("report.peopleNote")}</p>}
        </>
      ) : (
        <p className="muted">{t("report.empty")}</p>
      )}
    </section>
  );
}

/** One of a breakdown's two tables: a row per month, city, kind or partner, and the total. */
function ReportTable({
  report,
  breakdown,
  part,
  language,
}: {
  report: CityReport;
  breakdown: Breakdown;
  part: ReportColumn["part"];
  language: I18n;
}) {
  const { t } = language;
  const columns = REPORT_COLUMNS.filter((column) => column.part === part);
  const captionId = useId();
  // Figures are compared across a row and down a column: on a phone the table scrolls in its
  // frame, the month, city, kind or partner staying in view.
  return (
    <TableFrame labelledBy={captionId}>
      <table className="table report-table">
        <caption id={captionId}>
          {t(`report.caption.${part}`, { group: t(`report.per.${breakdown}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(`report.group.${breakdown}`)}</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {t(columnLabel(column))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {breakdownRows(report, breakdown).map((row) => (
            <tr key={row.key}>
              <th scope="row">{rowLabel(row, breakdown, language)}</th>
              {columns.map((column) => (
                <FigureCell key={column.key} column={column} figures={row.figures} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("report.total")}</th>
            {columns.map((column) => (
              <FigureCell key={column.key} column={column} figures={report.total} />
            ))}
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}

const SUMMARY = [
  "sessionsHeld",
  "people",
  "newPeople",
  "returningPeople",
  "signUps",
  "attendanceRate",
  "noShowRate",
  "waitingNeverSeated",
  "surveyAverage",
] as const;

function Summary({ report, pseudonymMonths }: { report: CityReport; pseudonymMonths: number }) {
  const { t } = useI18n();
  const { total } = report;
  return (
    <section className="panel" aria-labelledby="report-summary-title">
      <h2 id="report-summary-title">{t("report.summary")}</h2>
      <dl className="counts report-summary">
        {SUMMARY.map((key) => {
          const column = REPORT_COLUMNS.find((candidate) => candidate.key === key);
          if (!column) return null;
          return (
            <div key={key}>
              <dt>{t(columnLabel(column))}</dt>
              <dd>
                <Figure column={column} figures={total} />
              </dd>
            </div>
          );
        })}
      </dl>
      {total.sessionsUpcoming ? (
        <p className="hint">{t("report.upcoming", { count: total.sessionsUpcoming })}</p>
      ) : null}
      {total.withoutPseudonym ? (
        <p className="hint">
          {t("report.withoutPseudonym", {
            count: total.withoutPseudonym,
            months: pseudonymMonths,
          })}
        </p>
      ) : null}
    </section>
  );
}

function Definitions() {
  const { t } = useI18n();
  const terms = [
    ["sessionsHeld", "report.define.sessionsHeld"],
    ["sessionsCancelled", "report.define.sessionsCancelled"],
    ["seatsOffered", "report.define.seatsOffered"],
    ["signUps", "report.define.signUps"],
    ["seatsTaken", "report.define.seatsTaken"],
    ["attended", "report.define.attended"],
    ["attendanceRate", "report.define.attendanceRate"],
    ["waitingNeverSeated", "report.define.waitingNeverSeated"],
    ["people", "report.define.people"],
    ["newPeople", "report.define.newPeople"],
    ["peoplePresent", "report.define.peoplePresent"],
    ["surveyAnswers", "report.define.survey"],
  ] as const;
  return (
    <section className="panel report-definitions" aria-labelledby="report-definitions-title">
      <h2 id="report-definitions-title">{t("report.definitions")}</h2>
      <dl>
        {terms.map(([figure, definition]) => (
          <div key={figure}>
            <dt>{t(`report.figure.${figure}`)}</dt>
            <dd>{t(definition, { min: SURVEY_MIN_ANSWERS })}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Printing needs scripts; without them the hint says to print with the browser. */
function PrintButton() {
  const { t } = useI18n();
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  return scripted ? (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {t("report.print")}
    </button>
  ) : null;
}

export default function ReportPage() {
  const { options, result, shown } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t, locale, list } = useI18n();
  const inLocale = useLocalePath();
  const names = shown ? filterNames(shown.filters, options, { t }) : [];
  return (
    <div className="wrap page report-page">
      <h1>{t("report.title")}</h1>
      <p className="lead">{t("report.intro")}</p>
      {shown ? (
        <p className="report-period">
          <strong>
            {t("report.subtitle", {
              from: dateName(shown.from, locale),
              to: dateName(shown.to, locale),
            })}
          </strong>
          {names.length ? ` ${t("report.filteredBy", { filters: list(names) })}` : null}
        </p>
      ) : (
        <p className="notice notice-danger" role="alert">
          {t("report.invalid")}
        </p>
      )}
      {/* Keyed by the address: after a search the form shows what was asked, not what was typed. */}
      <ReportFilterForm
        key={search}
        options={options}
        result={result}
        filters={shown?.filters ?? null}
        year={shown?.year ?? null}
      />
      {shown ? (
        <>
          <div className="report-actions">
            <a
              className="button"
              href={`${inLocale("/beheer/cijfers.xlsx")}?${shown.search}`}
              download
            >
              {t("report.download")}
            </a>
            <PrintButton />
            <p className="hint">{t("report.printHint")}</p>
          </div>
          <Summary report={shown.report} pseudonymMonths={shown.pseudonymMonths} />
          {BREAKDOWNS.map((breakdown) => (
            <BreakdownSection key={breakdown} report={shown.report} breakdown={breakdown} />
          ))}
          <Definitions />
        </>
      ) : null}
    </div>
  );
}
