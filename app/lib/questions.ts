import { z } from "zod";
import type { QuestionPart, QuestionType, SessionQuestion } from "../../db/schema";
import { i18n, type Locale, type MessageKey } from "../i18n";
import { optionalLine, optionalText, requiredLine, requiredText } from "./text";

/**
 * The questions a session asks of its own, at sign-up or in the survey after it, and their
 * answers: what a question is, how it reads in each language, the form fields it becomes (a zod
 * schema built from the definitions, the same on the server and in the browser), how an answer
 * is stored and how it reads again.
 */

export type { QuestionPart, QuestionType };

/** The types a sign-up form asks. */
export const QUESTION_TYPES: readonly QuestionType[] = [
  "shortText",
  "longText",
  "oneChoice",
  "severalChoices",
  "yesNo",
  "number",
  "mustTick",
];

/**
 * The types the survey asks: no box to tick (nobody has to agree to anything to give their
 * opinion) and no number (its answers have no scale to average); a score from 1 to 5 instead.
 */
const SURVEY_QUESTION_TYPES: readonly QuestionType[] = [
  "shortText",
  "longText",
  "oneChoice",
  "severalChoices",
  "yesNo",
  "scale",
];

export const TYPES_OF_PART: Record<QuestionPart, readonly QuestionType[]> = {
  signUp: QUESTION_TYPES,
  survey: SURVEY_QUESTION_TYPES,
};

/** Whether a form of this part asks questions of this type. */
export const isTypeOf = (part: QuestionPart, value: unknown): value is QuestionType =>
  typeof value === "string" && (TYPES_OF_PART[part] as readonly string[]).includes(value);

/** The answers of a score, lowest first. */
export const SCALE = ["1", "2", "3", "4", "5"] as const;

export const QUESTION_LIMITS = {
  label: 200,
  help: 500,
  choiceLabel: 120,
  /** Choices of one question, offered and removed together. */
  choices: 30,
  /** Questions one session asks at sign-up. */
  questions: 25,
  /** Questions of its own one session's survey asks, after its three fixed ones. */
  surveyQuestions: 5,
  shortText: { default: 200, max: 500 },
  longText: { default: 1000, max: 5000 },
  /** Numbers are whole, and within ± this (the columns are 32-bit). */
  number: 999_999_999,
} as const;

/** A text in Dutch, and in French and English where the organiser gave them. */
export interface Texts {
  nl: string;
  fr: string | null;
  en: string | null;
}

/**
 * One choice of a question. Its key is made once, when the choice is added, and never changes:
 * an answer stores the key, so renaming or reordering choices keeps what people answered. A
 * removed choice stays in the list, marked, so older answers still read.
 */
export interface Choice extends Texts {
  key: string;
  removed?: true;
}

/** How many questions a form of this part asks at most. */
export const questionLimit = (part: QuestionPart): number =>
  part === "survey" ? QUESTION_LIMITS.surveyQuestions : QUESTION_LIMITS.questions;

export interface Question {
  id: number;
  sessionId: number;
  part: QuestionPart;
  type: QuestionType;
  label: Texts;
  /** Null when there is no help text at all. */
  help: Texts | null;
  /** A must-tick box is always required. */
  required: boolean;
  /** Asked of each person when one sign-up brings several people. */
  perPerson: boolean;
  /** One choice: radio buttons or a select. */
  display: "radio" | "select" | null;
  choices: Choice[];
  maxLength: number | null;
  min: number | null;
  max: number | null;
  removed: boolean;
}

export const hasChoices = (type: QuestionType) => type === "oneChoice" || type === "severalChoices";
export const isText = (type: QuestionType) => type === "shortText" || type === "longText";

function parseChoices(json: string | null): Choice[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as Choice[]) : [];
  } catch {
    return [];
  }
}

export function questionOf(row: SessionQuestion): Question {
  const help =
    row.help_nl || row.help_fr || row.help_en
      ? { nl: row.help_nl ?? "", fr: row.help_fr, en: row.help_en }
      : null;
  return {
    id: row.id,
    sessionId: row.session_id,
    part: row.part,
    type: row.type,
    label: { nl: row.label_nl, fr: row.label_fr, en: row.label_en },
    help,
    required: row.type === "mustTick" || row.required === 1,
    perPerson: row.per_person === 1,
    display: row.type === "oneChoice" ? (row.choice_display ?? "radio") : null,
    choices: parseChoices(row.choices),
    maxLength: row.max_length,
    min: row.min_value,
    max: row.max_value,
    removed: row.removed_at !== null,
  };
}

/** The text in the locale's language, Dutch when it has none in that language. */
export function inLanguage(texts: Texts, locale: Locale): string {
  const own = locale === "fr-BE" ? texts.fr : locale === "en-BE" ? texts.en : null;
  return own || texts.nl;
}

