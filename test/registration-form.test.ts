import { describe, expect, it } from "vitest";
import { normalizeEnterpriseNumber } from "../app/lib/enterprise-number";
import { parseForm } from "../app/lib/forms";
import { type AskedQuestion, storedAnswers } from "../app/lib/questions";
import { addAttendeeSchema, registrationSchema, signUpSchema } from "../app/lib/registration-form";

const parseRegistrationForm = (data: FormData) => {
  const submission = parseForm(data, registrationSchema);
  return submission.status === "success"
    ? { ok: true, data: submission.value }
    : { ok: false, errors: submission.error };
};

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("enterprise numbers", () => {
  it.each([
    ["0417.497.106", "0417.497.106"],
    ["BE 0417 497 106", "0417.497.106"],
    ["be0417497106", "0417.497.106"],
    ["417497106", "0417.497.106"],
    ["0203-201-340", "0203.201.340"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalizeEnterpriseNumber(input)).toBe(expected);
  });

  it.each(["0417.497.107", "2417.497.106", "0417.497", "04174971060", "abc", ""])(
    "rejects %s",
    (input) => {
      expect(normalizeEnterpriseNumber(input)).toBeNull();
    },
  );
});

describe("the sign-up form", () => {
  it("trims, keeps what was given and drops empty optional fields", () => {
    const result = parseRegistrationForm(
      form({
        name: "  Jef Maes ",
        email: " jef@example.org ",
        organisation: "",
        enterpriseNumber: "",
        consent: "on",
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        name: "Jef Maes",
        email: "jef@example.org",
        organisation: null,
        enterpriseNumber: null,
        consent: "on",
        // The news box was left unticked: no.
        newsOptIn: false,
      },
    });
  });

  it("names each field that is wrong", () => {
    const result = parseRegistrationForm(
      form({
        name: "",
        email: "jef@",
        organisation: "x".repeat(161),
        enterpriseNumber: "0123.456.789",
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: [{ key: "errors.name.required", values: {} }],
        email: [{ key: "errors.email.invalid", values: {} }],
        // The limit comes with the message, from the schema itself.
        organisation: [{ key: "errors.organisation.tooLong", values: { max: 160 } }],
        enterpriseNumber: [{ key: "errors.enterpriseNumber.invalid", values: {} }],
        consent: [{ key: "errors.consent.required", values: {} }],
      },
    });
  });

  it("refuses line breaks and control characters in one-line fields, allows them in long answers", () => {
    const questions = [asked("longText", { id: 1 }), asked("shortText", { id: 2 })];
    const submission = parseForm(
      form({
        name: "Eva\r\nBcc: x@example.org",
        email: "eva@example.org",
        organisation: "Bakkerij\u0000",
        q1: "Geen noten\nGeen lactose",
        q2: "Informatica\nBcc: x@example.org",
        consent: "on",
      }),
      signUpSchema({ questions }),
    );
    expect(submission.status === "error" ? submission.error : submission.status).toEqual({
      name: [{ key: "errors.text.invalidCharacters", values: {} }],
      organisation: [{ key: "errors.text.invalidCharacters", values: {} }],
      q2: [{ key: "errors.text.invalidCharacters", values: {} }],
    });
  });

  it("refuses an address with a line break in it", () => {
    const result = parseRegistrationForm(
      form({ name: "Eva", email: "eva@example.org\r\nBcc: x@example.org", consent: "on" }),
    );
    expect(result.ok).toBe(false);
  });
});

/** A question as the sign-up form gets it; override what a test needs. */
function asked(type: AskedQuestion["type"], overrides: Partial<AskedQuestion> = {}): AskedQuestion {
  return {
    id: 1,
    type,
    label: "Vraag",
    help: null,
    required: false,
    perPerson: false,
    display: type === "oneChoice" ? "radio" : null,
    choices: [],
    maxLength: type === "shortText" ? 200 : type === "longText" ? 1000 : null,
    min: null,
    max: null,
    ...overrides,
  };
}

const PERSON = { name: "Jef Maes", email: "jef@example.org", consent: "on" };
const PACKAGES = ["exact-online", "octopus", "yuki", "andere"].map((key) => ({ key, label: key }));

/** The answers to the form's questions, as stored; or each question field's first message key. */
function answersTo(
  questions: AskedQuestion[],
  fields: Record<string, string | readonly string[]>,
  byOrganiser = false,
) {
  const data = new FormData();
  for (const [key, value] of Object.entries({ ...PERSON, ...fields })) {
    for (const one of [value].flat()) data.append(key, one);
  }
  const schema = byOrganiser ? addAttendeeSchema({ questions }) : signUpSchema({ questions });
  const submission = parseForm(data, schema);
  if (submission.status === "success") return storedAnswers(questions, submission.value);
  return Object.fromEntries(
    Object.entries(submission.error ?? {}).map(([name, messages]) => [name, messages?.[0]]),
  );
}

