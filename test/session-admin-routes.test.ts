import { beforeAll, describe, expect, it } from "vitest";
import { brusselsWallClock } from "../app/lib/session-form";
import { brusselsTimeToInstant } from "../app/lib/time";
import { signUp } from "../app/models/registration.server";
import { sessionFormValues } from "../app/models/session-editing.server";
import * as attendeesPage from "../app/routes/($lang).beheer.sessies.$id";
import * as editPage from "../app/routes/($lang).beheer.sessies.$id_.bewerken";
import { createSession, outboxFor, person, registrationsOf } from "./support/factories";
import { signedIn } from "./support/organisers";
import { formPost } from "./support/requests";

let cookie = "";
beforeAll(async () => {
  cookie = await signedIn("admin");
});

const post = (path: string, fields: Record<string, string>) =>
  formPost(path, fields, { Cookie: cookie });

/** The edit form as the page fills it in, with some fields changed. */
async function formOf(session: { id: number }, overrides: Record<string, string> = {}) {
  const values = await sessionFormValues(session.id);
  if (!values) throw new Error(`no session ${session.id}`);
  const { partnerIds: _partners, ...fields } = values;
  return { ...fields, ...overrides };
}

describe("editing a session in the workspace", () => {
  it("asks before lowering the capacity below the confirmed count, and stores nothing until confirmed", async () => {
    // Whole minutes, as the form sends them: only the capacity changes.
    const day = brusselsWallClock(new Date(Date.now() + 14 * 86_400_000).toISOString()).date;
    const session = await createSession({
      capacity: 3,
      starts_at: brusselsTimeToInstant(day, "19:00"),
      ends_at: brusselsTimeToInstant(day, "21:00"),
    });
    for (const n of [1, 2, 3]) await signUp(session.slug, person(n), { locale: "nl-BE" });
    const path = `/beheer/sessies/${session.id}/bewerken`;
    const params = { id: String(session.id) };

    const asked = (await editPage.action({
      request: post(path, await formOf(session, { capacity: "1" })),
      params,
      context: {},
    })) as Response;
    expect(asked.status).toBe(409);
    expect((await asked.json()).capacityConflict).toEqual({ confirmed: 3, capacity: 1 });
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
    ]);

    const done = (await editPage.action({
      request: post(path, await formOf(session, { capacity: "1", confirmMoveToWaitlist: "on" })),
      params,
      context: {},
    })) as Response;
    expect(done.status).toBe(302);
    // What it did travels in the flash cookie, not the address.
    expect(done.headers.get("Location")).toBe(`/beheer/sessies/${session.id}`);
    expect(done.headers.get("Set-Cookie")).toContain("oa_flash=");
    expect((await registrationsOf(session.id)).map((r) => r.status).sort()).toEqual([
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);
  });

  it("answers a form with an end before its start with 400 and the message at the field", async () => {
    const session = await createSession();
    const response = (await editPage.action({
      request: post(
        `/beheer/sessies/${session.id}/bewerken`,
        await formOf(session, { startTime: "10:00", endTime: "09:00" }),
      ),
      params: { id: String(session.id) },
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({
      endTime: [{ key: "sessionForm.errors.endTime.beforeStart", values: {} }],
    });
  });
});

describe("the attendee page", () => {
  it("adds someone by hand, who gets the normal confirmation, and refuses the same address twice", async () => {
    const session = await createSession({ capacity: 5 });
    const path = `/beheer/sessies/${session.id}`;
    const params = { id: String(session.id) };
    const fields = { intent: "add", name: "Gert Aerts", email: "gert@example.org" };
    const added = (await attendeesPage.action({
      request: post(path, fields),
      params,
      context: {},
    })) as Response;
    expect(added.status).toBe(302);
    expect(
      (await outboxFor(session.id, "gert@example.org")).map((m) => [m.kind, m.ics_method]),
    ).toEqual([["registration.confirmed", "REQUEST"]]);

    const again = (await attendeesPage.action({
      request: post(path, fields),
      params,
      context: {},
    })) as Response;
    expect(again.status).toBe(409);
    expect(await registrationsOf(session.id)).toHaveLength(1);

    const invalid = (await attendeesPage.action({
      request: post(path, { intent: "add", name: "", email: "x" }),
      params,
      context: {},
    })) as Response;
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).result.error).toMatchObject({
      name: [{ key: "errors.name.required" }],
      email: [{ key: "errors.email.invalid" }],
    });
  });

  it("checks someone in and out, and moves the waiting list", async () => {
    const session = await createSession({ capacity: 1 });
    for (const n of [1, 2, 3]) await signUp(session.slug, person(n), { locale: "nl-BE" });
    const [seated, second, third] = await registrationsOf(session.id);
    const path = `/beheer/sessies/${session.id}`;
    const params = { id: String(session.id) };
    await attendeesPage.action({
      request: post(path, { intent: "present", registrationId: String(seated?.id) }),
      params,
      context: {},
    });
    expect((await registrationsOf(session.id))[0]?.checked_in_at).not.toBeNull();
    await attendeesPage.action({
      request: post(path, { intent: "absent", registrationId: String(seated?.id) }),
      params,
      context: {},
    });
    expect((await registrationsOf(session.id))[0]?.checked_in_at).toBeNull();

    await attendeesPage.action({
      request: post(path, { intent: "up", registrationId: String(third?.id) }),
      params,
      context: {},
    });
    const page = await (
      await attendeesPage.loader({
        request: new Request(`http://agenda.test${path}`, { headers: { Cookie: cookie } }),
        params,
        context: {},
      })
    ).json();
    expect(page.attendees.waitlisted.map((a) => [a.id, a.position])).toEqual([
      [third?.id, 1],
      [second?.id, 2],
    ]);
  });
});