/** The longest answer a text question takes. */
function maxLengthOf(question: Pick<Question, "type" | "maxLength">): number {
  const limits =
    question.type === "longText" ? QUESTION_LIMITS.longText : QUESTION_LIMITS.shortText;
  return question.maxLength ?? limits.default;
}

/** A question as a sign-up form shows it, in one language: its choices still offered only. */
export interface AskedQuestion {
  id: number;
  type: QuestionType;
  label: string;
  help: string | null;
  required: boolean;
  /** Asked of each colleague too, where one sign-up brings several people. */
  perPerson: boolean;
  display: "radio" | "select" | null;
  choices: { key: string; label: string }[];
  maxLength: number | null;
  min: number | null;
  max: number | null;
}

/**
 * A question's definition with each of its texts (label, help, choices) made by `text`: one
 * language for a form, every language for the API. Removed choices are left out.
 */
export function questionWith<T>(question: Question, text: (texts: Texts) => T) {
  return {
    id: question.id,
    type: question.type,
    label: text(question.label),
    help: question.help ? text(question.help) : null,
    required: question.required,
    perPerson: question.perPerson,
    display: question.display,
    choices: question.choices
      .filter((choice) => !choice.removed)
      .map((choice) => ({ key: choice.key, label: text(choice) })),
    maxLength: isText(question.type) ? maxLengthOf(question) : null,
    min: question.min,
    max: question.max,
  };
}

export function askedIn(question: Question, locale: Locale): AskedQuestion {
  const asked = questionWith(question, (texts) => inLanguage(texts, locale));
  return { ...asked, help: asked.help || null };
}

/* The form fields ------------------------------------------------------------------------- */

/** The name of a question's field in a form: `q12`. */
export type AnswerField = `q${number}`;
export const answerField = (questionId: number): AnswerField => `q${questionId}`;

const REQUIRED: MessageKey = "errors.question.required";
const CHOOSE: MessageKey = "errors.question.choose";
const NOT_OFFERED: MessageKey = "errors.question.notOffered";
const WHOLE_NUMBER = /^-?\d{1,9}$/;

/** Empty, missing or sent twice (a crafted form): nothing chosen. */
const oneValue = z.string().trim().optional().catch(undefined);

/** One of `allowed`, or nothing; what is not offered is refused, not dropped. */
function oneOf(allowed: readonly string[], required: boolean, missing: MessageKey) {
  return oneValue.transform((value, ctx) => {
    if (!value) {
      if (required) ctx.addIssue({ code: "custom", message: missing });
      return null;
    }
    if (!allowed.includes(value)) {
      ctx.addIssue({ code: "custom", message: NOT_OFFERED });
      return z.NEVER;
    }
    return value;
  });
}

function severalOf(allowed: readonly string[], required: boolean) {
  return z
    .array(z.string())
    .optional()
    .catch(undefined)
    .transform((values, ctx) => {
      const chosen = [...new Set(values ?? [])].filter(Boolean);
      if (chosen.some((value) => !allowed.includes(value))) {
        ctx.addIssue({ code: "custom", message: NOT_OFFERED });
        return z.NEVER;
      }
      if (!chosen.length) {
        if (required) ctx.addIssue({ code: "custom", message: "errors.question.chooseSome" });
        return null;
      }
      // In the order they are offered, however the form sent them.
      return allowed.filter((value) => chosen.includes(value));
    });
}

function wholeNumber({ min, max }: Pick<AskedQuestion, "min" | "max">, required: boolean) {
  return oneValue.transform((value, ctx) => {
    if (!value) {
      if (required) ctx.addIssue({ code: "custom", message: REQUIRED });
      return null;
    }
    const number = WHOLE_NUMBER.test(value) ? Number(value) : Number.NaN;
    if (Number.isNaN(number)) {
      ctx.addIssue({ code: "custom", message: "errors.question.wholeNumber" });
      return z.NEVER;
    }
    if ((min !== null && number < min) || (max !== null && number > max)) {
      const message: MessageKey =
        min !== null && max !== null
          ? "errors.question.numberBetween"
          : min !== null
            ? "errors.question.numberAtLeast"
            : "errors.question.numberAtMost";
      ctx.addIssue({ code: "custom", message, params: { min: min ?? 0, max: max ?? 0 } });
      return z.NEVER;
    }
    return number;
  });
}

/** A ticked box sends "on"; an unticked one nothing at all. */
const tickedBox = z
  .string()
  .optional()
  .catch(undefined)
  .transform((value) => (value ? true : null));

