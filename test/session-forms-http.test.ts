import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { getPage, post, stored, t } from "./forms-http.shared";
import { addQuestions, createSession, person } from "./support/factories";
import { cookieFrom, send } from "./support/http";
import { signedInOrganiser } from "./support/organisers";
import { checkinCodeOf } from "./support/tokens";

/**
 * The organiser's session forms over HTTP against the built app (`npx remix build` first): a
 * success is said once on the next page, by the names the database holds; a refusal is a 4xx
 * that says why, with the limits of the schema, and changes nothing.
 */

const { db } = database();
let cookie = "";
let counter = 0;

beforeAll(async () => {
  ({ cookie } = await signedInOrganiser({
    email: `sessies-${process.pid}@example.org`,
    name: "Sam Sessies",
    password: "een-lang-genoeg-wachtwoord",
    role: "admin",
  }));
});

async function peopleOn(slug: string, count: number) {
  for (let i = 0; i < count; i++) {
    const n = ++counter;
    const result = await signUp(
      slug,
      person(n, { name: `Persoon ${n}`, email: `persoon-${n}-${process.pid}@example.org` }),
      { locale: "nl-BE" },
    );
    expect(result.ok).toBe(true);
  }
  return db
    .selectFrom("registrations")
    .select(["id", "name", "status"])
    .where(
      "registrations.session_id",
      "=",
      (
        await db
          .selectFrom("sessions")
          .select("id")
          .where("slug", "=", slug)
          .executeTakeFirstOrThrow()
      ).id,
    )
    .orderBy("id")
    .execute();
}

/** Follows a redirect the way a browser does, sending the cookies it set; answers the page. */
async function follow(answer: { status: number; location: string | null; setCookie: string[] }) {
  expect(answer.status).toBe(302);
  const flash = answer.setCookie.map((c) => c.split(";")[0]).join("; ");
  return getPage(answer.location ?? "", [cookie, flash].filter(Boolean).join("; "));
}

const sessionPage = (id: number) => ({
  path: `/beheer/sessies/${id}`,
});

