import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { answerField } from "../app/lib/questions";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import {
  addQuestions,
  createSession,
  outboxFor,
  person,
  question,
  registrationsOf,
} from "./support/factories";
import { asHtml } from "./support/form-page";
import { cookieFrom, send } from "./support/http";
import { signedInForCity } from "./support/organisers";
import { manageTokenOf } from "./support/tokens";

/**
 * Colleagues in one sign-up, through the public form of the built app: every person gets a
 * registration, a manage link and an invite of their own; seats go to all of them at once, or
 * (as the person chose) the seats left with the rest waiting; a group that asked to come together
 * leaves the waiting list together; the form refuses what it cannot take before anything is
 * stored; and a rush of groups never overbooks, splits a group against its choice or mails
 * anyone twice.
 */

const { db } = database();
const { t } = i18n(DEFAULT_LOCALE);

/** The public form as a browser posts it: the person, then each colleague's block. */
function signUpForm(
  n: number,
  colleagues: Record<string, string>[] = [],
  extra: Record<string, string> = {},
) {
  const form: Record<string, string> = {
    name: person(n).name,
    email: person(n).email,
    organisation: "Bakkerij Peeters",
    consent: "on",
    ...extra,
  };
  for (const [index, colleague] of colleagues.entries()) {
    for (const [field, value] of Object.entries(colleague)) {
      form[`colleague${index + 1}.${field}`] = value;
    }
  }
  return form;
}

const colleague = (n: number, extra: Record<string, string> = {}) => ({
  name: person(n).name,
  email: person(n).email,
  ...extra,
});

async function post(slug: string, form: Record<string, string>) {
  return send(`/sessies/${slug}`, { form });
}

