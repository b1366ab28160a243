import { DateTime } from "luxon";
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { rowId } from "./session-form";

/**
 * The options of an attendee export, as the download links and the export form put them in the
 * address: ?formaat=csv|csv-comma|xlsx, and for a period ?stad=ID&van=YYYY-MM-DD&tot=YYYY-MM-DD.
 */

export const EXPORT_FORMATS = ["csv", "csv-comma", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const format = z.enum(EXPORT_FORMATS, { error: "export.error.format" }).default("csv");

/** A real calendar date in YYYY-MM-DD form ("2026-02-30" is not one). */
export const calendarDate = (invalid: MessageKey) =>
  z
    .string({ error: "export.error.choose" })
    .refine(
      (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid,
      invalid,
    );

/** One session's list: the session is in the path. */
export const sessionExportSchema = z.object({ formaat: format });

/** Every session of a period, of one city or of every city in the organiser's scope. */
export const rangeExportSchema = z
  .object({
    formaat: format,
    stad: rowId("export.error.cityId").optional(),
    van: calendarDate("export.error.from"),
    tot: calendarDate("export.error.to"),
  })
  .refine((options) => options.van <= options.tot, {
    message: "export.error.range",
    path: ["tot"],
  });
