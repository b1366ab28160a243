import { beforeAll, describe, expect, it } from "vitest";
import { brusselsWallClock } from "../app/lib/session-form";
import { brusselsTimeToInstant } from "../app/lib/time";
import { signUp } from "../app/models/registration.server";
import { stored, t, visibleText } from "./forms-http.shared";
import { createSession, outboxFor, person, registrationsOf } from "./support/factories";
import { expectFieldError, expectNoticeOnce, formFields } from "./support/form-page";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";

/**
 * The session's edit form and its attendee page, as an admin uses them: over HTTP against the
 * built app (`npx remix build` first), each form read from its page and posted back.
 */

let cookie = "";
beforeAll(async () => {
  cookie = await signedIn("admin");
});

/** A page of the workspace as the signed-in admin opens it. */
async function page(path: string) {
  const response = await send(path, { cookie });
  expect(response.status, path).toBe(200);
  return response.text();
}

async function signUpPeople(slug: string, count: number) {
  for (let n = 1; n <= count; n++) {
    expect((await signUp(slug, person(n), { locale: "nl-BE" })).ok).toBe(true);
  }
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
    await signUpPeople(session.slug, 3);
    const path = `/beheer/sessies/${session.id}/bewerken`;
    const form = formFields(await page(path), "session-edit");
    form.set("capacity", "1");

    const before = await stored();
    const asked = await send(path, { form, cookie });
    expect(asked.status).toBe(409);
    const question = await asked.text();
    expect(visibleText(question)).toContain(
      t("sessionForm.capacityBelowConfirmed", { confirmed: 3, capacity: 1 }),
    );
    expect(await stored()).toEqual(before);

    // The same form again, as typed, with the box that confirms the move ticked.
    const again = formFields(question, "session-edit");
    expect(again.get("capacity")).toBe("1");
    expect(again.has("confirmMoveToWaitlist")).toBe(false);
    expect(question).toMatch(/<input[^>]*name="confirmMoveToWaitlist"[^>]*type="checkbox"/);
    again.set("confirmMoveToWaitlist", "on");
    const done = await send(path, { form: again, cookie });
    expect(done.status).toBe(302);
    // What it did travels in the flash cookie, not the address.
    expect(done.headers.get("Location")).toBe(`/beheer/sessies/${session.id}`);
    expect(done.headers.get("Set-Cookie")).toContain("oa_flash=");
    await expectNoticeOnce(
      done,
      t("sessionForm.result.saved", { reinvited: 0, promoted: 0, movedToWaitlist: 2 }),
      cookie,
    );
    expect((await registrationsOf(session.id)).map((r) => r.status).sort()).toEqual([
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);
  });

  it("answers a form with an end before its start with 400 and the message at the field", async () => {
    const session = await createSession();
    const path = `/beheer/sessies/${session.id}/bewerken`;
    const form = formFields(await page(path), "session-edit");
    form.set("startTime", "10:00");
    form.set("endTime", "09:00");
    const before = await stored();
    const response = await send(path, { form, cookie });
    expect(response.status).toBe(400);
    const html = await response.text();
    expectFieldError(html, "endTime", t("sessionForm.errors.endTime.beforeStart"));
    // The only field in error.
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(1);
    expect(await stored()).toEqual(before);
  });
});

describe("the attendee page", () => {
  it("adds someone by hand, who gets the normal confirmation, and refuses the same address twice", async () => {
    const session = await createSession({ capacity: 5 });
    const path = `/beheer/sessies/${session.id}`;
    const fields = { intent: "add", name: "Gert Aerts", email: "gert@example.org" };
    const added = await send(path, { form: fields, cookie });
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toBe(path);
    const shown = await expectNoticeOnce(
      added,
      t("attendees.done.added", { name: fields.name }),
      cookie,
    );
    expect(shown).toContain(fields.email);
    expect(
      (await outboxFor(session.id, "gert@example.org")).map((m) => [m.kind, m.ics_method]),
    ).toEqual([["registration.confirmed", "REQUEST"]]);

    const before = await stored();
    const again = await send(path, { form: fields, cookie });
    expect(again.status).toBe(409);
    expect(visibleText(await again.text())).toContain(
      t("sessionForm.attendee.alreadyRegistered", { email: fields.email, status: "confirmed" }),
    );
    expect(await stored()).toEqual(before);
    expect(await registrationsOf(session.id)).toHaveLength(1);

    const invalid = await send(path, { form: { intent: "add", name: "", email: "x" }, cookie });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expectFieldError(html, "name", t("errors.name.required"));
    expectFieldError(html, "email", t("errors.email.invalid"));
    expect(await stored()).toEqual(before);
  });

  it("checks someone in and out, and moves the waiting list", async () => {
    const session = await createSession({ capacity: 1 });
    await signUpPeople(session.slug, 3);
    const [seated, second, third] = await registrationsOf(session.id);
    const path = `/beheer/sessies/${session.id}`;
    const act = async (intent: string, registrationId: number | undefined) => {
      const response = await send(path, {
        form: { intent, registrationId: String(registrationId) },
        cookie,
      });
      expect(response.status, intent).toBe(302);
      expect(response.headers.get("Location"), intent).toBe(path);
    };

    await act("present", seated?.id);
    expect((await registrationsOf(session.id))[0]?.checked_in_at).not.toBeNull();
    await act("absent", seated?.id);
    expect((await registrationsOf(session.id))[0]?.checked_in_at).toBeNull();

    await act("up", third?.id);
    // The waiting list as the page shows it: each row's place, then the person's name.
    const html = await page(path);
    const waitlist = html.slice(html.indexOf('id="waitlist-title"'));
    const rows = [
      ...waitlist.matchAll(/<tr><td[^>]*>(\d+)<\/td><td[^>]*><strong>([^<]+)<\/strong>/g),
    ].map(([, position, name]) => [Number(position), name]);
    expect(rows).toEqual([
      [1, third?.name],
      [2, second?.name],
    ]);
  });
});