function answerSchema(question: AskedQuestion, byOrganiser: boolean) {
  // An organiser adding someone by hand may not know every answer: nothing is required then.
  const required = question.required && !byOrganiser;
  const keys = question.choices.map((choice) => choice.key);
  const tooLong: MessageKey = "errors.question.tooLong";
  const max = question.maxLength ?? QUESTION_LIMITS.shortText.default;
  switch (question.type) {
    case "shortText":
      return required
        ? requiredLine({ max, tooLong, required: REQUIRED })
        : optionalLine({ max, tooLong });
    case "longText":
      return required
        ? requiredText({ max, tooLong, required: REQUIRED })
        : optionalText({ max, tooLong });
    case "oneChoice":
      return oneOf(keys, required, CHOOSE);
    case "severalChoices":
      return severalOf(keys, required);
    case "yesNo":
      return oneOf(["yes", "no"], required, CHOOSE);
    case "number":
      return wholeNumber(question, required);
    case "scale":
      return oneOf(SCALE, required, CHOOSE);
    case "mustTick":
      return byOrganiser
        ? tickedBox
        : z.literal("on", { error: "errors.question.mustTick" }).transform(() => true as const);
  }
}

/**
 * The fields the questions add to a form, each checked as its question says: the sign-up's
 * schema is the person's fields extended with these. `byOrganiser`: an organiser adding someone
 * by hand, who may leave any answer open.
 */
export function answersShape(
  questions: readonly AskedQuestion[],
  { byOrganiser = false }: { byOrganiser?: boolean } = {},
): Record<AnswerField, z.ZodType> {
  return Object.fromEntries(
    questions.map((question) => [answerField(question.id), answerSchema(question, byOrganiser)]),
  );
}

/* Storing and reading answers ------------------------------------------------------------- */

export interface StoredAnswer {
  questionId: number;
  value: string;
}

/**
 * The answers a checked form holds, as they are stored: text and numbers as text, a choice by
 * its key, several choices as a JSON list of keys, yes/no and a ticked box as "yes"/"no".
 * Questions left open store nothing.
 */
export function storedAnswers(
  questions: readonly Pick<AskedQuestion, "id" | "type">[],
  values: Partial<Record<AnswerField, unknown>>,
): StoredAnswer[] {
  const answers: StoredAnswer[] = [];
  for (const question of questions) {
    const value = values[answerField(question.id)];
    if (value === null || value === undefined || value === "") continue;
    const stored = Array.isArray(value)
      ? JSON.stringify(value)
      : value === true
        ? "yes"
        : String(value);
    answers.push({ questionId: question.id, value: stored });
  }
  return answers;
}

/** The keys of a stored answer to a question with several choices. */
function chosenKeys(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [value];
  } catch {
    return [value];
  }
}

/** A stored answer as a reader takes it, in the locale's language: labels for keys, yes or no. */
export function answerText(
  question: Pick<Question, "type" | "choices">,
  value: string,
  locale: Locale,
): string {
  const { t } = i18n(locale);
  const label = (key: string) => {
    const choice = question.choices.find((c) => c.key === key);
    return choice ? inLanguage(choice, locale) : key;
  };
  switch (question.type) {
    case "oneChoice":
      return label(value);
    case "severalChoices":
      return chosenKeys(value).map(label).join("; ");
    case "yesNo":
    case "mustTick":
      return t(value === "yes" ? "questions.answer.yes" : "questions.answer.no");
    default:
      return value;
  }
}

/* Choosing people by an answer -------------------------------------------------------------- */

/**
 * The answers one can pick people by, for a message to some of them: yes or no, a ticked box,
 * one of the choices. Text and numbers are no filter: their answers are anyone's words.
 */
export function filterValues(question: Pick<Question, "type" | "choices">): string[] {
  switch (question.type) {
    case "yesNo":
      return ["yes", "no"];
    case "mustTick":
      return ["yes"];
    case "oneChoice":
    case "severalChoices":
      return question.choices.filter((choice) => !choice.removed).map((choice) => choice.key);
    default:
      return [];
  }
}

/** Whether a stored answer is `value` (or, with several choices, holds it). */
export function answerIs(question: Pick<Question, "type">, stored: string, value: string): boolean {
  return question.type === "severalChoices" ? chosenKeys(stored).includes(value) : stored === value;
}

/* Templates -------------------------------------------------------------------------------- */

/**
 * What makes a question, whoever makes it: the editor, a copy, or a breakfast's default. It is
 * asked at sign-up unless its `part` says otherwise.
 */
export interface QuestionInput {
  part?: QuestionPart;
  type: QuestionType;
  label: Texts;
  help: Texts | null;
  required: boolean;
  perPerson: boolean;
  display: "radio" | "select" | null;
  choices: Choice[];
  maxLength: number | null;
  min: number | null;
  max: number | null;
}

/** The question every new breakfast starts with (the organiser may remove it). */
export function dietaryQuestion(): QuestionInput {
  const texts = (key: MessageKey): Texts => ({
    nl: i18n("nl-BE").t(key),
    fr: i18n("fr-BE").t(key),
    en: i18n("en-BE").t(key),
  });
  return {
    type: "longText",
    label: texts("questions.dietary.label"),
    help: texts("questions.dietary.help"),
    required: false,
    perPerson: true,
    display: null,
    choices: [],
    maxLength: 500,
    min: null,
    max: null,
  };
}
