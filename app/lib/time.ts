import { DateTime, FixedOffsetZone } from "luxon";

export const TIME_ZONE = "Europe/Brussels";

/** The clocks changing on `date` (Brussels): they jump from `from` to `to`, both "HH:mm". */
interface ClockChange {
  date: string;
  from: string;
  to: string;
}

/**
 * A Brussels wall-clock time on a day: one instant; two, in the hour the clocks go back (the
 * first is meant, RFC 5545 §3.3.5); or none, in the hour they skip.
 */
export type BrusselsTime =
  | { kind: "once"; instant: string }
  | { kind: "twice"; instant: string; clockChange: ClockChange }
  | { kind: "never"; clockChange: ClockChange };

const MINUTE = 60_000;

/**
 * The moment the offset changes between two instants that straddle it, as wall-clock times on
 * either side. Time zones change on whole minutes, and the two are at most a few hours apart.
 */
function clockChangeBetween(earlier: DateTime, later: DateTime, date: string): ClockChange {
  const offsetBefore = earlier.offset;
  let at = earlier.toMillis();
  while (at < later.toMillis()) {
    const next = DateTime.fromMillis(at + MINUTE, { zone: TIME_ZONE });
    if (next.offset !== offsetBefore) {
      return {
        date,
        from: next.setZone(FixedOffsetZone.instance(offsetBefore)).toFormat("HH:mm"),
        to: next.toFormat("HH:mm"),
      };
    }
    at += MINUTE;
  }
  throw new Error(`no change of offset between ${earlier.toISO()} and ${later.toISO()}`);
}

/** What "2026-03-29" + "02:30" is in Brussels; null when it is no date or time at all. */
export function readBrusselsTime(date: string, time: string): BrusselsTime | null {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: TIME_ZONE });
  if (!local.isValid) return null;
  const asTyped = local.toFormat("yyyy-LL-dd'T'HH:mm") === `${date}T${time.slice(0, 5)}`;
  if (!asTyped) {
    // Luxon moved a time in the skipped hour forward: the gap lies between the two readings.
    const shifted = local.toMillis();
    const before = DateTime.fromMillis(shifted - 60 * MINUTE * 3, { zone: TIME_ZONE });
    return { kind: "never", clockChange: clockChangeBetween(before, local, date) };
  }
  const [first, second] = local.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  if (!first) return { kind: "once", instant: local.toJSDate().toISOString() };
  const instant = first.toJSDate().toISOString();
  if (!second) return { kind: "once", instant };
  return { kind: "twice", instant, clockChange: clockChangeBetween(first, second, date) };
}

/**
 * "2026-12-03" + "07:30" as wall-clock time in Brussels → the UTC instant, DST included. A time
 * the clocks pass twice means the first; one they skip throws (the forms refuse it first).
 */
export function brusselsTimeToInstant(date: string, time: string): string {
  const local = readBrusselsTime(date, time);
  if (!local) throw new Error(`Not a valid Brussels date and time: ${date} ${time}`);
  if (local.kind === "never") {
    const { from, to } = local.clockChange;
    throw new Error(
      `${date} ${time} does not exist in Brussels: the clocks jump from ${from} to ${to}`,
    );
  }
  return local.instant;
}

/** The calendar date in Brussels of an instant, as "YYYY-MM-DD". */
export function brusselsDate(instant: string): string {
  return DateTime.fromISO(instant, { zone: TIME_ZONE }).toISODate() ?? "";
}

/** The first instant of a Brussels calendar day ("YYYY-MM-DD"), and the first of the next. */
export function brusselsDayBounds(date: string): { start: string; end: string } {
  const start = DateTime.fromISO(date, { zone: TIME_ZONE }).startOf("day");
  return {
    start: new Date(start.toMillis()).toISOString(),
    end: new Date(start.plus({ days: 1 }).toMillis()).toISOString(),
  };
}

/** The clock, as an ISO-8601 instant in UTC: the one way the domain reads the time. */
export function nowInstant(): string {
  return new Date().toISOString();
}

/** The clock in milliseconds, for counters that compare numbers (abuse limits, pacing). */
export function nowMillis(): number {
  return Date.now();
}

/** The instant `days` days before `instant`. */
export function daysBefore(instant: string, days: number): string {
  return addMinutes(instant, -days * 24 * 60);
}

export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}