describe("a session's questions on the sign-up form", () => {
  const all = [
    asked("shortText", { id: 1, required: true, maxLength: 20 }),
    asked("longText", { id: 2 }),
    asked("oneChoice", { id: 3, required: true, choices: PACKAGES }),
    asked("severalChoices", { id: 4, choices: PACKAGES }),
    asked("yesNo", { id: 5, required: true }),
    asked("number", { id: 6, min: 1, max: 50 }),
    asked("mustTick", { id: 7, required: true }),
  ];
  const good = {
    q1: " Informatica ",
    q2: "Geen noten",
    q3: "yuki",
    q4: ["andere", "octopus"],
    q5: "no",
    q6: "12",
    q7: "on",
  };

  it("stores each answer as its type says: text, a key, keys in the order offered, yes/no, a number", () => {
    expect(answersTo(all, good)).toEqual([
      { questionId: 1, value: "Informatica" },
      { questionId: 2, value: "Geen noten" },
      { questionId: 3, value: "yuki" },
      { questionId: 4, value: '["octopus","andere"]' },
      { questionId: 5, value: "no" },
      { questionId: 6, value: "12" },
      { questionId: 7, value: "yes" },
    ]);
  });

  it("stores nothing for a question left open that may stay open", () => {
    const { q2: _2, q4: _4, q6: _6, ...required } = good;
    expect(answersTo(all, { ...required, q4: "", q6: " " })).toEqual([
      { questionId: 1, value: "Informatica" },
      { questionId: 3, value: "yuki" },
      { questionId: 5, value: "no" },
      { questionId: 7, value: "yes" },
    ]);
  });

  it.each([
    [
      "a required text left empty",
      { q1: "  " },
      "q1",
      { key: "errors.question.required", values: { min: 1 } },
    ],
    [
      "text too long",
      { q1: "x".repeat(21) },
      "q1",
      { key: "errors.question.tooLong", values: { max: 20 } },
    ],
    [
      "a required choice left open",
      { q3: "" },
      "q3",
      { key: "errors.question.choose", values: {} },
    ],
    [
      "a choice that is not offered",
      { q3: "winbooks" },
      "q3",
      { key: "errors.question.notOffered", values: {} },
    ],
    [
      "one of several that is not offered",
      { q4: ["yuki", "bob"] },
      "q4",
      { key: "errors.question.notOffered", values: {} },
    ],
    ["yes/no left open", { q5: "" }, "q5", { key: "errors.question.choose", values: {} }],
    [
      "neither yes nor no",
      { q5: "misschien" },
      "q5",
      { key: "errors.question.notOffered", values: {} },
    ],
    [
      "a number below the minimum",
      { q6: "0" },
      "q6",
      { key: "errors.question.numberBetween", values: { min: 1, max: 50 } },
    ],
    [
      "a number above the maximum",
      { q6: "51" },
      "q6",
      { key: "errors.question.numberBetween", values: { min: 1, max: 50 } },
    ],
    ["no whole number", { q6: "3,5" }, "q6", { key: "errors.question.wholeNumber", values: {} }],
    [
      "the box that must be ticked left empty",
      { q7: "" },
      "q7",
      { key: "errors.question.mustTick", values: {} },
    ],
  ] as const)("refuses %s, at its field", (_, change, field, message) => {
    expect(answersTo(all, { ...good, ...change })).toEqual({ [field]: message });
  });

  it("says the one bound a number has", () => {
    const atLeast = [asked("number", { id: 6, min: 0 })];
    const atMost = [asked("number", { id: 6, max: 10 })];
    expect(answersTo(atLeast, { q6: "-1" })).toEqual({
      q6: { key: "errors.question.numberAtLeast", values: { min: 0, max: 0 } },
    });
    expect(answersTo(atMost, { q6: "11" })).toEqual({
      q6: { key: "errors.question.numberAtMost", values: { min: 0, max: 10 } },
    });
    expect(answersTo(atLeast, { q6: "-0" })).toEqual([{ questionId: 6, value: "0" }]);
  });

  it("makes one schema per set of questions, whatever language their labels are in", () => {
    const dutch = [asked("yesNo", { id: 9, label: "Kom je met een rolstoel?" })];
    const english = [asked("yesNo", { id: 9, label: "Are you coming in a wheelchair?" })];
    expect(signUpSchema({ questions: english })).toBe(signUpSchema({ questions: dutch }));
    expect(signUpSchema({ questions: [asked("yesNo", { id: 9, required: true })] })).not.toBe(
      signUpSchema({ questions: dutch }),
    );
    expect(addAttendeeSchema({ questions: dutch })).not.toBe(signUpSchema({ questions: dutch }));
  });

  it("lets an organiser adding someone leave every answer open, but not give one that is not offered", () => {
    expect(answersTo(all, {}, true)).toEqual([]);
    expect(answersTo(all, { q3: "winbooks" }, true)).toEqual({
      q3: { key: "errors.question.notOffered", values: {} },
    });
    expect(answersTo(all, { q7: "on", q5: "yes" }, true)).toEqual([
      { questionId: 5, value: "yes" },
      { questionId: 7, value: "yes" },
    ]);
  });
});
