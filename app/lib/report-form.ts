import { DateTime } from "luxon";
import { z } from "zod";
import type { SessionKind } from "../../db/schema";
import { calendarDate } from "./export-form";
import { rowId } from "./session-form";
import { isSessionKind } from "./session-kinds";
import { brusselsTimeToInstant } from "./time";

/**
 * The filters of the city's report, as its GET form puts them in the address:
 * ?periode=jaar|k1|k2|k3|k4|data&jaar=2026&van=YYYY-MM-DD&tot=YYYY-MM-DD&stad=ID&soort=…&partner=ID.
 * A period is a Brussels calendar year, a quarter of one, or dates (both inclusive, at most
 * REPORT_MAX_YEARS apart); a session belongs to it by its start. Without a choice: this year.
 */

export const REPORT_PERIODS = ["jaar", "k1", "k2", "k3", "k4", "data"] as const;
type ReportPeriodKind = (typeof REPORT_PERIODS)[number];

/** The longest period of dates a report covers: its month table stays readable. */
export const REPORT_MAX_YEARS = 3;
const FIRST_YEAR = 2000;
/** Calendar dates are counted as dates: no zone's clock change moves them. */
const UTC = { zone: "utc" } as const;
const LAST_YEAR = 2100;

export const reportFilterSchema = z
  .object({
    periode: z.enum(REPORT_PERIODS, { error: "report.error.period" }).default("jaar"),
    jaar: z
      .number({ error: "report.error.year" })
      .int("report.error.year")
      .min(FIRST_YEAR, "report.error.year")
      .max(LAST_YEAR, "report.error.year")
      .optional(),
    van: calendarDate("report.error.from").optional(),
    tot: calendarDate("report.error.to").optional(),
    stad: rowId("report.error.city").optional(),
    soort: z
      .string()
      .refine(isSessionKind, "report.error.kind")
      .transform((kind) => kind as SessionKind)
      .optional(),
    partner: rowId("report.error.partner").optional(),
  })
  .superRefine((filters, ctx) => {
    if (filters.periode !== "data") return;
    if (!filters.van)
      ctx.addIssue({ code: "custom", path: ["van"], message: "report.error.fromMissing" });
    if (!filters.tot)
      ctx.addIssue({ code: "custom", path: ["tot"], message: "report.error.toMissing" });
    if (!filters.van || !filters.tot) return;
    if (filters.van > filters.tot) {
      ctx.addIssue({ code: "custom", path: ["tot"], message: "report.error.range" });
    } else if (
      DateTime.fromISO(filters.van, UTC).plus({ years: REPORT_MAX_YEARS }) <=
      DateTime.fromISO(filters.tot, UTC)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["tot"],
        message: "report.error.tooLong",
        params: { years: REPORT_MAX_YEARS },
      });
    }
  });

export type ReportFilters = z.output<typeof reportFilterSchema>;

/** One calendar month of a period (the first and last may be cut short by it). */
interface ReportMonth {
  /** "2026-03" */
  key: string;
  /** UTC instants of its first moment and of the first moment after it, within the period. */
  start: string;
  end: string;
}

/** The period a report covers: Brussels dates (both inclusive), and as UTC instants [start, end). */
export interface ReportPeriod {
  kind: ReportPeriodKind;
  from: string;
  to: string;
  start: string;
  end: string;
  months: ReportMonth[];
}

const midnight = (date: DateTime) => brusselsTimeToInstant(date.toISODate() ?? "", "00:00");

/**
 * The period the filters choose. `today` is a Brussels date ("2026-12-07"): a report without a
 * year is of this year.
 */
function reportPeriod(filters: ReportFilters, today: string): ReportPeriod {
  const year = filters.jaar ?? Number(today.slice(0, 4));
  let first: DateTime;
  let last: DateTime;
  if (filters.periode === "data" && filters.van && filters.tot) {
    first = DateTime.fromISO(filters.van, UTC);
    last = DateTime.fromISO(filters.tot, UTC);
  } else if (filters.periode.startsWith("k")) {
    const quarter = Number(filters.periode.slice(1));
    first = DateTime.fromObject({ year, month: quarter * 3 - 2, day: 1 }, UTC);
    last = first.plus({ months: 3 }).minus({ days: 1 });
  } else {
    first = DateTime.fromObject({ year, month: 1, day: 1 }, UTC);
    last = DateTime.fromObject({ year, month: 12, day: 31 }, UTC);
  }
  const dayAfter = last.plus({ days: 1 });
  const months: ReportMonth[] = [];
  for (let month = first.startOf("month"); month < dayAfter; month = month.plus({ months: 1 })) {
    const next = month.plus({ months: 1 });
    months.push({
      key: month.toFormat("yyyy-LL"),
      start: midnight(DateTime.max(month, first)),
      end: midnight(DateTime.min(next, dayAfter)),
    });
  }
  return {
    kind: filters.periode,
    from: first.toISODate() ?? "",
    to: last.toISODate() ?? "",
    start: midnight(first),
    end: midnight(dayAfter),
    months,
  };
}

/** The address's query for these filters, as the form would send it: what the download repeats. */
export function reportSearch(filters: ReportFilters): string {
  const search = new URLSearchParams({ periode: filters.periode });
  if (filters.jaar !== undefined) search.set("jaar", String(filters.jaar));
  if (filters.periode === "data") {
    search.set("van", filters.van ?? "");
    search.set("tot", filters.tot ?? "");
  }
  if (filters.stad !== undefined) search.set("stad", String(filters.stad));
  if (filters.soort !== undefined) search.set("soort", filters.soort);
  if (filters.partner !== undefined) search.set("partner", String(filters.partner));
  return search.toString();
}

/** What the report model is asked for: the period, and the city, kind and partner (null: all). */
export function reportFilterOf(filters: ReportFilters, today: string) {
  return {
    period: reportPeriod(filters, today),
    cityId: filters.stad ?? null,
    kind: filters.soort ?? null,
    partnerId: filters.partner ?? null,
  };
}
