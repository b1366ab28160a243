import type { I18n, Locale, MessageKey } from "~/i18n";
import type { SessionKind } from "../../db/schema";
import type { CityReport, ReportFigures, ReportRow } from "../models/report.server";

/**
 * The columns of the report's tables, the same on the page and in the Excel file: a figure,
 * how it is shown (a count, a share, an average), and how it follows from the model's figures.
 * A share of nothing (no seats taken, no survey sent) and an average the model holds back are
 * no value at all, never 0.
 */

type FigureKey = Exclude<
  keyof ReportFigures,
  "sessionsUpcoming" | "withoutPseudonym" | "surveyAsked"
>;

/**
 * The page shows a breakdown as two tables, so that each reads on a screen and a printed page:
 * the sessions (seats, attendance, waiting list) and the people (new, returning, the survey).
 * The Excel file keeps them in one sheet.
 */
const REPORT_PARTS = ["sessions", "people"] as const;

export interface ReportColumn {
  key: FigureKey | "attendanceRate" | "noShowRate" | "responseRate";
  part: (typeof REPORT_PARTS)[number];
  kind: "count" | "share" | "average";
  value: (figures: ReportFigures) => number | null;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const count = (key: FigureKey, part: ReportColumn["part"]): ReportColumn => ({
  key,
  part,
  kind: "count",
  value: (figures) => figures[key],
});

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  count("sessionsHeld", "sessions"),
  count("sessionsCancelled", "sessions"),
  count("seatsOffered", "sessions"),
  count("signUps", "sessions"),
  count("seatsTaken", "sessions"),
  count("attended", "sessions"),
  {
    key: "attendanceRate",
    part: "sessions",
    kind: "share",
    value: (figures) => share(figures.attended, figures.seatsTaken),
  },
  {
    key: "noShowRate",
    part: "sessions",
    kind: "share",
    value: (figures) => share(figures.seatsTaken - figures.attended, figures.seatsTaken),
  },
  count("waitingNeverSeated", "sessions"),
  count("people", "people"),
  count("newPeople", "people"),
  count("returningPeople", "people"),
  count("peoplePresent", "people"),
  count("surveyAnswers", "people"),
  {
    key: "responseRate",
    part: "people",
    kind: "share",
    value: (figures) => share(figures.surveyAnswers, figures.surveyAsked),
  },
  {
    key: "surveyAverage",
    part: "people",
    kind: "average",
    value: (figures) => figures.surveyAverage,
  },
];

export const BREAKDOWNS = ["byMonth", "byCity", "byKind", "byPartner"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const breakdownRows = (report: CityReport, breakdown: Breakdown): ReportRow[] =>
  report[breakdown];

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date or month in words, once per locale and shape (Intl formatters are costly). */
function calendarName(date: string, locale: Locale, shape: "month" | "day"): string {
  const key = `${locale}:${shape}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...(shape === "day" ? { day: "numeric" } : {}),
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** "maart 2026" for "2026-03", in the reader's language. */
const monthName = (key: string, locale: Locale) => calendarName(`${key}-01`, locale, "month");

/** "1 maart 2026" for "2026-03-01". */
export const dateName = (date: string, locale: Locale) => calendarName(date, locale, "day");

/** What a breakdown's row is called: a month, a city, a kind, a partner or "no partner". */
export function rowLabel(row: ReportRow, breakdown: Breakdown, { t, locale }: I18n): string {
  if (breakdown === "byMonth") return monthName(row.key, locale);
  if (breakdown === "byKind") return t(`kind.${row.key as SessionKind}`);
  return row.name ?? t("report.noPartner");
}

export const columnLabel = (column: ReportColumn): MessageKey => `report.figure.${column.key}`;

const numberFormats = new Map<string, Intl.NumberFormat>();
const FORMATS: Record<ReportColumn["kind"], Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  share: { style: "percent", maximumFractionDigits: 0 },
  average: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
};

/**
 * A figure as the page writes it ("1.234", "81 %", "4,3"), in the reader's language; null for no
 * value. Thin and narrow spaces become plain ones, as the translator's dates do: the browser's
 * ICU must write the same text as the server's.
 */
export function formatFigure(
  value: number | null,
  kind: ReportColumn["kind"],
  locale: Locale,
): string | null {
  if (value === null) return null;
  const key = `${locale}:${kind}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, FORMATS[kind]);
    numberFormats.set(key, format);
  }
  return format.format(value).replace(/[\u00a0\u2009\u202f]/g, " ");
}

/** The filters besides the period, in words ("Leuven, Infosessie, Unizo"): for the page and the file. */
export function filterNames(
  filters: { stad?: number; soort?: SessionKind; partner?: number },
  options: { cities: { id: number; name: string }[]; partners: { id: number; name: string }[] },
  { t }: Pick<I18n, "t">,
): string[] {
  const cityName = options.cities.find((city) => city.id === filters.stad)?.name;
  const partnerName = options.partners.find((partner) => partner.id === filters.partner)?.name;
  return [
    ...(filters.stad === undefined ? [] : [cityName ?? t("audit.city.gone", { id: filters.stad })]),
    ...(filters.soort === undefined ? [] : [t(`kind.${filters.soort}`)]),
    ...(filters.partner === undefined
      ? []
      : [partnerName ?? t("audit.partner.gone", { id: filters.partner })]),
  ];
}
