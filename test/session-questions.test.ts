import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { dietaryQuestion } from "../app/lib/questions";
import { listQuestions } from "../app/models/question.server";
import { database } from "../db/client";
import { addQuestions, createSession, question, registrationsOf } from "./support/factories";
import { asHtml, expectFieldError, expectNoticeOnce, formFields } from "./support/form-page";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";
import { manageTokenOf } from "./support/tokens";

/**
 * A session's own questions over HTTP against the built app (`npx remix build` first): an
 * organiser defines them (every type, every refusal), a visitor answers them (every refusal),
 * and the answers show on the attendee page, in the CSV and XLSX, in the person's own download,
 * in the message filter and in the API, never in the API's answers.
 */

const { t } = i18n(DEFAULT_LOCALE);
const { db } = database();

let counter = 0;
const unique = () => `${++counter}-${process.pid}`;

/** A session in a city of its own, and the cookie of an organiser of that city. */
async function sessionWithOrganiser(overrides: Parameters<typeof createSession>[0] = {}) {
  const session = await createSession(overrides);
  const city = await db
    .selectFrom("cities")
    .select("slug")
    .where("id", "=", session.city_id)
    .executeTakeFirstOrThrow();
  const cookie = await signedIn("organiser", { citySlugs: [city.slug] });
  return { session, cookie, citySlug: city.slug };
}

const page = (sessionId: number) => `/beheer/sessies/${sessionId}/vragen`;

/** Posts the question form as a browser does from `?nieuw=<type>` or `?bewerk=<id>`. */
function postQuestion(
  sessionId: number,
  cookie: string,
  fields: Record<string, string>,
  query: string,
) {
  return send(`${page(sessionId)}?${query}`, { form: fields, cookie });
}

const addQuestion = (
  sessionId: number,
  cookie: string,
  type: string,
  fields: Record<string, string>,
) => postQuestion(sessionId, cookie, { intent: "add", type, ...fields }, `nieuw=${type}`);

/** The choices' form fields: `choices[0].nl`, … in this order. */
const choiceFields = (labels: string[], keys: string[] = []) =>
  Object.fromEntries(
    labels.flatMap((label, index) => [
      [`choices[${index}].nl`, label],
      [`choices[${index}].key`, keys[index] ?? ""],
    ]),
  );

const storedQuestions = () =>
  db.selectFrom("session_questions").selectAll().orderBy("id").execute();
const storedAnswers = () =>
  db
    .selectFrom("registration_answers")
    .selectAll()
    .orderBy("registration_id")
    .orderBy("question_id")
    .execute();

/** The seven questions of the e-invoicing session, as an organiser types them in. */
const EVERY_TYPE: [string, Record<string, string>, string][] = [
  [
    "shortText",
    { labelNl: "Welke richting studeer je?", labelEn: "What do you study?", maxLength: "60" },
    "Welke richting studeer je?",
  ],
  ["longText", { labelNl: "Voedingswensen of allergieën" }, "Voedingswensen of allergieën"],
  [
    "oneChoice",
    {
      labelNl: "Welk boekhoudpakket gebruik je?",
      labelFr: "Quel logiciel comptable utilisez-vous ?",
      helpNl: "Zo tonen we de stappen in jouw pakket.",
      required: "on",
      display: "select",
      ...choiceFields(["Exact Online", "Octopus", "Yuki", "Andere"]),
    },
    "Welk boekhoudpakket gebruik je?",
  ],
  [
    "severalChoices",
    {
      labelNl: "Wat wil je zeker horen?",
      ...choiceFields(["Peppol", "Btw", ""]),
    },
    "Wat wil je zeker horen?",
  ],
  [
    "yesNo",
    { labelNl: "Kom je met een rolstoel?", required: "on", perPerson: "on" },
    "Kom je met een rolstoel?",
  ],
  [
    "number",
    { labelNl: "Hoeveel werknemers heb je?", min: "0", max: "250" },
    "Hoeveel werknemers heb je?",
  ],
  [
    "mustTick",
    { labelNl: "Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant" },
    "Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant",
  ],
];

