import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import type { QuestionInput } from "../app/lib/questions";
import { listQuestions } from "../app/models/question.server";
import { answerSurvey } from "../app/models/survey.server";
import { database } from "../db/client";
import { addQuestions, createSession, question, registrationsOf } from "./support/factories";
import { asHtml, expectNoticeOnce, formFields } from "./support/form-page";
import { send } from "./support/http";
import { signedIn, signedInForCity } from "./support/organisers";
import { surveyedSession } from "./support/surveys";

/**
 * The survey's own questions over HTTP against the built app (`npx remix build` first): the
 * organisers of a session add them in the questions editor of the survey (every type it asks,
 * its limit, its refusals), the survey asks them after the session in the person's language,
 * the answers are stored with the anonymous answer and nothing else, and they reach the results
 * page and the download without anyone's name. Once the survey has an answer its questions stay
 * as they are. Every session is on a day of its own (see support/surveys.ts).
 */

const { t } = i18n(DEFAULT_LOCALE);
const fr = i18n("fr-BE").t;
const { db } = database();

const editor = (sessionId: number) => `/beheer/sessies/${sessionId}/enquete/vragen`;

/** Posts the editor's form for a new question of `type`, as a browser does from `?nieuw=`. */
const addSurveyQuestion = (
  sessionId: number,
  cookie: string,
  type: string,
  fields: Record<string, string>,
) =>
  send(`${editor(sessionId)}?nieuw=${type}`, { form: { intent: "add", type, ...fields }, cookie });

/** The choices' form fields: `choices[0].nl`, … in this order. */
const choiceFields = (labels: string[]) =>
  Object.fromEntries(
    labels.flatMap((label, index) => [
      [`choices[${index}].nl`, label],
      [`choices[${index}].key`, ""],
    ]),
  );

const surveyQuestions = (sessionId: number) => listQuestions(sessionId, "survey");

/** A question the survey asks, made as the editor makes it. */
const surveyQuestion = (
  type: QuestionInput["type"],
  label: string,
  overrides: Partial<QuestionInput> = {},
) => question(type, label, { part: "survey", perPerson: false, ...overrides });

const choice = (key: string, nl: string) => ({ key, nl, fr: null, en: null });

/** Five questions of the survey's own, of every kind of result: a score, choices, yes or no, text. */
const FIVE = [
  surveyQuestion("scale", "Hoe waarschijnlijk raad je deze sessie aan?", {
    required: true,
    label: {
      nl: "Hoe waarschijnlijk raad je deze sessie aan?",
      fr: "Recommanderiez-vous cette session ?",
      en: null,
    },
  }),
  surveyQuestion("oneChoice", "Welk onderwerp wil je volgende keer?", {
    required: true,
    display: "radio",
    choices: [choice("peppol", "Peppol"), choice("btw", "Btw"), choice("personeel", "Personeel")],
  }),
  surveyQuestion("severalChoices", "Wat ga je toepassen?", {
    choices: [choice("facturen", "Facturen"), choice("offertes", "Offertes")],
  }),
  surveyQuestion("yesNo", "Kom je terug?"),
  surveyQuestion("longText", "Wat kan beter?"),
];

/** A session that ended, its survey asking FIVE, and the survey links of those who came. */
async function surveyWithQuestions(date: string, came: number[]) {
  const surveyed = await surveyedSession(date, came);
  const ids = await addQuestions(surveyed.session.id, FIVE);
  const [scale = 0, oneChoice = 0, several = 0, yesNo = 0, longText = 0] = ids;
  return { ...surveyed, q: { scale, oneChoice, several, yesNo, longText } };
}

const responsesOf = (sessionId: number) =>
  db.selectFrom("survey_responses").selectAll().where("session_id", "=", sessionId).execute();

const ownAnswersOf = (sessionId: number) =>
  db
    .selectFrom("survey_answers")
    .innerJoin("survey_responses", "survey_responses.id", "survey_answers.response_id")
    .selectAll("survey_answers")
    .where("survey_responses.session_id", "=", sessionId)
    .orderBy("survey_answers.response_id")
    .orderBy("survey_answers.question_id")
    .execute();

