import { describe, expect, it, vi } from "vitest";
import { signUp } from "../app/models/registration.server";
import { createSession, outboxFor, person } from "./support/factories";
import { checkIcs } from "./support/ical-checks";

// config() is read once per process: this file plays a city whose calendar replies go to an
// address of their own, while the mail still comes from MAIL_FROM (test/support/database.ts).
vi.hoisted(() => {
  process.env.CALENDAR_ORGANIZER = "kalender@leuven.test";
});

describe("an ORGANIZER other than the From address (CALENDAR_ORGANIZER)", () => {
  it("names the From address as SENT-BY, as RFC 6047 asks", async () => {
    const created = await createSession();
    expect((await signUp(created.slug, person(1), { locale: "nl-BE" })).ok).toBe(true);
    const [mail] = await outboxFor(created.id, "deelnemer1@example.org");
    const organizer = checkIcs(mail?.ics ?? "", "REQUEST").events[0]?.getFirstProperty("organizer");
    expect(String(organizer?.getFirstValue())).toBe("mailto:kalender@leuven.test");
    expect(organizer?.getParameter("sent-by")).toBe("mailto:agenda@leuven.test");
  });
});
