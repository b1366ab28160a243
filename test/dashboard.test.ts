import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { setCheckedIn } from "../app/models/attendee.server";
import { organiserDashboard } from "../app/models/dashboard.server";
import { createOrganiser } from "../app/models/organiser.server";
import { signUp } from "../app/models/registration.server";
import { createSession, person, registrationsOf } from "./support/factories";

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe("the organiser dashboard", () => {
  it("shows fill, sign-ups per week, the last seven days and who came, within the organiser's scope", async () => {
    const upcoming = await createSession({ capacity: 2, title: "Komende sessie" });
    const other = await createSession({ title: "Sessie van een andere stad" });
    const past = await createSession({
      title: "Voorbije sessie",
      starts_at: at(-3),
      ends_at: at(-2.9),
    });
    const scope = {
      all: false as const,
      cityIds: [upcoming.city_id, past.city_id],
      partnerIds: [],
    };

    for (const n of [1, 2, 3])
      await signUp(upcoming.slug, person(n), { locale: "nl-BE", now: at(-1) });
    await signUp(upcoming.slug, person(4), { locale: "nl-BE", now: at(-10) });
    await signUp(other.slug, person(5), { locale: "nl-BE" });
    // The past session's attendees signed up before it started; one of the two turned up.
    for (const n of [6, 7]) await signUp(past.slug, person(n), { locale: "nl-BE", now: at(-5) });
    const [came] = await registrationsOf(past.id);
    const organiser = await createOrganiser({
      email: "deur@leuven.test",
      name: "Aan de deur",
      password: "wachtwoord-aan-de-deur",
      role: "admin",
    });
    await setCheckedIn(came?.id ?? 0, true, { organiserId: organiser.id });

    const dashboard = await organiserDashboard(scope);
    expect(dashboard.upcoming.map((s) => s.title)).toEqual(["Komende sessie"]);
    expect(dashboard.upcoming[0]).toMatchObject({ capacity: 2, confirmed: 2, waiting: 2 });
    expect(dashboard.past).toEqual([
      expect.objectContaining({ title: "Voorbije sessie", confirmed: 2, present: 1 }),
    ]);
    expect(dashboard.lastWeek.count).toBe(5);
    expect(dashboard.lastWeek.newest.map((r) => r.name)).not.toContain("Deelnemer 5");
    expect(dashboard.weeks).toHaveLength(8);
    expect(dashboard.weeks.reduce((sum, w) => sum + w.count, 0)).toBe(6);
  });

  it("puts a sign-up in the week of Brussels it was made in, either side of midnight on Sunday", async () => {
    const session = await createSession({ capacity: 10, title: "Sessie van de week" });
    const scope = { all: false as const, cityIds: [session.city_id], partnerIds: [] };
    const thisWeek = DateTime.now().setZone("Europe/Brussels").startOf("week");
    // Sunday 23:30 and Monday 00:30 in Brussels: 22:30 and 23:30 UTC in winter, on a Sunday.
    const before = thisWeek.minus({ minutes: 30 }).toUTC().toISO() ?? "";
    const after = thisWeek.plus({ minutes: 30 }).toUTC().toISO() ?? "";
    await signUp(session.slug, person(1), { locale: "nl-BE", now: before });
    for (const n of [2, 3]) await signUp(session.slug, person(n), { locale: "nl-BE", now: after });

    const { weeks } = await organiserDashboard(scope);
    expect(weeks.map((week) => week.count)).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
    expect(weeks.at(-1)?.weekStart).toBe(thisWeek.toISODate());
  });
});