async function outboxCount(sessionId: number) {
  const row = await db
    .selectFrom("outbox")
    .innerJoin("registrations", "registrations.id", "outbox.registration_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("registrations.session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("a sign-up that brings colleagues", () => {
  it("gives each person a registration, a manage link and an invite of their own, under the person's organisation", async () => {
    const session = await createSession({ capacity: 10, max_group_size: 3 });
    const [sector, dietary] = await addQuestions(session.id, [
      question("oneChoice", "Sector", {
        perPerson: false,
        required: true,
        choices: [
          { key: "bakker", nl: "Bakker", fr: null, en: null },
          { key: "slager", nl: "Slager", fr: null, en: null },
        ],
      }),
      question("shortText", "Voedingswensen", { perPerson: true }),
    ]);
    const page = await (await send(`/sessies/${session.slug}`)).text();
    expect(page).toContain(asHtml(t("group.bring")));
    expect(page).toContain(asHtml(t("group.colleagueEmail", { number: 2 })));
    expect(page).not.toContain(asHtml(t("group.colleagueEmail", { number: 3 })));

    const answer = await post(
      session.slug,
      signUpForm(
        1,
        [
          colleague(2, { [answerField(dietary ?? 0)]: "Veganistisch" }),
          colleague(3, { [answerField(sector ?? 0)]: "slager" }),
        ],
        { [answerField(sector ?? 0)]: "bakker", [answerField(dietary ?? 0)]: "Geen" },
      ),
    );
    expect(answer.status).toBe(302);
    const thanks = await (
      await send(answer.headers.get("Location") ?? "", { cookie: cookieFrom(answer) })
    ).text();
    for (const n of [1, 2, 3]) expect(thanks).toContain(person(n).email);

    const registrations = await registrationsOf(session.id);
    expect(registrations.map((r) => [r.email, r.status, r.organisation])).toEqual([
      [person(1).email, "confirmed", "Bakkerij Peeters"],
      [person(2).email, "confirmed", "Bakkerij Peeters"],
      [person(3).email, "confirmed", "Bakkerij Peeters"],
    ]);
    const groupIds = new Set(registrations.map((r) => r.group_id));
    expect(groupIds.size).toBe(1);
    expect([...groupIds][0]).toEqual(expect.any(String));
    // Only the person signing up said yes or no to news; a colleague is never signed up for it.
    expect(registrations.every((r) => r.news_opt_in_at === null)).toBe(true);

    // The sector is asked once and holds for everyone; each answers the dietary question alone
    // (a colleague's own block cannot change the answer asked once).
    const answers = await db
      .selectFrom("registration_answers")
      .select(["registration_id", "question_id", "value"])
      .where(
        "registration_id",
        "in",
        registrations.map((r) => r.id),
      )
      .orderBy("registration_id")
      .orderBy("question_id")
      .execute();
    const [a, b, c] = registrations.map((r) => r.id);
    expect(answers).toEqual([
      { registration_id: a, question_id: sector, value: "bakker" },
      { registration_id: a, question_id: dietary, value: "Geen" },
      { registration_id: b, question_id: sector, value: "bakker" },
      { registration_id: b, question_id: dietary, value: "Veganistisch" },
      { registration_id: c, question_id: sector, value: "bakker" },
    ]);

    // One confirmation each, with an invite to that person and a manage link of their own.
    const tokens = new Set<string>();
    for (const n of [1, 2, 3]) {
      const mails = await outboxFor(session.id, person(n).email);
      expect(mails.map((mail) => mail.kind)).toEqual(["registration.confirmed"]);
      expect(mails[0]?.ics).toContain(`mailto:${person(n).email}`);
      tokens.add(/\/inschrijving\/([\w-]+)/.exec(mails[0]?.text ?? "")?.[1] ?? "");
    }
    expect(tokens.size).toBe(3);
    expect(tokens.has("")).toBe(false);

    // The attendee page says who came together.
    const organiser = await signedInForCity(session.city_id);
    const workspace = await (
      await send(`/beheer/sessies/${session.id}`, { cookie: organiser })
    ).text();
    expect(workspace).toContain(
      asHtml(t("attendees.group", { names: `${person(2).name} en ${person(3).name}` })),
    );
  });

  it("puts the whole group on the waiting list when it chose to come together and seats run short", async () => {
    const session = await createSession({ capacity: 2, max_group_size: 3 });
    const answer = await post(session.slug, signUpForm(1, [colleague(2), colleague(3)]));
    expect(answer.status).toBe(302);
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "waitlisted",
      "waitlisted",
      "waitlisted",
    ]);
    for (const n of [1, 2, 3]) {
      const mails = await outboxFor(session.id, person(n).email);
      expect(mails.map((mail) => mail.kind)).toEqual(["registration.waitlisted"]);
    }
  });

  it("gives the seats left to the first of the group and the rest a place on the waiting list when it chose so", async () => {
    const session = await createSession({ capacity: 2, max_group_size: 3 });
    const answer = await post(
      session.slug,
      signUpForm(1, [colleague(2), colleague(3)], { together: "split" }),
    );
    expect(answer.status).toBe(302);
    expect((await registrationsOf(session.id)).map((r) => [r.email, r.status])).toEqual([
      [person(1).email, "confirmed"],
      [person(2).email, "confirmed"],
      [person(3).email, "waitlisted"],
    ]);
  });

  it("lets a group that waits together leave the waiting list together, and the people behind it take a seat it does not fit", async () => {
    const session = await createSession({ capacity: 3, max_group_size: 3 });
    for (const n of [1, 2, 3]) expect((await post(session.slug, signUpForm(n))).status).toBe(302);
    expect((await post(session.slug, signUpForm(4, [colleague(5)]))).status).toBe(302);
    expect((await post(session.slug, signUpForm(6))).status).toBe(302);
    const statusOf = async () =>
      Object.fromEntries(
        (await registrationsOf(session.id)).map((r) => [r.email.replace(/@.*/, ""), r.status]),
      );
    expect(await statusOf()).toMatchObject({
      deelnemer4: "waitlisted",
      deelnemer5: "waitlisted",
      deelnemer6: "waitlisted",
    });

    const tokenOf = async (n: number) =>
      manageTokenOf(
        (await registrationsOf(session.id)).find((r) => r.email === person(n).email)?.id,
      );
    // One seat frees: the pair does not fit, the person behind them does.
    expect(await cancelRegistration(await tokenOf(1))).toMatchObject({ ok: true, promoted: 1 });
    expect(await statusOf()).toMatchObject({
      deelnemer4: "waitlisted",
      deelnemer5: "waitlisted",
      deelnemer6: "confirmed",
    });
    // One more frees: still one seat, still no room for two.
    expect(await cancelRegistration(await tokenOf(2))).toMatchObject({ ok: true, promoted: 0 });
    // The third: two seats, and the pair takes both.
    expect(await cancelRegistration(await tokenOf(3))).toMatchObject({ ok: true, promoted: 2 });
    expect(await statusOf()).toMatchObject({ deelnemer4: "confirmed", deelnemer5: "confirmed" });
    for (const n of [4, 5]) {
      const kinds = (await outboxFor(session.id, person(n).email)).map((mail) => mail.kind);
      expect(kinds).toEqual(["registration.waitlisted", "registration.promoted"]);
    }
  });

  it("mails a colleague who already has a seat their link again instead of a second seat", async () => {
    const session = await createSession({ capacity: 10, max_group_size: 3 });
    expect((await post(session.slug, signUpForm(2))).status).toBe(302);
    expect((await post(session.slug, signUpForm(1, [colleague(2)]))).status).toBe(302);
    const registrations = await registrationsOf(session.id);
    expect(registrations.map((r) => r.email)).toEqual([person(2).email, person(1).email]);
    // Alone in its sign-up, the new registration belongs to no group.
    expect(registrations[1]?.group_id).toBeNull();
    const kinds = (await outboxFor(session.id, person(2).email)).map((mail) => mail.kind);
    expect(kinds).toEqual(["registration.confirmed", "registration.reminder"]);
  });

  it("takes no colleagues where the session takes one person per sign-up, and no more than it takes", async () => {
    const single = await createSession({ capacity: 10 });
    const page = await (await send(`/sessies/${single.slug}`)).text();
    expect(page).not.toContain(asHtml(t("group.bring")));
    expect((await post(single.slug, signUpForm(1, [colleague(2)]))).status).toBe(302);
    expect((await registrationsOf(single.id)).map((r) => r.email)).toEqual([person(1).email]);

    const pair = await createSession({ capacity: 10, max_group_size: 2 });
    expect((await post(pair.slug, signUpForm(1, [colleague(2), colleague(3)]))).status).toBe(302);
    expect((await registrationsOf(pair.id)).map((r) => r.email)).toEqual([
      person(1).email,
      person(2).email,
    ]);
  });

  it("takes an address named twice in one sign-up as one person, whoever calls the model", async () => {
    const session = await createSession({ capacity: 10, max_group_size: 3 });
    const result = await signUp(session.slug, person(1), {
      locale: "nl-BE",
      colleagues: { people: [person(1, { email: person(1).email.toUpperCase() })], together: true },
    });
    expect(result).toEqual({ ok: true });
    expect((await registrationsOf(session.id)).map((r) => r.email)).toEqual([person(1).email]);
  });

  describe("refuses, at the field and before anything is stored or mailed,", () => {
    async function expectRefused(
      overrides: Parameters<typeof createSession>[0],
      form: Record<string, string>,
      message: string,
    ) {
      const session = await createSession({ capacity: 10, max_group_size: 3, ...overrides });
      const answer = await post(session.slug, form);
      expect(answer.status).toBe(400);
      const html = await answer.text();
      expect(html).toContain(asHtml(message));
      // What was typed is put back, and the disclosure is open on it.
      expect(html).toMatch(/<details class="colleagues" open/);
      expect(await registrationsOf(session.id)).toEqual([]);
      expect(await outboxCount(session.id)).toBe(0);
    }

    it("a colleague without an address", async () => {
      await expectRefused(
        {},
        signUpForm(1, [{ name: "Jan Peeters" }]),
        t("errors.colleague.emailRequired"),
      );
    });

    it("a colleague without a name", async () => {
      await expectRefused(
        {},
        signUpForm(1, [{ email: "jan@example.org" }]),
        t("errors.name.required"),
      );
    });

    it("an address given twice", async () => {
      await expectRefused(
        {},
        signUpForm(1, [colleague(2), { name: "Nog eens", email: person(1).email.toUpperCase() }]),
        t("errors.colleague.sameEmail"),
      );
    });

    it("a colleague's address of a domain the session does not take", async () => {
      await expectRefused(
        { email_domains: "example.org" },
        signUpForm(1, [{ name: "Jan Peeters", email: "jan@gmail.com" }]),
        t("errors.email.domain", { domains: "example.org" }),
      );
    });

    it("a colleague's required answer left open", async () => {
      const session = await createSession({ capacity: 10, max_group_size: 3 });
      const [member] = await addQuestions(session.id, [
        question("mustTick", "Ik ben lid van Voka", { perPerson: true }),
      ]);
      const field = answerField(member ?? 0);
      const answer = await post(session.slug, signUpForm(1, [colleague(2)], { [field]: "on" }));
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain(asHtml(t("errors.question.mustTick")));
      expect(await registrationsOf(session.id)).toEqual([]);

      const ticked = await post(
        session.slug,
        signUpForm(1, [colleague(2, { [field]: "on" })], { [field]: "on" }),
      );
      expect(ticked.status).toBe(302);
      expect(await registrationsOf(session.id)).toHaveLength(2);
    });
  });
});

