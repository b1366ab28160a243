import { describe, expect, it } from "vitest";
import { brusselsTimeToInstant, readBrusselsTime } from "../app/lib/time";

/**
 * Brussels wall-clock times on the days the clocks change. RFC 5545 §3.3.5: a time that occurs
 * twice means the first; one that does not exist is refused where it is typed.
 */

describe("a Brussels wall-clock time", () => {
  it("is one instant on an ordinary day, in winter and in summer", () => {
    expect(readBrusselsTime("2026-12-03", "07:30")).toEqual({
      kind: "once",
      instant: "2026-12-03T06:30:00.000Z",
    });
    expect(readBrusselsTime("2026-06-03", "07:30")).toEqual({
      kind: "once",
      instant: "2026-06-03T05:30:00.000Z",
    });
  });

  it("does not exist in the hour the clocks skip in spring, and says which hours those are", () => {
    for (const [date, time] of [
      ["2026-03-29", "02:00"],
      ["2026-03-29", "02:30"],
      ["2026-03-29", "02:59"],
      ["2027-03-28", "02:30"],
    ] as const) {
      expect(readBrusselsTime(date, time), `${date} ${time}`).toEqual({
        kind: "never",
        clockChange: { date, from: "02:00", to: "03:00" },
      });
      expect(() => brusselsTimeToInstant(date, time)).toThrow(/does not exist/);
    }
    // Either side of the gap is an ordinary time.
    expect(brusselsTimeToInstant("2026-03-29", "01:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(brusselsTimeToInstant("2026-03-29", "03:00")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("means the first of the two in the hour the clocks go back in autumn", () => {
    expect(readBrusselsTime("2026-10-25", "02:15")).toEqual({
      kind: "twice",
      // 02:15 summer time (+02:00), not the 02:15 winter time an hour later.
      instant: "2026-10-25T00:15:00.000Z",
      clockChange: { date: "2026-10-25", from: "03:00", to: "02:00" },
    });
    expect(brusselsTimeToInstant("2026-10-25", "02:15")).toBe("2026-10-25T00:15:00.000Z");
    expect(brusselsTimeToInstant("2026-10-25", "02:00")).toBe("2026-10-25T00:00:00.000Z");
    expect(readBrusselsTime("2026-10-25", "01:59")?.kind).toBe("once");
    expect(brusselsTimeToInstant("2026-10-25", "03:00")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("is nothing at all for a date that is not one", () => {
    expect(readBrusselsTime("2026-02-30", "07:30")).toBeNull();
    expect(() => brusselsTimeToInstant("2026-02-30", "07:30")).toThrow(/Not a valid/);
  });
});