/** A session that asks one question of every type, made through the editor. */
async function sessionAskingEverything() {
  const made = await sessionWithOrganiser({ kind: "info", capacity: 2 });
  for (const [type, fields, label] of EVERY_TYPE) {
    const answer = await addQuestion(made.session.id, made.cookie, type, fields);
    await expectNoticeOnce(answer, `Vraag ‘${label}’ toegevoegd.`, made.cookie);
  }
  const questions = await listQuestions(made.session.id);
  const id = (type: string) => questions.find((q) => q.type === type)?.id ?? 0;
  const field = (type: string) => `q${id(type)}`;
  return { ...made, questions, id, field };
}

/** A sign-up that answers every question well; change what a test needs. */
function goodAnswers(field: (type: string) => string, n: string) {
  return {
    name: `Deelnemer ${n}`,
    email: `deelnemer-${n}@example.org`,
    consent: "on",
    [field("shortText")]: "Handelswetenschappen",
    [field("longText")]: "Vegetarisch\nzonder noten",
    [field("oneChoice")]: "yuki",
    [field("yesNo")]: "no",
    [field("number")]: "12",
    [field("mustTick")]: "on",
  };
}

describe("defining questions", () => {
  it("adds one of every type through the form, each said once and kept as typed", async () => {
    const { session, cookie, questions } = await sessionAskingEverything();
    expect(questions.map((q) => [q.type, q.label.nl, q.required])).toEqual([
      ["shortText", "Welke richting studeer je?", false],
      ["longText", "Voedingswensen of allergieën", false],
      ["oneChoice", "Welk boekhoudpakket gebruik je?", true],
      ["severalChoices", "Wat wil je zeker horen?", false],
      ["yesNo", "Kom je met een rolstoel?", true],
      ["number", "Hoeveel werknemers heb je?", false],
      // A box that must be ticked is always required.
      ["mustTick", "Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant", true],
    ]);
    const [short, , choice, several, yesNo, number] = questions;
    expect(short).toMatchObject({ maxLength: 60, label: { en: "What do you study?", fr: null } });
    expect(choice).toMatchObject({
      display: "select",
      help: { nl: "Zo tonen we de stappen in jouw pakket." },
      label: { fr: "Quel logiciel comptable utilisez-vous ?" },
    });
    // Keys made from the Dutch labels; an empty row is no choice.
    expect(choice?.choices.map((c) => c.key)).toEqual([
      "exact-online",
      "octopus",
      "yuki",
      "andere",
    ]);
    expect(several?.choices.map((c) => c.key)).toEqual(["peppol", "btw"]);
    expect(yesNo?.perPerson).toBe(true);
    expect(number).toMatchObject({ min: 0, max: 250 });

    // The list says them in order, with their buttons.
    const html = await (await send(page(session.id), { cookie })).text();
    const at = (text: string) => html.indexOf(asHtml(text));
    expect(at("Welke richting studeer je?")).toBeLessThan(at("Hoeveel werknemers heb je?"));
    expect(html).toContain(asHtml("Vraag ‘Kom je met een rolstoel?’ een plaats hoger"));

    // Each change is in the log, by the question's label.
    const admin = await signedIn("admin");
    const log = await (await send("/beheer/logboek", { cookie: admin })).text();
    expect(log).toContain(
      asHtml(`Vraag ‘Kom je met een rolstoel?’ toegevoegd aan ‘${session.title}’.`),
    );
  });

  it("refuses a question that is not whole, says why at the field and stores nothing", async () => {
    const { session, cookie } = await sessionWithOrganiser();
    const before = await storedQuestions();
    const cases: [string, Record<string, string>, string, string][] = [
      ["yesNo", { labelNl: "" }, "labelNl", t("questionForm.errors.label.required")],
      [
        "yesNo",
        { labelNl: "x".repeat(201) },
        "labelNl",
        t("questionForm.errors.label.tooLong", { max: 200 }),
      ],
      [
        "yesNo",
        { labelNl: "Rolstoel?", helpFr: "y".repeat(501) },
        "helpFr",
        t("questionForm.errors.help.tooLong", { max: 500 }),
      ],
      [
        "oneChoice",
        { labelNl: "Pakket?", ...choiceFields(["Exact Online", "exact online"]) },
        "choices[1].nl",
        t("questionForm.errors.choice.twice"),
      ],
      [
        "oneChoice",
        { labelNl: "Pakket?", ...choiceFields(["Exact Online", ""]), "choices[1].fr": "Autre" },
        "choices[1].nl",
        t("questionForm.errors.choice.dutchMissing"),
      ],
      [
        "number",
        { labelNl: "Werknemers?", min: "10", max: "5" },
        "max",
        t("questionForm.errors.number.order"),
      ],
      [
        "number",
        { labelNl: "Werknemers?", min: "1e3" },
        "min",
        t("questionForm.errors.number.range", { min: -999_999_999, max: 999_999_999 }),
      ],
      [
        "shortText",
        { labelNl: "Richting?", maxLength: "501" },
        "maxLength",
        t("questionForm.errors.maxLength.range", { min: 1, max: 500 }),
      ],
    ];
    for (const [type, fields, field, message] of cases) {
      const answer = await addQuestion(session.id, cookie, type, fields);
      expect(answer.status, `${type} ${field}`).toBe(400);
      const html = await answer.text();
      expectFieldError(html, field.replace(/[[\].]/g, "\\$&"), message);
      expect(html).toContain(t("questionForm.errors.form"));
    }
    // Too few choices is the list's own error.
    const few = await addQuestion(session.id, cookie, "oneChoice", {
      labelNl: "Pakket?",
      ...choiceFields(["Exact Online"]),
    });
    expect(few.status).toBe(400);
    expect(await few.text()).toContain(asHtml(t("questionForm.errors.choices.tooFew", { min: 2 })));
    // A type the editor does not have.
    const odd = await send(page(session.id), {
      form: { intent: "add", type: "essay", labelNl: "Schrijf een opstel" },
      cookie,
    });
    expect(odd.status).toBe(400);
    expect(await odd.text()).toContain(t("questionForm.errors.type.invalid"));
    expect((await send(`${page(session.id)}?nieuw=essay`, { cookie })).status).toBe(404);
    expect(await storedQuestions()).toEqual(before);
  });

  it("keeps every choice's key through renames, moves and removals, and refuses a key it never gave", async () => {
    const { session, cookie, id, field } = await sessionAskingEverything();
    const signedUp = await send(`/sessies/${session.slug}`, {
      form: { ...goodAnswers(field, unique()), [field("oneChoice")]: "octopus" },
    });
    expect(signedUp.status).toBe(302);

    // Without JavaScript, "another choice" posts the form and gets it back with one more row,
    // a new question's form as well as one being edited.
    const fresh = new URLSearchParams({
      intent: "add",
      type: "oneChoice",
      labelNl: "Welk pakket?",
      ...choiceFields(["Exact Online", "Octopus", "Yuki"]),
      __intent__: JSON.stringify({ type: "insert", payload: { name: "choices" } }),
    });
    const grown = await send(`${page(session.id)}?nieuw=oneChoice`, { form: fresh, cookie });
    expect(grown.status).toBe(200);
    const grownHtml = await grown.text();
    expect(grownHtml).toContain('name="choices[3].nl"');
    expect(grownHtml).toContain('value="Welk pakket?"');
    const edit = `bewerk=${id("oneChoice")}`;
    const form = formFields(
      await (await send(`${page(session.id)}?${edit}`, { cookie })).text(),
      "question",
    );
    expect(form.get("choices[3].nl")).toBe("Andere");
    form.set("__intent__", JSON.stringify({ type: "insert", payload: { name: "choices" } }));
    const unchanged = await storedQuestions();
    const more = await send(`${page(session.id)}?${edit}`, { form, cookie });
    expect(more.status).toBe(200);
    const moreHtml = await more.text();
    expect(moreHtml).toContain('name="choices[4].nl"');
    expect(await storedQuestions()).toEqual(unchanged);

    // Yuki renamed, Andere first, Octopus dropped, a new one added.
    const save = await postQuestion(
      session.id,
      cookie,
      {
        intent: "update",
        questionId: String(id("oneChoice")),
        labelNl: "Welk boekhoudpakket gebruik je vandaag?",
        required: "on",
        display: "radio",
        ...choiceFields(
          ["Andere", "Exact Online", "Yuki (Visma)", "WinBooks"],
          ["andere", "exact-online", "yuki", ""],
        ),
      },
      edit,
    );
    await expectNoticeOnce(
      save,
      "Vraag ‘Welk boekhoudpakket gebruik je vandaag?’ opgeslagen.",
      cookie,
    );
    const [changed] = (await listQuestions(session.id)).filter((q) => q.type === "oneChoice");
    expect(changed?.choices).toEqual([
      { key: "andere", nl: "Andere", fr: null, en: null },
      { key: "exact-online", nl: "Exact Online", fr: null, en: null },
      { key: "yuki", nl: "Yuki (Visma)", fr: null, en: null },
      { key: "winbooks", nl: "WinBooks", fr: null, en: null },
      { key: "octopus", nl: "Octopus", fr: null, en: null, removed: true },
    ]);
    // The dropped choice is no longer offered, and what was answered still reads.
    const signUpPage = await (await send(`/sessies/${session.slug}`)).text();
    expect(signUpPage).not.toContain(">Octopus<");
    const list = await (await send(`/beheer/sessies/${session.id}`, { cookie })).text();
    expect(list).toContain("<dd>Octopus</dd>");

    // A key the question never had is a crafted form.
    const before = await storedQuestions();
    const crafted = await postQuestion(
      session.id,
      cookie,
      {
        intent: "update",
        questionId: String(id("oneChoice")),
        labelNl: "Pakket?",
        ...choiceFields(["Exact Online", "Vreemd"], ["exact-online", "vreemd"]),
      },
      edit,
    );
    expect(crafted.status).toBe(400);
    expect(await crafted.text()).toContain(t("edge.badRequest.body"));
    expect(await storedQuestions()).toEqual(before);
  });

  it("moves questions up and down, refuses a move past either end, and removes one keeping its answers", async () => {
    const { session, cookie, questions, field } = await sessionAskingEverything();
    const [first, second] = questions;
    const refused = await send(page(session.id), {
      form: { intent: "up", questionId: String(first?.id) },
      cookie,
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(
      asHtml("‘Welke richting studeer je?’ is al de eerste vraag."),
    );
    const down = await send(page(session.id), {
      form: { intent: "down", questionId: String(first?.id) },
      cookie,
    });
    await expectNoticeOnce(
      down,
      "Vraag ‘Welke richting studeer je?’ staat nu op plaats 2.",
      cookie,
    );
    expect((await listQuestions(session.id)).slice(0, 2).map((q) => q.id)).toEqual([
      second?.id,
      first?.id,
    ]);

    const n = unique();
    expect((await send(`/sessies/${session.slug}`, { form: goodAnswers(field, n) })).status).toBe(
      302,
    );
    const removed = await send(page(session.id), {
      form: { intent: "remove", questionId: String(first?.id) },
      cookie,
    });
    await expectNoticeOnce(removed, "Vraag ‘Welke richting studeer je?’ verwijderd.", cookie);
    // No longer asked; still in the list and the export with what was answered.
    expect((await listQuestions(session.id)).map((q) => q.id)).not.toContain(first?.id);
    const form = await (await send(`/sessies/${session.slug}`)).text();
    expect(form).not.toContain("Welke richting studeer je?");
    const csv = await (
      await send(`/beheer/sessies/${session.id}/export?formaat=csv`, { cookie })
    ).text();
    expect(csv).toContain("Welke richting studeer je?");
    expect(csv).toContain("Handelswetenschappen");
    // Another organiser's city: the page and its buttons are not there.
    const stranger = await signedIn("organiser", { citySlugs: [] });
    expect((await send(page(session.id), { cookie: stranger })).status).toBe(404);
    const foreign = await send(page(session.id), {
      form: { intent: "remove", questionId: String(second?.id) },
      cookie: stranger,
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses more than 25 questions", async () => {
    const { session, cookie } = await sessionWithOrganiser();
    await addQuestions(
      session.id,
      Array.from({ length: 25 }, (_, i) => question("shortText", `Vraag ${i + 1}`)),
    );
    const answer = await addQuestion(session.id, cookie, "yesNo", { labelNl: "Nog één?" });
    expect(answer.status).toBe(409);
    expect(await answer.text()).toContain(t("questions.refused.tooMany", { max: 25 }));
  });

  it("copies another session's questions, within the organiser's scope only", async () => {
    const { session: source, cookie } = await sessionWithOrganiser();
    await addQuestions(source.id, [
      dietaryQuestion(),
      question("yesNo", "Kom je met een rolstoel?"),
    ]);
    const target = await createSession();
    await db
      .updateTable("sessions")
      .set({ city_id: source.city_id })
      .where("id", "=", target.id)
      .execute();
    const outside = await createSession();
    await addQuestions(outside.id, [question("yesNo", "Buiten bereik?")]);

    const html = await (await send(page(target.id), { cookie })).text();
    expect(html).toContain(source.title);
    expect(html).not.toContain(`value="${outside.id}"`);
    const refused = await send(page(target.id), {
      form: { intent: "copy", fromSessionId: String(outside.id) },
      cookie,
    });
    expect(refused.status).toBe(400);
    expectFieldError(
      await refused.text(),
      "fromSessionId",
      t("questionForm.errors.copyFrom.required"),
    );
    const copied = await send(page(target.id), {
      form: { intent: "copy", fromSessionId: String(source.id) },
      cookie,
    });
    await expectNoticeOnce(copied, "2 vragen overgenomen.", cookie);
    expect((await listQuestions(target.id)).map((q) => q.label.nl)).toEqual([
      "Voedingswensen of allergieën",
      "Kom je met een rolstoel?",
    ]);
  });
});

describe("a new session's questions", () => {
  /** The new-session form as the page fills it in, completed. */
  async function newSessionForm(cookie: string, query = "") {
    const html = await (await send(`/beheer/sessies/nieuw${query}`, { cookie })).text();
    const form = formFields(html, "session-create");
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    if (!query) {
      form.set("title", `Ontbijt ${unique()}`);
      form.set("summary", "Een ontbijt voor ondernemers");
      form.set("venueName", "Stadhuis");
      form.set("venueAddress", "Grote Markt 9, 3000 Leuven");
      form.set("date", day);
      form.set("startTime", "07:30");
      form.set("endTime", "09:00");
    }
    return { form, html };
  }
  const newest = async () =>
    db
      .selectFrom("sessions")
      .select(["id", "kind"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();

  it("starts a breakfast with the dietary question, anything else with none, a copy with the copied session's", async () => {
    const { session: source, cookie } = await sessionWithOrganiser({ kind: "forum" });
    await addQuestions(source.id, [question("yesNo", "Heb je al een team?")]);

    const breakfast = await newSessionForm(cookie);
    breakfast.form.set("kind", "breakfast");
    expect((await send("/beheer/sessies/nieuw", { form: breakfast.form, cookie })).status).toBe(
      302,
    );
    expect((await listQuestions((await newest()).id)).map((q) => q.label.nl)).toEqual([
      "Voedingswensen of allergieën",
    ]);

    const info = await newSessionForm(cookie);
    info.form.set("kind", "info");
    expect((await send("/beheer/sessies/nieuw", { form: info.form, cookie })).status).toBe(302);
    expect(await listQuestions((await newest()).id)).toEqual([]);

    // A copy starts out taking the questions of the session it copies.
    const copy = await newSessionForm(cookie, `?kopie=${source.id}`);
    expect(copy.form.get("copyQuestionsFrom")).toBe(String(source.id));
    expect((await send("/beheer/sessies/nieuw", { form: copy.form, cookie })).status).toBe(302);
    const copied = await newest();
    expect(copied.kind).toBe("forum");
    expect((await listQuestions(copied.id)).map((q) => q.label.nl)).toEqual([
      "Heb je al een team?",
    ]);

    // A session outside the organiser's scope is no source.
    const outside = await createSession();
    await addQuestions(outside.id, [question("yesNo", "Buiten bereik?")]);
    const sneaky = await newSessionForm(cookie);
    sneaky.form.set("copyQuestionsFrom", String(outside.id));
    const refused = await send("/beheer/sessies/nieuw", { form: sneaky.form, cookie });
    expect(refused.status).toBe(400);
    expectFieldError(
      await refused.text(),
      "copyQuestionsFrom",
      t("questionForm.errors.copyFrom.required"),
    );
  });
});

describe("answering at sign-up", () => {
  it("shows every question in the visitor's language, choices as a fieldset with its legend", async () => {
    const { session, field } = await sessionAskingEverything();
    const html = await (await send(`/sessies/${session.slug}`)).text();
    expect(html).toContain(`<legend>${asHtml("Wat wil je zeker horen? (optioneel)")}</legend>`);
    expect(html).toContain(`<legend>${asHtml("Kom je met een rolstoel?")}</legend>`);
    expect(html).toMatch(new RegExp(`<select[^>]*name="${field("oneChoice")}"`));
    expect(html).toMatch(
      new RegExp(
        `<input[^>]*type="number"[^>]*name="${field("number")}"|<input[^>]*name="${field("number")}"[^>]*type="number"`,
      ),
    );
    expect(html).toContain("Een getal van 0 tot 250.");
    const french = await (await send(`/fr/sessies/${session.slug}`)).text();
    expect(french).toContain(asHtml("Quel logiciel comptable utilisez-vous ?"));
    // No French label: the Dutch one.
    expect(french).toContain(asHtml("Kom je met een rolstoel?"));
    const english = await (await send(`/en/sessies/${session.slug}`)).text();
    expect(english).toContain(asHtml("What do you study? (optional)"));
  });

  it("refuses each wrong answer with 400 and the message at its field, and stores nothing", async () => {
    const { session, field } = await sessionAskingEverything();
    const cases: [string, string | string[], string][] = [
      [field("shortText"), "x".repeat(61), t("errors.question.tooLong", { max: 60 })],
      [field("oneChoice"), "", t("errors.question.choose")],
      [field("oneChoice"), "winbooks", t("errors.question.notOffered")],
      [field("severalChoices"), ["peppol", "boekhouding"], t("errors.question.notOffered")],
      [field("yesNo"), "", t("errors.question.choose")],
      [field("yesNo"), "misschien", t("errors.question.notOffered")],
      [field("number"), "251", t("errors.question.numberBetween", { min: 0, max: 250 })],
      [field("number"), "-1", t("errors.question.numberBetween", { min: 0, max: 250 })],
      [field("number"), "3,5", t("errors.question.wholeNumber")],
      [field("mustTick"), "", t("errors.question.mustTick")],
    ];
    const registrations = await registrationsOf(session.id);
    const answers = await storedAnswers();
    for (const [name, value, message] of cases) {
      const form = new URLSearchParams(goodAnswers(field, unique()));
      form.delete(name);
      for (const one of [value].flat()) form.append(name, one);
      const answer = await send(`/sessies/${session.slug}`, { form });
      expect(answer.status, `${name} = ${value}`).toBe(400);
      expectFieldError(await answer.text(), name, message);
    }
    expect(await registrationsOf(session.id)).toEqual(registrations);
    expect(await storedAnswers()).toEqual(answers);
  });

  it("stores the answers with the registration, shows them to the organiser and to the person", async () => {
    const { session, cookie, field, id } = await sessionAskingEverything();
    const n = unique();
    const signedUp = await send(`/sessies/${session.slug}`, {
      form: { ...goodAnswers(field, n), [field("severalChoices")]: "btw" },
    });
    expect(signedUp.status).toBe(302);
    const [registration] = await registrationsOf(session.id);
    expect((await storedAnswers()).filter((a) => a.registration_id === registration?.id)).toEqual(
      [
        [id("shortText"), "Handelswetenschappen"],
        [id("longText"), "Vegetarisch\nzonder noten"],
        [id("oneChoice"), "yuki"],
        [id("severalChoices"), '["btw"]'],
        [id("yesNo"), "no"],
        [id("number"), "12"],
        [id("mustTick"), "yes"],
      ].map(([questionId, value]) => ({
        registration_id: registration?.id,
        question_id: questionId,
        value,
      })),
    );

    const list = await (await send(`/beheer/sessies/${session.id}`, { cookie })).text();
    for (const [label, text] of [
      ["Welk boekhoudpakket gebruik je?", "Yuki"],
      ["Wat wil je zeker horen?", "Btw"],
      ["Kom je met een rolstoel?", "Nee"],
      ["Hoeveel werknemers heb je?", "12"],
    ]) {
      expect(list).toContain(`<dt>${asHtml(label ?? "")}</dt><dd>${text}</dd>`);
    }

    const token = await manageTokenOf(registration?.id);
    const download = await (await send(`/inschrijving/${token}/gegevens.json`)).json();
    expect(download.answers).toEqual([
      { question: "Welke richting studeer je?", answer: "Handelswetenschappen" },
      { question: "Voedingswensen of allergieën", answer: "Vegetarisch\nzonder noten" },
      { question: "Welk boekhoudpakket gebruik je?", answer: "Yuki" },
      { question: "Wat wil je zeker horen?", answer: "Btw" },
      { question: "Kom je met een rolstoel?", answer: "Nee" },
      { question: "Hoeveel werknemers heb je?", answer: "12" },
      { question: "Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant", answer: "Ja" },
    ]);
  });

  it("lets an organiser add someone with the answers they know, none required", async () => {
    const { session, cookie, field, id } = await sessionAskingEverything();
    const added = await send(`/beheer/sessies/${session.id}`, {
      form: {
        intent: "add",
        name: "Anna Aanvulling",
        email: `anna-${unique()}@example.org`,
        [field("yesNo")]: "yes",
      },
      cookie,
    });
    expect(added.status).toBe(302);
    const [registration] = await registrationsOf(session.id);
    expect((await storedAnswers()).filter((a) => a.registration_id === registration?.id)).toEqual([
      { registration_id: registration?.id, question_id: id("yesNo"), value: "yes" },
    ]);
  });
});

describe("answers in the exports", () => {
  /** Two sessions in one city and period: both ask about dietary needs, one asks more. */
  async function twoSessions() {
    const { session: first, cookie, field } = await sessionAskingEverything();
    await db
      .updateTable("sessions")
      .set({ starts_at: "2028-02-01T08:00:00.000Z", ends_at: "2028-02-01T10:00:00.000Z" })
      .where("id", "=", first.id)
      .execute();
    const second = await createSession({
      city_id: first.city_id,
      starts_at: "2028-02-02T08:00:00.000Z",
      ends_at: "2028-02-02T10:00:00.000Z",
    });
    const [dietary] = await addQuestions(second.id, [
      // The same label, other spacing and case: the same column.
      { ...dietaryQuestion(), label: { nl: "voedingswensen  of allergieën", fr: null, en: null } },
    ]);
    const aaron = new URLSearchParams({
      ...goodAnswers(field, unique()),
      name: "Aaron Eerste",
      [field("shortText")]: '=HYPERLINK("http://evil")',
    });
    aaron.append(field("severalChoices"), "btw");
    aaron.append(field("severalChoices"), "peppol");
    expect((await send(`/sessies/${first.slug}`, { form: aaron })).status).toBe(302);
    const bea = {
      name: "Bea Tweede",
      email: `bea-${unique()}@example.org`,
      consent: "on",
      [`q${dietary}`]: "Halal",
    };
    expect((await send(`/sessies/${second.slug}`, { form: bea })).status).toBe(302);
    return { first, second, cookie };
  }

  it("gives each question a column headed by its label, in CSV and XLSX, formulas neutralised", async () => {
    const { first, cookie } = await twoSessions();
    const csv = await send(`/beheer/sessies/${first.id}/export?formaat=csv`, { cookie });
    const rows: string[][] = parse(Buffer.from(await csv.arrayBuffer()), {
      delimiter: ";",
      bom: true,
      record_delimiter: "\r\n",
    });
    expect(rows[0]?.slice(14)).toEqual(EVERY_TYPE.map(([, , label]) => label));
    expect(rows[1]?.slice(14)).toEqual([
      '\'=HYPERLINK("http://evil")',
      "Vegetarisch\nzonder noten",
      "Yuki",
      "Peppol; Btw",
      "Nee",
      "12",
      "Ja",
    ]);

    const xlsx = await send(`/beheer/sessies/${first.id}/export?formaat=xlsx`, { cookie });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await xlsx.arrayBuffer()).buffer);
    const sheet = workbook.getWorksheet("Deelnemers");
    if (!sheet) throw new Error("no sheet Deelnemers");
    const header = (sheet.getRow(1).values as unknown[]).slice(15);
    expect(header).toEqual(EVERY_TYPE.map(([, , label]) => label));
    const aaron = sheet.getRow(2);
    expect(aaron.getCell(15).value).toBe('\'=HYPERLINK("http://evil")');
    expect(aaron.getCell(15).formula).toBeUndefined();
    // A number is a number cell.
    expect(aaron.getCell(20).type).toBe(ExcelJS.ValueType.Number);
    expect(aaron.getCell(20).value).toBe(12);
  });

  it("gives questions that read the same one column across sessions, the others a column each", async () => {
    const { first, cookie } = await twoSessions();
    const csv = await send(
      `/beheer/export/download?stad=${first.city_id}&van=2028-02-01&tot=2028-02-02&formaat=csv`,
      { cookie },
    );
    expect(csv.status).toBe(200);
    const rows: string[][] = parse(Buffer.from(await csv.arrayBuffer()), {
      delimiter: ";",
      bom: true,
      record_delimiter: "\r\n",
    });
    expect(rows[0]?.slice(14)).toEqual(EVERY_TYPE.map(([, , label]) => label));
    const byName = new Map(rows.slice(1).map((row) => [row[6], row.slice(14)]));
    expect(byName.get("Aaron Eerste")?.[1]).toBe("Vegetarisch\nzonder noten");
    expect(byName.get("Bea Tweede")).toEqual(["", "Halal", "", "", "", "", ""]);
  });
});

describe("messages to those who gave an answer", () => {
  it("sends only to those who answered yes, and refuses an answer the session does not offer", async () => {
    const { session, cookie, field, id } = await sessionAskingEverything();
    await db.updateTable("sessions").set({ capacity: 10 }).where("id", "=", session.id).execute();
    for (const yesNo of ["yes", "no", "yes"]) {
      const form = { ...goodAnswers(field, unique()), [field("yesNo")]: yesNo };
      expect((await send(`/sessies/${session.slug}`, { form })).status).toBe(302);
    }
    const html = await (await send(`/beheer/sessies/${session.id}/bericht`, { cookie })).text();
    expect(html).toContain(`value="${id("yesNo")}:yes"`);
    expect(html).toContain(asHtml("Kom je met een rolstoel?: Ja"));
    const message = {
      audience: "confirmed",
      subject: "Toegang met de rolstoel",
      body: "De lift is aan de achterkant.",
    };
    const refused = await send(`/beheer/sessies/${session.id}/bericht`, {
      form: { ...message, answer: `${id("yesNo")}:misschien` },
      cookie,
    });
    expect(refused.status).toBe(400);
    expectFieldError(await refused.text(), "answer", t("questions.filter.unknown"));

    const sent = await send(`/beheer/sessies/${session.id}/bericht`, {
      form: { ...message, answer: `${id("yesNo")}:yes` },
      cookie,
    });
    await expectNoticeOnce(sent, t("sessionForm.message.sent", { count: 2 }), cookie);
    const mails = await db
      .selectFrom("outbox")
      .innerJoin("registrations", "registrations.id", "outbox.registration_id")
      .innerJoin("registration_answers", "registration_answers.registration_id", "registrations.id")
      .select(["registration_answers.value"])
      .where("outbox.kind", "=", "organiser.message")
      .where("registrations.session_id", "=", session.id)
      .where("registration_answers.question_id", "=", id("yesNo"))
      .execute();
    expect(mails.map((m) => m.value)).toEqual(["yes", "yes"]);
  });
});

describe("the public API and the embed", () => {
  it("give each session's questions, never an answer; the embed says it asks them", async () => {
    const { session, field, citySlug } = await sessionAskingEverything();
    const form = goodAnswers(field, unique());
    expect((await send(`/sessies/${session.slug}`, { form })).status).toBe(302);
    const one = await send(`/api/sessions/${session.slug}`, {
      headers: { Accept: "application/json" },
    });
    const body = await one.json();
    expect(body.questions.map((q: { type: string }) => q.type)).toEqual(
      EVERY_TYPE.map(([type]) => type),
    );
    expect(body.questions[2]).toMatchObject({
      label: {
        nl: "Welk boekhoudpakket gebruik je?",
        fr: "Quel logiciel comptable utilisez-vous ?",
        en: "Welk boekhoudpakket gebruik je?",
      },
      required: true,
      display: "select",
      choices: [
        {
          key: "exact-online",
          label: { nl: "Exact Online", fr: "Exact Online", en: "Exact Online" },
        },
        { key: "octopus", label: { nl: "Octopus", fr: "Octopus", en: "Octopus" } },
        { key: "yuki", label: { nl: "Yuki", fr: "Yuki", en: "Yuki" } },
        { key: "andere", label: { nl: "Andere", fr: "Andere", en: "Andere" } },
      ],
    });
    expect(JSON.stringify(body)).not.toContain("Handelswetenschappen");
    const embed = await (await send(`/embed?stad=${citySlug}`)).text();
    expect(embed).toContain("7 extra vragen");
  });
});