describe("a rush of group sign-ups", () => {
  it("fills 100 seats exactly from 500 sign-ups of 1 to 3 people, mails every person once and splits no group against its choice", async () => {
    const session = await createSession({ capacity: 100, max_group_size: 3 });
    const sizes = Array.from({ length: 500 }, (_, i) => (i * 7) % 3);
    let n = 10_000;
    const results = await Promise.all(
      sizes.map((extra, i) => {
        const first = person(n++);
        const people = Array.from({ length: extra }, () => person(n++));
        return signUp(session.slug, first, {
          locale: "nl-BE",
          colleagues: { people, together: i % 2 === 0 },
        });
      }),
    );
    expect(results.every((result) => result.ok)).toBe(true);

    const registrations = await registrationsOf(session.id);
    const people = sizes.reduce((sum, extra) => sum + extra + 1, 0);
    expect(registrations).toHaveLength(people);
    expect(registrations.filter((r) => r.status === "confirmed")).toHaveLength(100);

    // Every person once in the outbox: a confirmation or a waiting-list place.
    const mails = await db
      .selectFrom("outbox")
      .innerJoin("registrations", "registrations.id", "outbox.registration_id")
      .select(["outbox.registration_id", "outbox.kind"])
      .where("registrations.session_id", "=", session.id)
      .execute();
    expect(mails).toHaveLength(people);
    expect(new Set(mails.map((mail) => mail.registration_id)).size).toBe(people);
    const statusById = new Map(registrations.map((r) => [r.id, r.status]));
    for (const mail of mails) {
      expect(mail.kind).toBe(
        statusById.get(mail.registration_id ?? 0) === "confirmed"
          ? "registration.confirmed"
          : "registration.waitlisted",
      );
    }

    // A group that chose to come together has one status; one that chose to split has its
    // seats first, in the order it was given.
    const groups = new Map<string, typeof registrations>();
    for (const r of registrations) {
      if (r.group_id) groups.set(r.group_id, [...(groups.get(r.group_id) ?? []), r]);
    }
    expect(groups.size).toBe(sizes.filter((extra) => extra > 0).length);
    for (const members of groups.values()) {
      const statuses = members.map((r) => r.status);
      if (members[0]?.group_together === 1) expect(new Set(statuses).size).toBe(1);
      else expect(statuses).toEqual([...statuses].sort());
    }
  });
});
