import { DateTime } from "luxon";

export const TIME_ZONE = "Europe/Brussels";

/** "2026-12-03" + "07:30" as wall-clock time in Brussels → the UTC instant, DST included. */
export function brusselsTimeToInstant(date: string, time: string): string {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: TIME_ZONE });
  if (!local.isValid) throw new Error(`Not a valid Brussels date and time: ${date} ${time}`);
  return local.toJSDate().toISOString();
}

/** The calendar date in Brussels of an instant, as "YYYY-MM-DD". */
export function brusselsDate(instant: string): string {
  return DateTime.fromISO(instant, { zone: TIME_ZONE }).toISODate() ?? "";
}

export function nowInstant(): string {
  return new Date().toISOString();
}

export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}