const answer = (path: string, form: Record<string, string | string[]>) => {
  const fields = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const one of Array.isArray(value) ? value : [value]) fields.append(name, one);
  }
  return send(path, { form: fields });
};

describe("defining the survey's questions", () => {
  it("adds one of each type the survey asks, five at most, each in the log, never at sign-up", async () => {
    const session = await createSession({ kind: "info" });
    const cookie = await signedInForCity(session.city_id);
    const page = await send(editor(session.id), { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1>${t("surveyQuestions.title")}</h1>`);
    for (const type of ["shortText", "longText", "oneChoice", "severalChoices", "yesNo", "scale"]) {
      expect(html).toContain(`?nieuw=${type}"`);
    }
    // No box to tick, no number: the survey does not ask them.
    expect(html).not.toContain("?nieuw=mustTick");
    expect(html).not.toContain("?nieuw=number");
    expect((await send(`${editor(session.id)}?nieuw=number`, { cookie })).status).toBe(404);
    // A type the survey's editor does not have, as a crafted form would post it.
    const refusedType = await send(editor(session.id), {
      form: { intent: "add", type: "mustTick", labelNl: "Ik ga akkoord" },
      cookie,
    });
    expect(refusedType.status).toBe(400);
    expect(await refusedType.text()).toContain(t("questionForm.errors.type.invalid"));
    // A score's form asks its label, help and whether it is required; nothing per person.
    const scaleForm = await (await send(`${editor(session.id)}?nieuw=scale`, { cookie })).text();
    expect(scaleForm).toContain(asHtml(t("surveyQuestions.required")));
    expect(scaleForm).not.toContain('name="perPerson"');

    const added: [string, Record<string, string>, string][] = [
      ["scale", { labelNl: "Hoe waarschijnlijk raad je ons aan?", required: "on" }, "scale"],
      [
        "oneChoice",
        {
          labelNl: "Welk onderwerp wil je volgende keer?",
          labelFr: "Quel sujet la prochaine fois ?",
          required: "on",
          ...choiceFields(["Peppol", "Btw", "Personeel"]),
        },
        "oneChoice",
      ],
      [
        "severalChoices",
        { labelNl: "Wat ga je toepassen?", ...choiceFields(["Facturen", "Offertes"]) },
        "severalChoices",
      ],
      ["yesNo", { labelNl: "Kom je terug?", perPerson: "on" }, "yesNo"],
      ["longText", { labelNl: "Wat kan beter?", maxLength: "800" }, "longText"],
    ];
    for (const [type, fields] of added) {
      const done = await addSurveyQuestion(session.id, cookie, type, fields);
      await expectNoticeOnce(done, `Vraag ‘${fields.labelNl}’ toegevoegd.`, cookie);
    }
    const stored = await surveyQuestions(session.id);
    expect(stored.map((q) => [q.part, q.type, q.label.nl, q.required, q.perPerson])).toEqual([
      ["survey", "scale", "Hoe waarschijnlijk raad je ons aan?", true, false],
      ["survey", "oneChoice", "Welk onderwerp wil je volgende keer?", true, false],
      ["survey", "severalChoices", "Wat ga je toepassen?", false, false],
      // Asked of one person, whatever the form posted.
      ["survey", "yesNo", "Kom je terug?", false, false],
      ["survey", "longText", "Wat kan beter?", false, false],
    ]);
    expect(stored[1]?.choices.map((c) => c.key)).toEqual(["peppol", "btw", "personeel"]);
    expect(stored[4]?.maxLength).toBe(800);

    // A sixth is refused with the limit, and nothing is stored.
    const sixth = await addSurveyQuestion(session.id, cookie, "shortText", { labelNl: "Zesde?" });
    expect(sixth.status).toBe(409);
    expect(await sixth.text()).toContain(asHtml(t("surveyQuestions.refused.tooMany", { max: 5 })));
    expect(await surveyQuestions(session.id)).toHaveLength(5);
    // Removing one makes room.
    const removed = await send(editor(session.id), {
      form: { intent: "remove", questionId: String(stored[3]?.id) },
      cookie,
    });
    await expectNoticeOnce(removed, "Vraag ‘Kom je terug?’ verwijderd.", cookie);
    const short = await addSurveyQuestion(session.id, cookie, "shortText", {
      labelNl: "Je beroep?",
    });
    await expectNoticeOnce(short, "Vraag ‘Je beroep?’ toegevoegd.", cookie);
    expect((await surveyQuestions(session.id)).map((q) => q.type)).toEqual([
      "scale",
      "oneChoice",
      "severalChoices",
      "longText",
      "shortText",
    ]);

    // None of them is asked at sign-up (a required score there would stop every sign-up), shown
    // with the sign-up questions, or in the API.
    expect(await listQuestions(session.id)).toEqual([]);
    const signedUp = await send(`/sessies/${session.slug}`, {
      form: { name: "Eva Enquête", email: `eva-${session.id}@example.org`, consent: "on" },
    });
    expect(signedUp.status).toBe(302);
    const signUpPage = await (await send(`/sessies/${session.slug}`)).text();
    const signUpEditor = await (
      await send(`/beheer/sessies/${session.id}/vragen`, { cookie })
    ).text();
    const api = await (await send(`/api/sessions/${session.slug}`)).text();
    for (const text of [signUpPage, signUpEditor, api]) {
      expect(text).not.toContain("Hoe waarschijnlijk raad je ons aan?");
      expect(text).not.toContain("Je beroep?");
    }
    // The session's page leads to them, with their number.
    const sessionPage = await (await send(`/beheer/sessies/${session.id}`, { cookie })).text();
    expect(sessionPage).toContain(`href="${editor(session.id)}"`);
    expect(sessionPage).toContain(t("surveyQuestions.link", { count: 5 }));

    // Each change is in the log, said to be the survey's.
    const admin = await signedIn("admin");
    const log = await (await send("/beheer/logboek", { cookie: admin })).text();
    expect(log).toContain(
      asHtml(`Enquêtevraag ‘Kom je terug?’ toegevoegd aan ‘${session.title}’.`),
    );
    expect(log).toContain(
      asHtml(`Enquêtevraag ‘Kom je terug?’ van ‘${session.title}’ verwijderd.`),
    );
  });

  it("is for the session's own organisers, and the sign-up editor does not reach them", async () => {
    const session = await createSession();
    const [asked = 0] = await addQuestions(session.id, [surveyQuestion("yesNo", "Kom je terug?")]);
    const stranger = await signedIn("organiser", { citySlugs: [] });
    expect((await send(editor(session.id), { cookie: stranger })).status).toBe(404);
    const foreign = await addSurveyQuestion(session.id, stranger, "yesNo", { labelNl: "Binnen?" });
    expect(foreign.status).toBe(404);
    const foreignRemove = await send(editor(session.id), {
      form: { intent: "remove", questionId: String(asked) },
      cookie: stranger,
    });
    expect(foreignRemove.status).toBe(404);
    expect((await send(editor(session.id))).status).toBe(302);

    // The session's organiser, on the sign-up questions' page, finds no such question there.
    const cookie = await signedInForCity(session.city_id);
    const viaSignUp = await send(`/beheer/sessies/${session.id}/vragen`, {
      form: { intent: "remove", questionId: String(asked) },
      cookie,
    });
    expect(viaSignUp.status).toBe(404);
    const editedViaSignUp = await send(`/beheer/sessies/${session.id}/vragen?bewerk=${asked}`, {
      form: { intent: "update", questionId: String(asked), labelNl: "Anders" },
      cookie,
    });
    expect(editedViaSignUp.status).toBe(404);
    expect((await surveyQuestions(session.id)).map((q) => q.label.nl)).toEqual(["Kom je terug?"]);
  });

  it("copies with the session, and takes over another session's survey questions", async () => {
    const source = await createSession({ kind: "forum" });
    const cookie = await signedInForCity(source.city_id);
    await addQuestions(source.id, [
      surveyQuestion("scale", "Hoe nuttig was het forum?", { required: true }),
      surveyQuestion("oneChoice", "Welk thema?", {
        choices: [choice("geld", "Geld"), choice("mensen", "Mensen")],
      }),
    ]);
    // A session asking questions in its survey alone is a source for a copy as well.
    const html = await (await send(`/beheer/sessies/nieuw?kopie=${source.id}`, { cookie })).text();
    const form = formFields(html, "session-create");
    expect(form.get("copyQuestionsFrom")).toBe(String(source.id));
    expect((await send("/beheer/sessies/nieuw", { form, cookie })).status).toBe(302);
    const copy = await db
      .selectFrom("sessions")
      .select("id")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(copy.id).not.toBe(source.id);
    const copied = await surveyQuestions(copy.id);
    expect(copied.map((q) => [q.type, q.label.nl, q.required])).toEqual([
      ["scale", "Hoe nuttig was het forum?", true],
      ["oneChoice", "Welk thema?", false],
    ]);
    expect(copied[1]?.choices.map((c) => c.key)).toEqual(["geld", "mensen"]);
    expect(await listQuestions(copy.id)).toEqual([]);

    // The editor takes them over from a session of the organiser's, after its own.
    const target = await createSession({ city_id: source.city_id });
    await addQuestions(target.id, [surveyQuestion("shortText", "Je sector?")]);
    await addQuestions(target.id, [question("yesNo", "Kom je met de fiets?")]);
    const taken = await send(editor(target.id), {
      form: { intent: "copy", fromSessionId: String(source.id) },
      cookie,
    });
    await expectNoticeOnce(taken, "2 vragen overgenomen.", cookie);
    expect((await surveyQuestions(target.id)).map((q) => q.label.nl)).toEqual([
      "Je sector?",
      "Hoe nuttig was het forum?",
      "Welk thema?",
    ]);
    // The sign-up questions stay as they were.
    expect((await listQuestions(target.id)).map((q) => q.label.nl)).toEqual([
      "Kom je met de fiets?",
    ]);
    const admin = await signedIn("admin");
    const log = await (await send("/beheer/logboek", { cookie: admin })).text();
    expect(log).toContain(
      asHtml(`2 enquêtevragen van ‘${source.title}’ overgenomen in ‘${target.title}’.`),
    );
  });
});

describe("answering the survey's questions", () => {
  it("asks them in the person's language, in a form that works without JavaScript", async () => {
    const { paths, q } = await surveyWithQuestions("2033-01-05", [0]);
    const path = paths[0] ?? "";
    const page = await send(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    // After the fixed choices, before the open question: as the results list them.
    const at = (text: string) => html.indexOf(asHtml(text));
    expect(at(t("survey.useful.legend"))).toBeLessThan(
      at("Hoe waarschijnlijk raad je deze sessie aan?"),
    );
    expect(at("Wat kan beter? (optioneel)")).toBeLessThan(at(t("survey.comment.label")));
    expect(html).toContain(`<legend>Welk onderwerp wil je volgende keer?</legend>`);
    expect(html).toContain(asHtml(t("questions.scale.hint")));
    // A score is five radio buttons, required.
    const scale = html.match(new RegExp(`<input[^>]*name="q${q.scale}"[^>]*>`, "g")) ?? [];
    expect(scale).toHaveLength(5);
    for (const radio of scale) {
      expect(radio).toContain('type="radio"');
      expect(radio).toContain("required");
    }
    expect(
      html.match(
        new RegExp(
          `name="q${q.several}"[^>]*type="checkbox"|type="checkbox"[^>]*name="q${q.several}"`,
          "g",
        ),
      ),
    ).toHaveLength(2);
    expect(html).toMatch(new RegExp(`<textarea[^>]*name="q${q.longText}"`));

    const french = await (await send(`/fr${path}`)).text();
    expect(french).toContain(asHtml("Recommanderiez-vous cette session ?"));
    expect(french).toContain(asHtml(fr("questions.scale.hint")));
    // Without a French text, the Dutch one.
    expect(french).toContain(asHtml("Welk onderwerp wil je volgende keer?"));
  });

  it("refuses a required answer missing or one not offered with a 400 at the question, and stores nothing", async () => {
    const { paths, session, q } = await surveyWithQuestions("2033-01-12", [0]);
    const path = paths[0] ?? "";
    const missing = await answer(path, { rating: "4", useful: "yes", [`q${q.longText}`]: "Niets" });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml.match(new RegExp(asHtml(t("errors.question.choose")), "g"))).toHaveLength(2);
    // What was typed comes back.
    expect(missingHtml).toContain(">Niets</textarea>");

    const notOffered = await answer(path, {
      rating: "4",
      useful: "yes",
      [`q${q.scale}`]: "6",
      [`q${q.oneChoice}`]: "btw",
      [`q${q.several}`]: ["facturen", "iets-anders"],
    });
    expect(notOffered.status).toBe(400);
    expect(
      (await notOffered.text()).match(new RegExp(asHtml(t("errors.question.notOffered")), "g")),
    ).toHaveLength(2);

    expect(await responsesOf(session.id)).toEqual([]);
    expect(await ownAnswersOf(session.id)).toEqual([]);
    const [registration] = await registrationsOf(session.id);
    expect(registration?.survey_answered).toBe(0);
  });

  it("stores the answers with the anonymous answer, and nothing that leads to the person", async () => {
    const { paths, session, q } = await surveyWithQuestions("2033-01-19", [0]);
    const done = await answer(paths[0] ?? "", {
      rating: "5",
      useful: "yes",
      [`q${q.scale}`]: "4",
      [`q${q.oneChoice}`]: "personeel",
      [`q${q.several}`]: ["offertes", "facturen"],
      [`q${q.yesNo}`]: "",
      [`q${q.longText}`]: "Meer voorbeelden",
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(t("survey.thanks.title"));
    const [response] = await responsesOf(session.id);
    const stored = await ownAnswersOf(session.id);
    expect(stored).toEqual([
      { response_id: response?.id, question_id: q.scale, value: "4" },
      { response_id: response?.id, question_id: q.oneChoice, value: "personeel" },
      // In the order they are offered, whatever the order posted.
      { response_id: response?.id, question_id: q.several, value: '["facturen","offertes"]' },
      { response_id: response?.id, question_id: q.longText, value: "Meer voorbeelden" },
    ]);
    // An answer holds these columns and no more: no registration, no time.
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(["question_id", "response_id", "value"]);
  });

  it("checks what is asked when it is posted: a question added since is asked, a form for questions that changed is not stored", async () => {
    const { paths, session, registrations } = await surveyedSession("2033-01-26", [0, 1]);
    const cookie = await signedInForCity(session.city_id);
    // The person opened the survey with no questions of its own; the organiser adds one now.
    const added = await addSurveyQuestion(session.id, cookie, "yesNo", {
      labelNl: "Kom je terug?",
      required: "on",
    });
    expect(added.status).toBe(302);
    const [asked] = await surveyQuestions(session.id);
    const refused = await answer(paths[0] ?? "", { rating: "4", useful: "yes" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(t("errors.question.choose"));

    // Checked against the questions as they were, an answer finds them changed: nothing is stored.
    const token = (paths[1] ?? "").split("/").pop() ?? "";
    const stale = await answerSurvey(
      token,
      { rating: 3, useful: "no", comment: null },
      { asked: [], answers: [] },
    );
    expect(stale).toEqual({ ok: false, reason: "changed" });
    expect(await responsesOf(session.id)).toEqual([]);
    const unanswered = (await registrationsOf(session.id)).find(
      (r) => r.id === registrations[1]?.id,
    );
    expect(unanswered?.survey_answered).toBe(0);
    const fresh = await answerSurvey(
      token,
      { rating: 3, useful: "no", comment: null },
      { asked: [asked?.id ?? 0], answers: [{ questionId: asked?.id ?? 0, value: "yes" }] },
    );
    expect(fresh.ok).toBe(true);
    expect(await ownAnswersOf(session.id)).toHaveLength(1);
  });
});

describe("once the survey has an answer", () => {
  it("keeps its questions as they are: the page says so, and every change is refused", async () => {
    const { paths, session, q } = await surveyWithQuestions("2033-02-02", [0, 1]);
    const cookie = await signedInForCity(session.city_id);
    const before = await surveyQuestions(session.id);
    const open = await (await send(editor(session.id), { cookie })).text();
    expect(open).toContain(`?bewerk=${q.scale}`);

    const done = await answer(paths[0] ?? "", {
      rating: "4",
      useful: "yes",
      [`q${q.scale}`]: "5",
      [`q${q.oneChoice}`]: "btw",
    });
    expect(done.status).toBe(200);

    const fixed = await (await send(editor(session.id), { cookie })).text();
    expect(fixed).toContain(asHtml(t("surveyQuestions.locked")));
    expect(fixed).toContain("Hoe waarschijnlijk raad je deze sessie aan?");
    expect(fixed).not.toContain("?bewerk=");
    expect(fixed).not.toContain("?nieuw=");
    expect(fixed).not.toContain('name="intent"');
    // An address of the editor's forms shows the list, with nothing to change.
    const editForm = await (
      await send(`${editor(session.id)}?bewerk=${q.scale}`, { cookie })
    ).text();
    expect(editForm).not.toContain('id="question"');

    const locked = asHtml(t("surveyQuestions.refused.locked"));
    const refusals = [
      await addSurveyQuestion(session.id, cookie, "yesNo", { labelNl: "Nog een?" }),
      await send(`${editor(session.id)}?bewerk=${q.yesNo}`, {
        form: { intent: "update", questionId: String(q.yesNo), labelNl: "Kom je ooit terug?" },
        cookie,
      }),
      await send(editor(session.id), {
        form: { intent: "remove", questionId: String(q.longText) },
        cookie,
      }),
      await send(editor(session.id), {
        form: { intent: "down", questionId: String(q.scale) },
        cookie,
      }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain(locked);
    }
    expect(await surveyQuestions(session.id)).toEqual(before);
  });
});

describe("the results of the survey's questions", () => {
  it("give the count alone below three answers, then each question's figures, and never a name", async () => {
    const { paths, session, registrations, q } = await surveyWithQuestions(
      "2033-02-09",
      [0, 1, 2, 3],
    );
    const cookie = await signedInForCity(session.city_id);
    const results = `/beheer/sessies/${session.id}/enquete`;
    await answer(paths[0] ?? "", {
      rating: "5",
      useful: "yes",
      [`q${q.scale}`]: "5",
      [`q${q.oneChoice}`]: "peppol",
      [`q${q.several}`]: ["facturen", "offertes"],
      [`q${q.yesNo}`]: "yes",
      [`q${q.longText}`]: "Meer voorbeelden",
    });
    await answer(paths[1] ?? "", {
      rating: "3",
      useful: "somewhat",
      [`q${q.scale}`]: "4",
      [`q${q.oneChoice}`]: "peppol",
      [`q${q.several}`]: "facturen",
      [`q${q.longText}`]: '=HYPERLINK("http://x.invalid")',
    });

    const few = await (await send(results, { cookie })).text();
    expect(few).toContain(t("survey.results.tooFew", { min: 3 }));
    expect(few).not.toContain("<table");
    expect(few).not.toContain("Meer voorbeelden");
    expect(few).not.toContain("Welk onderwerp wil je volgende keer?");
    // The results lead to the questions.
    expect(few).toContain(`href="${editor(session.id)}"`);

    await answer(paths[2] ?? "", {
      rating: "4",
      useful: "no",
      [`q${q.scale}`]: "4",
      [`q${q.oneChoice}`]: "btw",
      [`q${q.longText}`]: "Af en toe te snel",
    });
    const html = await (await send(results, { cookie })).text();
    // Each question under its own heading, in the survey's order, between the fixed ones.
    const at = (text: string) => html.indexOf(asHtml(text));
    expect(at(t("survey.results.usefulCaption"))).toBeLessThan(html.indexOf('<h2 id="question-'));
    expect(html.indexOf('<h2 id="question-')).toBeLessThan(html.indexOf('<h2 id="comments-title"'));
    expect(html).toContain(`<h2 id="question-${q.scale}-title">`);
    // The score: its average and its distribution.
    expect(html).toContain("Gemiddeld 4.3 op 5.");
    expect(html).toContain(
      asHtml(
        t("survey.results.questionCaption", {
          label: "Hoe waarschijnlijk raad je deze sessie aan?",
        }),
      ),
    );
    expect(html).toMatch(/<th scope="row">5<\/th><td>1<\/td>/);
    expect(html).toMatch(/<th scope="row">4<\/th><td>2<\/td>/);
    // Choices: how many chose each, against those who answered.
    expect(html).toMatch(
      /<th scope="row">Peppol<\/th><td>2<\/td><td class="survey-share">.*?67(?:<!-- -->)? %/,
    );
    expect(html).toMatch(/<th scope="row">Personeel<\/th><td>0<\/td>/);
    expect(html).toMatch(
      /<th scope="row">Facturen<\/th><td>2<\/td><td class="survey-share">.*?100(?:<!-- -->)? %/,
    );
    expect(html).toContain(asHtml(t("survey.results.severalHint")));
    // Yes or no, answered by one of three.
    expect(html).toContain("1 van de 3 beantwoordde deze vraag.");
    expect(html).toMatch(/<th scope="row">Ja<\/th><td>1<\/td>/);
    // Text: the answers sorted by their text, not in the order they came.
    expect(at("=HYPERLINK")).toBeGreaterThan(-1);
    expect(at("=HYPERLINK")).toBeLessThan(at("Af en toe te snel"));
    expect(at("Af en toe te snel")).toBeLessThan(at("Meer voorbeelden"));
    // Plain tables, each column and row headed.
    expect(html).toContain('<th scope="col">Antwoord</th>');
    for (const registration of registrations) {
      expect(html).not.toContain(registration.name);
      expect(html).not.toContain(registration.email);
    }

    const csvFile = await send(`${results}.csv?formaat=csv`, { cookie });
    expect(csvFile.status).toBe(200);
    const csv = (await csvFile.text()).replace(/^\uFEFF/, "");
    const rows: string[][] = parse(csv, { delimiter: ";" });
    expect(rows[0]).toEqual([
      "Score",
      "Nuttig",
      "Opmerking",
      "Hoe waarschijnlijk raad je deze sessie aan?",
      "Welk onderwerp wil je volgende keer?",
      "Wat ga je toepassen?",
      "Kom je terug?",
      "Wat kan beter?",
    ]);
    // Sorted by what they say: the rating first.
    expect(rows.slice(1)).toEqual([
      ["3", "Een beetje", "", "4", "Peppol", "Facturen", "", '\'=HYPERLINK("http://x.invalid")'],
      ["4", "Nee", "", "4", "Btw", "", "", "Af en toe te snel"],
      ["5", "Ja", "", "5", "Peppol", "Facturen; Offertes", "Ja", "Meer voorbeelden"],
    ]);
    expect(csv).not.toMatch(/(^|;)=/m);
    for (const registration of registrations) {
      expect(csv).not.toContain(registration.name);
      expect(csv).not.toContain(registration.email);
    }

    const xlsx = await send(`${results}.csv?formaat=xlsx`, { cookie });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await xlsx.arrayBuffer()).buffer);
    const sheet = workbook.getWorksheet(t("survey.results.title"));
    if (!sheet) throw new Error("no sheet of results");
    const first = sheet.getRow(2);
    // A score is a number cell; an answer typed as a formula is text.
    expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(4).value).toBe(4);
    expect(first.getCell(8).value).toBe('\'=HYPERLINK("http://x.invalid")');
    expect(first.getCell(8).formula).toBeUndefined();
  });
});