describe("the attendee page's buttons", () => {
  it("moving the first person in the queue up is refused with why, never a success notice", async () => {
    const session = await createSession({ capacity: 1 });
    const people = await peopleOn(session.slug, 3);
    const first = people.find((p) => p.status === "waitlisted");
    if (!first) throw new Error("nobody waiting");
    const before = await stored();
    const answer = await post({
      ...sessionPage(session.id),
      form: new URLSearchParams({ intent: "up", registrationId: String(first.id) }),
      cookie,
    });
    expect(answer.status).toBe(409);
    expect(answer.text).toContain(t("attendees.refused.alreadyFirst", { name: first.name }));
    expect(answer.text).not.toContain(
      t("attendees.done.moved", { name: first.name, position: 1 }).slice(0, 20),
    );
    expect(await stored()).toEqual(before);
  });

  it("moving someone down says so once, with their name from the database", async () => {
    const session = await createSession({ capacity: 1 });
    const people = await peopleOn(session.slug, 3);
    const first = people.filter((p) => p.status === "waitlisted")[0];
    if (!first) throw new Error("nobody waiting");
    const answer = await post({
      ...sessionPage(session.id),
      form: new URLSearchParams({
        intent: "down",
        registrationId: String(first.id),
        name: "Mallory",
      }),
      cookie,
    });
    expect(answer.location).toBe(`/beheer/sessies/${session.id}`);
    const page = await follow(answer);
    const said = t("attendees.done.moved", { name: first.name, position: 2 });
    expect(page.text).toContain(said);
    expect(page.text).not.toContain("Mallory");
    // Said once: the page shown again has no notice.
    const again = await getPage(`/beheer/sessies/${session.id}`, cookie);
    expect(again.text).not.toContain(said);
  });

  it("cancelling twice names the person as stored, not the form, and says it was done already", async () => {
    const session = await createSession({ capacity: 5 });
    const [someone] = await peopleOn(session.slug, 1);
    if (!someone) throw new Error("nobody signed up");
    const form = new URLSearchParams({
      intent: "cancel",
      registrationId: String(someone.id),
      name: "Iemand Anders",
    });
    const first = await post({ ...sessionPage(session.id), form, cookie });
    const page = await follow(first);
    expect(page.text).toContain(t("attendees.done.cancelled", { name: someone.name, promoted: 0 }));
    expect(page.text).not.toContain("Iemand Anders");

    const before = await stored();
    const second = await post({ ...sessionPage(session.id), form, cookie });
    expect(second.status).toBe(409);
    expect(second.text).toContain(t("attendees.refused.alreadyCancelled", { name: someone.name }));
    expect(second.text).not.toContain("Iemand Anders");
    expect(second.text).not.toContain(
      t("attendees.done.cancelled", { name: someone.name, promoted: 0 }),
    );
    expect(await stored()).toEqual(before);
  });

  it("checking in someone on the waiting list is refused with why", async () => {
    const session = await createSession({ capacity: 1 });
    const people = await peopleOn(session.slug, 2);
    const waiting = people.find((p) => p.status === "waitlisted");
    if (!waiting) throw new Error("nobody waiting");
    const before = await stored();
    for (const path of [
      `/beheer/sessies/${session.id}`,
      `/beheer/sessies/${session.id}/inchecken`,
    ]) {
      const form: Record<string, string> = path.endsWith("inchecken")
        ? { registrationId: String(waiting.id), present: "true" }
        : { intent: "present", registrationId: String(waiting.id) };
      const answer = await post({ path, form: new URLSearchParams(form), cookie });
      expect(answer.status, path).toBe(409);
      expect(answer.text, path).toContain(
        t("attendees.refused.notConfirmed", { name: waiting.name, status: "waitlisted" }),
      );
    }
    expect(await stored()).toEqual(before);
  });

  it("a scanned code checks in by the name stored, and refuses someone still waiting", async () => {
    const session = await createSession({ capacity: 1 });
    const [seated, waiting] = await peopleOn(session.slug, 2);
    const path = `/beheer/inchecken/${await checkinCodeOf(seated?.id)}`;
    const done = await post({
      path,
      form: new URLSearchParams({ present: "true" }),
      cookie,
    });
    expect(done.location).toBe(path);
    expect((await follow(done)).text).toContain(
      t("attendees.done.present", { name: seated?.name ?? "" }),
    );
    const before = await stored();
    const refused = await post({
      path: `/beheer/inchecken/${await checkinCodeOf(waiting?.id)}`,
      form: new URLSearchParams({ present: "true" }),
      cookie,
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(
      t("attendees.refused.notConfirmed", { name: waiting?.name ?? "", status: "waitlisted" }),
    );
    expect(await stored()).toEqual(before);
  });

  it("an unknown intent is a 400 that says so, and changes nothing", async () => {
    const session = await createSession();
    const [someone] = await peopleOn(session.slug, 1);
    const before = await stored();
    const answer = await post({
      ...sessionPage(session.id),
      form: new URLSearchParams({ intent: "promote", registrationId: String(someone?.id) }),
      cookie,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("edge.badRequest.body"));
    expect(await stored()).toEqual(before);
  });
});

describe("adding an attendee by hand", () => {
  const add = (sessionId: number, fields: Record<string, string>) =>
    post({
      ...sessionPage(sessionId),
      form: new URLSearchParams({ intent: "add", ...fields }),
      cookie,
    });

  it("names the schema's own limits: an organisation too long says 160, a note 500", async () => {
    const session = await createSession({ kind: "breakfast" });
    const [dietary] = await addQuestions(session.id);
    const before = await stored();
    const answer = await add(session.id, {
      name: "Lotte Peeters",
      email: `lotte-${process.pid}@example.org`,
      organisation: "x".repeat(161),
      [`q${dietary}`]: "y".repeat(501),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("errors.organisation.tooLong", { max: 160 }));
    expect(answer.text).toContain(t("errors.question.tooLong", { max: 500 }));
    expect(answer.text).not.toContain(t("errors.organisation.tooLong", { max: 0 }));
    const input = /<input[^>]*name="organisation"[^>]*>/.exec(answer.body)?.[0] ?? "";
    expect(input).toContain('maxLength="160"');
    expect(input).toContain('aria-invalid="true"');
    // What was typed comes back.
    expect(answer.body).toContain("Lotte Peeters");
    expect(await stored()).toEqual(before);
  });

  it("a name too long says 120", async () => {
    const session = await createSession();
    const answer = await add(session.id, { name: "n".repeat(121), email: "n@example.org" });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("errors.name.tooLong", { max: 120 }));
  });

  it("adds someone and says so by the name stored; a second time is a 409 that says why", async () => {
    const session = await createSession({ capacity: 5 });
    const email = `balie-${process.pid}@example.org`;
    const answer = await add(session.id, { name: "  Jan Balie  ", email });
    const page = await follow(answer);
    expect(page.text).toContain(t("attendees.done.added", { name: "Jan Balie" }));
    const before = await stored();
    const again = await add(session.id, { name: "Jan Balie", email: email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.text).toContain(
      t("sessionForm.attendee.alreadyRegistered", { email, status: "confirmed" }),
    );
    expect(await stored()).toEqual(before);
  });

  it("to a cancelled session is refused with why", async () => {
    const session = await createSession({ status: "cancelled" });
    const before = await stored();
    const answer = await add(session.id, { name: "Jan", email: "jan@example.org" });
    expect(answer.status).toBe(409);
    expect(answer.text).toContain(t("attendees.refused.sessionCancelled"));
    expect(await stored()).toEqual(before);
  });
});

/* The session form ---------------------------------------------------------------------------- */

async function sessionFields(cityId: number) {
  return {
    title: "Ontbijtsessie: btw voor starters",
    summary: "Wat moet je weten over btw als je net begint?",
    description: "",
    kind: "breakfast",
    cityId: String(cityId),
    venueName: "Stadhuis Leuven",
    venueAddress: "Grote Markt 9, 3000 Leuven",
    date: "2031-03-04",
    startTime: "07:30",
    endTime: "09:00",
    capacity: "40",
    registrationOpensAt: "",
    registrationClosesAt: "",
    language: "nl",
  };
}

describe("the session form", () => {
  it("creates a session and says so once on its page, through the flash, not the address", async () => {
    const { city_id } = await createSession();
    const answer = await post({
      path: "/beheer/sessies/nieuw",
      form: new URLSearchParams(await sessionFields(city_id)),
      cookie,
    });
    expect(answer.location).toMatch(/^\/beheer\/sessies\/\d+$/);
    const page = await follow(answer);
    expect(page.text).toContain(t("sessionForm.result.created"));
  });

  it("keeps the checks between fields, and their limits come from the schema", async () => {
    const { city_id } = await createSession();
    const before = await stored();
    const answer = await post({
      path: "/beheer/sessies/nieuw",
      form: new URLSearchParams({
        ...(await sessionFields(city_id)),
        title: "t".repeat(121),
        startTime: "09:00",
        endTime: "08:00",
        capacity: "1001",
        registrationOpensAt: "2031-03-02T10:00",
        registrationClosesAt: "2031-03-01T10:00",
      }),
      cookie,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("sessionForm.errors.form"));
    expect(answer.text).toContain(t("sessionForm.errors.title.tooLong", { max: 120 }));
    expect(answer.text).toContain(t("sessionForm.errors.endTime.beforeStart"));
    expect(answer.text).toContain(t("sessionForm.errors.capacity.invalid", { max: 1000 }));
    expect(answer.text).toContain(t("sessionForm.errors.registrationClosesAt.beforeOpens"));
    const title = /<input[^>]*name="title"[^>]*>/.exec(answer.body)?.[0] ?? "";
    expect(title).toContain('maxLength="120"');
    expect(await stored()).toEqual(before);
  });

  it("takes people per sign-up from 1 to 10, one when left empty, and refuses 11 or 0 at the field", async () => {
    const { city_id } = await createSession();
    const before = await stored();
    for (const groupSize of ["11", "0", "2,5"]) {
      const answer = await post({
        path: "/beheer/sessies/nieuw",
        form: new URLSearchParams({ ...(await sessionFields(city_id)), groupSize }),
        cookie,
      });
      expect(answer.status).toBe(400);
      expect(answer.text).toContain(t("sessionForm.errors.groupSize.invalid", { min: 1, max: 10 }));
    }
    expect(await stored()).toEqual(before);
    const sizeOf = async (groupSize: string) => {
      const answer = await post({
        path: "/beheer/sessies/nieuw",
        form: new URLSearchParams({ ...(await sessionFields(city_id)), groupSize }),
        cookie,
      });
      expect(answer.status).toBe(302);
      const created = await db
        .selectFrom("sessions")
        .select("max_group_size")
        .where("id", "=", Number(answer.location?.split("/").pop()))
        .executeTakeFirstOrThrow();
      return created.max_group_size;
    };
    expect(await sizeOf("3")).toBe(3);
    expect(await sizeOf("")).toBe(1);
  });

  it("one partner ticked is a list of one; eleven are too many, and the message says 10", async () => {
    const session = await createSession({ partners: ["Unizo"] });
    const partner = await db
      .selectFrom("session_partners")
      .select("partner_id")
      .where("session_id", "=", session.id)
      .executeTakeFirstOrThrow();
    const one = await post({
      path: "/beheer/sessies/nieuw",
      form: new URLSearchParams({
        ...(await sessionFields(session.city_id)),
        partnerIds: String(partner.partner_id),
      }),
      cookie,
    });
    expect(one.status).toBe(302);
    const created = Number(one.location?.split("/").pop());
    const partners = await db
      .selectFrom("session_partners")
      .select("partner_id")
      .where("session_id", "=", created)
      .execute();
    expect(partners.map((p) => p.partner_id)).toEqual([partner.partner_id]);

    const form = new URLSearchParams(await sessionFields(session.city_id));
    for (let id = 1; id <= 11; id++) form.append("partnerIds", String(id));
    const many = await post({
      path: "/beheer/sessies/nieuw",
      form,
      cookie,
    });
    expect(many.status).toBe(400);
    expect(many.text).toContain(t("sessionForm.errors.partnerIds.tooMany", { max: 10 }));
  });

  it("an edit that is saved says what it did once, on the session's page", async () => {
    const session = await createSession({ capacity: 1 });
    await peopleOn(session.slug, 2);
    const edit = await getPage(`/beheer/sessies/${session.id}/bewerken`, cookie);
    expect(edit.status).toBe(200);
    const fields = await sessionFields(session.city_id);
    const answer = await post({
      path: `/beheer/sessies/${session.id}/bewerken`,
      form: new URLSearchParams({ ...fields, capacity: "2" }),
      cookie,
    });
    expect(answer.location).toBe(`/beheer/sessies/${session.id}`);
    const page = await follow(answer);
    expect(page.text).toContain(
      t("sessionForm.result.saved", { reinvited: 1, promoted: 1, movedToWaitlist: 0 }),
    );
  });

  it("an edit of a cancelled session is a 409 that says why, and stores nothing", async () => {
    const session = await createSession({ status: "cancelled" });
    const before = await stored();
    const answer = await post({
      path: `/beheer/sessies/${session.id}/bewerken`,
      form: new URLSearchParams(await sessionFields(session.city_id)),
      cookie,
    });
    expect(answer.status).toBe(409);
    expect(answer.text).toContain(t("sessionForm.unavailable.cancelled"));
    expect(await stored()).toEqual(before);
  });
});

describe("times the clocks skip or pass twice", () => {
  let cityId = 0;
  beforeAll(async () => {
    cityId = (await createSession()).city_id;
  });
  const create = async (fields: Record<string, string>) =>
    post({
      path: "/beheer/sessies/nieuw",
      form: new URLSearchParams({ ...(await sessionFields(cityId)), ...fields }),
      cookie,
    });
  const inputOf = (body: string, name: string) =>
    new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(body)?.[0] ?? "";

  it("a start in the hour the clocks skip is refused at its field, saying why, and stores nothing", async () => {
    const before = await stored();
    const answer = await create({ date: "2027-03-28", startTime: "02:30", endTime: "04:00" });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(
      "Die tijd bestaat niet: op zondag 28 maart 2027 springt de klok van 02:00 naar 03:00.",
    );
    const input = inputOf(answer.body, "startTime");
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('value="02:30"');
    expect(inputOf(answer.body, "endTime")).not.toContain("aria-invalid");
    expect(await stored()).toEqual(before);
  });

  it("so is an end in it, and a registration window that opens or closes in it", async () => {
    const before = await stored();
    const answer = await create({
      date: "2027-03-28",
      startTime: "01:00",
      endTime: "02:15",
      registrationOpensAt: "2027-03-28T02:00",
    });
    expect(answer.status).toBe(400);
    for (const name of ["endTime", "registrationOpensAt"]) {
      expect(inputOf(answer.body, name), name).toContain('aria-invalid="true"');
    }
    const said = t("sessionForm.errors.time.skipped", {
      day: Date.parse("2027-03-28T12:00:00Z"),
      from: "02:00",
      to: "03:00",
    });
    expect(answer.text.split(said).length - 1).toBe(2);
    const closes = await create({ registrationClosesAt: "2026-03-29T02:45" });
    expect(closes.status).toBe(400);
    expect(closes.text).toContain("op zondag 29 maart 2026 springt de klok van 02:00 naar 03:00");
    expect(await stored()).toEqual(before);
  });

  it("a time the clocks pass twice is refused with why, and which times would do", async () => {
    const before = await stored();
    const answer = await create({ date: "2026-10-25", startTime: "02:15", endTime: "04:00" });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(
      "Die tijd bestaat twee keer: op zondag 25 oktober 2026 draait de klok om 03:00 terug naar 02:00. Kies een tijd voor 02:00 of vanaf 03:00.",
    );
    expect(inputOf(answer.body, "startTime")).toContain('aria-invalid="true"');
    expect(await stored()).toEqual(before);
  });

  it("the hours either side of a change are stored as typed", async () => {
    const answer = await create({ date: "2027-03-28", startTime: "01:30", endTime: "03:30" });
    expect(answer.status).toBe(302);
    const created = await db
      .selectFrom("sessions")
      .select(["starts_at", "ends_at"])
      .where("id", "=", Number(answer.location?.split("/").pop()))
      .executeTakeFirstOrThrow();
    // 01:30 winter time to 03:30 summer time: one hour, not two.
    expect(created).toEqual({
      starts_at: "2027-03-28T00:30:00.000Z",
      ends_at: "2027-03-28T01:30:00.000Z",
    });
  });
});

describe("the reminder switches", () => {
  const boxOf = (body: string, name: string) =>
    new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(body)?.[0] ?? "";
  const remindersOf = (id: number) =>
    db
      .selectFrom("sessions")
      .select(["remind_day_before", "remind_two_hours"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("are both ticked on a new session's form", async () => {
    const page = await getPage("/beheer/sessies/nieuw", cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain(t("sessionForm.remindDayBefore"));
    expect(page.text).toContain(t("sessionForm.remindTwoHours"));
    for (const name of ["remindDayBefore", "remindTwoHours"]) {
      expect(boxOf(page.body, name), name).toMatch(/type="checkbox"/);
      expect(boxOf(page.body, name), name).toMatch(/checked=""/);
    }
  });

  it("a box left empty turns its reminder off, when creating, editing and copying", async () => {
    const { city_id } = await createSession();
    const fields = await sessionFields(city_id);
    // A browser without JavaScript sends a ticked box as "on" and an empty one not at all.
    const created = await post({
      path: "/beheer/sessies/nieuw",
      form: new URLSearchParams({ ...fields, remindDayBefore: "on" }),
      cookie,
    });
    expect(created.status).toBe(302);
    const id = Number(created.location?.split("/").pop());
    expect(await remindersOf(id)).toEqual({ remind_day_before: 1, remind_two_hours: 0 });

    const edit = await getPage(`/beheer/sessies/${id}/bewerken`, cookie);
    expect(boxOf(edit.body, "remindDayBefore")).toMatch(/checked=""/);
    expect(boxOf(edit.body, "remindTwoHours")).not.toMatch(/checked/);
    const copy = await getPage(`/beheer/sessies/nieuw?kopie=${id}`, cookie);
    expect(boxOf(copy.body, "remindDayBefore")).toMatch(/checked=""/);
    expect(boxOf(copy.body, "remindTwoHours")).not.toMatch(/checked/);

    // Saving the edit form with both boxes empty turns both off.
    const saved = await post({
      path: `/beheer/sessies/${id}/bewerken`,
      form: new URLSearchParams(fields),
      cookie,
    });
    expect(saved.location).toBe(`/beheer/sessies/${id}`);
    expect(await remindersOf(id)).toEqual({ remind_day_before: 0, remind_two_hours: 0 });

    const again = await post({
      path: `/beheer/sessies/${id}/bewerken`,
      form: new URLSearchParams({ ...fields, remindTwoHours: "on" }),
      cookie,
    });
    expect(again.status).toBe(302);
    expect(await remindersOf(id)).toEqual({ remind_day_before: 0, remind_two_hours: 1 });
  });

  it("a form sent back with errors keeps an empty box empty, so sending it again keeps it off", async () => {
    const { city_id } = await createSession();
    const answer = await post({
      path: "/beheer/sessies/nieuw",
      form: new URLSearchParams({
        ...(await sessionFields(city_id)),
        title: "",
        remindTwoHours: "on",
      }),
      cookie,
    });
    expect(answer.status).toBe(400);
    expect(boxOf(answer.body, "remindDayBefore")).not.toMatch(/checked/);
    expect(boxOf(answer.body, "remindTwoHours")).toMatch(/checked=""/);
  });
});

describe("cancelling a session and messaging its attendees", () => {
  it("cancels once; a second time is a 409 that says it was cancelled already", async () => {
    const session = await createSession();
    await peopleOn(session.slug, 2);
    const path = `/beheer/sessies/${session.id}/annuleren`;
    const tooLong = await post({
      path,
      form: new URLSearchParams({ message: "x".repeat(1001) }),
      cookie,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain(t("sessionForm.errors.cancelMessage.tooLong", { max: 1000 }));

    const form = new URLSearchParams({ message: "De spreker is ziek." });
    const page = await follow(await post({ path, form, cookie }));
    expect(page.text).toContain(t("sessionForm.cancel.done", { notified: 2 }));
    const before = await stored();
    const again = await post({ path, form, cookie });
    expect(again.status).toBe(409);
    expect(again.text).toContain(t("sessionForm.cancel.refused.alreadyCancelled"));
    expect(await stored()).toEqual(before);
  });

  it("a message goes out and is said once; one too long names its limit and sends nothing", async () => {
    const session = await createSession({ capacity: 5 });
    await peopleOn(session.slug, 2);
    const path = `/beheer/sessies/${session.id}/bericht`;
    const before = await stored();
    const refused = await post({
      path,
      form: new URLSearchParams({ audience: "confirmed", subject: "s".repeat(151), body: "" }),
      cookie,
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(t("sessionForm.errors.subject.tooLong", { max: 150 }));
    expect(refused.text).toContain(t("sessionForm.errors.body.required"));
    expect(await stored()).toEqual(before);

    const sent = await post({
      path,
      form: new URLSearchParams({ audience: "confirmed", subject: "De zaal", body: "Zaal 2." }),
      cookie,
    });
    const page = await follow(sent);
    expect(page.text).toContain(t("sessionForm.message.sent", { count: 2 }));
  });
});

describe("a sign-in cookie of its own", () => {
  it("is what the tests above send", async () => {
    expect(cookieFrom(await send("/beheer", { cookie }))).not.toContain("oa_session=;");
  });
});
