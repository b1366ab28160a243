import { z } from "zod";
import type { MessageKey } from "~/i18n";
import {
  type Choice,
  hasChoices,
  isText,
  QUESTION_LIMITS,
  type Question,
  type QuestionInput,
  type QuestionPart,
  type QuestionType,
  TYPES_OF_PART,
} from "./questions";
import { rowId } from "./session-form";
import { slugify } from "./slug";
import { optionalLine, requiredLine } from "./text";

/**
 * The organiser's forms about a session's questions, at sign-up or in the survey: a question
 * (added or edited; its type is chosen before the form and fixed after), and the buttons of the
 * list (move, remove, copy).
 */

/** The page where a session's organisers edit the questions of one of its forms. */
export const questionsPath = (sessionId: number, part: QuestionPart) =>
  part === "survey"
    ? `/beheer/sessies/${sessionId}/enquete/vragen`
    : `/beheer/sessies/${sessionId}/vragen`;

/** What the questions page of each form says where the two differ. */
export const PART_TEXTS = {
  signUp: {
    title: "questions.title",
    intro: "questions.intro",
    none: "questions.none",
    required: "questionForm.required",
    tooMany: "questions.refused.tooMany",
    removed: "questions.done.removed",
  },
  survey: {
    title: "surveyQuestions.title",
    intro: "surveyQuestions.intro",
    none: "surveyQuestions.none",
    required: "surveyQuestions.required",
    tooMany: "surveyQuestions.refused.tooMany",
    removed: "surveyQuestions.done.removed",
  },
} as const satisfies Record<QuestionPart, Record<string, MessageKey>>;

const checkbox = z
  .string()
  .optional()
  .transform((value) => Boolean(value));

const label = (tooLong: MessageKey) => optionalLine({ max: QUESTION_LIMITS.label, tooLong });
const help = optionalLine({
  max: QUESTION_LIMITS.help,
  tooLong: "questionForm.errors.help.tooLong",
});
const choiceLabel = optionalLine({
  max: QUESTION_LIMITS.choiceLabel,
  tooLong: "questionForm.errors.choice.tooLong",
});

/** A whole number within `min`..`max`, or nothing. */
const optionalWhole = (message: MessageKey, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .catch("")
    .transform((value, ctx) => {
      if (!value) return null;
      const number = /^-?\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
      if (!(number >= min && number <= max)) {
        ctx.addIssue({ code: "custom", message, params: { min, max } });
        return z.NEVER;
      }
      return number;
    });

const NUMBER = QUESTION_LIMITS.number;

/** A field this type does not have: whatever a form sends for it is ignored. */
const absent = z
  .unknown()
  .optional()
  .transform((): null => null);

/** One row of the choices: its key (empty for a new one) and its labels. */
const choiceRow = z.object({
  key: z.string().trim().max(80).optional(),
  nl: choiceLabel,
  fr: choiceLabel,
  en: choiceLabel,
});

/** The fields of a question of this type: only what the type has. */
export function questionFieldsSchema(type: QuestionType) {
  const textLimits = type === "longText" ? QUESTION_LIMITS.longText : QUESTION_LIMITS.shortText;
  return z.object({
    labelNl: requiredLine({
      max: QUESTION_LIMITS.label,
      required: "questionForm.errors.label.required",
      tooLong: "questionForm.errors.label.tooLong",
    }),
    labelFr: label("questionForm.errors.label.tooLong"),
    labelEn: label("questionForm.errors.label.tooLong"),
    helpNl: help,
    helpFr: help,
    helpEn: help,
    required: checkbox,
    perPerson: checkbox,
    display: z.enum(["radio", "select"]).optional().catch("radio"),
    choices: hasChoices(type)
      ? z.array(choiceRow).max(QUESTION_LIMITS.choices, "questionForm.errors.choices.tooMany")
      : z.array(choiceRow).optional(),
    maxLength: isText(type)
      ? optionalWhole("questionForm.errors.maxLength.range", 1, textLimits.max)
      : absent,
    min:
      type === "number"
        ? optionalWhole("questionForm.errors.number.range", -NUMBER, NUMBER)
        : absent,
    max:
      type === "number"
        ? optionalWhole("questionForm.errors.number.range", -NUMBER, NUMBER)
        : absent,
  });
}

type QuestionFields = z.output<ReturnType<typeof questionFieldsSchema>>;

/** What a posted question form holds, checked: the question, with its choices not yet keyed. */
export interface QuestionFormData extends Omit<QuestionInput, "choices"> {
  choices: { key: string | null; nl: string; fr: string | null; en: string | null }[];
}

/**
 * A question form of this type. The checks between fields (a choice's translation without its
 * Dutch label, two choices alike, too few choices, a minimum above the maximum) run even when
 * other fields are wrong, so one round trip shows every problem.
 */
export function questionFormSchema(type: QuestionType) {
  return questionFieldsSchema(type)
    .superRefine(
      (fields, ctx) => {
        const rows = fields.choices ?? [];
        if (hasChoices(type)) {
          const labels = new Set<string>();
          rows.forEach((row, index) => {
            if (!row.nl && (row.fr || row.en)) {
              ctx.addIssue({
                code: "custom",
                path: ["choices", index, "nl"],
                message: "questionForm.errors.choice.dutchMissing",
              });
            }
            const seen = row.nl?.toLocaleLowerCase("nl-BE");
            if (seen && labels.has(seen)) {
              ctx.addIssue({
                code: "custom",
                path: ["choices", index, "nl"],
                message: "questionForm.errors.choice.twice",
              });
            }
            if (seen) labels.add(seen);
          });
          const needed = type === "oneChoice" ? 2 : 1;
          if (labels.size < needed) {
            ctx.addIssue({
              code: "custom",
              path: ["choices"],
              message: "questionForm.errors.choices.tooFew",
              params: { min: needed },
            });
          }
        }
        if (
          type === "number" &&
          fields.min !== null &&
          fields.max !== null &&
          fields.min > fields.max
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["max"],
            message: "questionForm.errors.number.order",
          });
        }
      },
      { when: () => true },
    )
    .transform((fields: QuestionFields): QuestionFormData => {
      const texts = (nl: string | null, fr: string | null, en: string | null) =>
        nl || fr || en ? { nl: nl ?? "", fr, en } : null;
      return {
        type,
        label: { nl: fields.labelNl, fr: fields.labelFr, en: fields.labelEn },
        help: texts(fields.helpNl, fields.helpFr, fields.helpEn),
        required: type === "mustTick" || fields.required,
        perPerson: fields.perPerson,
        display: type === "oneChoice" ? (fields.display ?? "radio") : null,
        choices: hasChoices(type)
          ? (fields.choices ?? [])
              .filter((row) => row.nl)
              .map((row) => ({ key: row.key || null, nl: row.nl ?? "", fr: row.fr, en: row.en }))
          : [],
        maxLength: fields.maxLength,
        min: fields.min,
        max: fields.max,
      };
    });
}

/** The type of a new question, as the add form names it: one the form of `part` asks. */
export const questionTypeSchema = (part: QuestionPart) =>
  z.object({
    type: z.enum(TYPES_OF_PART[part] as [QuestionType, ...QuestionType[]], {
      error: "questionForm.errors.type.invalid",
    }),
  });

/**
 * The question's choices as stored: those posted in their order, each keeping its key (a new
 * one gets a key made from its Dutch label, unlike any key the question ever had), and the ones
 * no longer posted after them, marked removed, so earlier answers still read. Null when a
 * posted key is not one of the question's: the form was not the one the page gave.
 */
export function keyedChoices(
  posted: QuestionFormData["choices"],
  existing: readonly Choice[],
): Choice[] | null {
  const known = new Map(existing.map((choice) => [choice.key, choice]));
  const taken = new Set(known.keys());
  const kept = new Set<string>();
  const choices: Choice[] = [];
  for (const row of posted) {
    let key = row.key;
    if (key !== null) {
      if (!known.has(key) || kept.has(key)) return null;
    } else {
      const base = slugify(row.nl, 40) || "keuze";
      key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
      taken.add(key);
    }
    kept.add(key);
    choices.push({ key, nl: row.nl, fr: row.fr, en: row.en });
  }
  for (const choice of existing) {
    if (!kept.has(choice.key)) choices.push({ ...choice, removed: true });
  }
  return choices;
}

/** A question as its edit form starts. */
export function questionFormValues(question: Question) {
  return {
    labelNl: question.label.nl,
    labelFr: question.label.fr ?? "",
    labelEn: question.label.en ?? "",
    helpNl: question.help?.nl ?? "",
    helpFr: question.help?.fr ?? "",
    helpEn: question.help?.en ?? "",
    required: question.required ? "on" : "",
    perPerson: question.perPerson ? "on" : "",
    display: question.display ?? "radio",
    choices: question.choices
      .filter((choice) => !choice.removed)
      .map((choice) => ({
        key: choice.key,
        nl: choice.nl,
        fr: choice.fr ?? "",
        en: choice.en ?? "",
      })),
    maxLength: question.maxLength === null ? "" : String(question.maxLength),
    min: question.min === null ? "" : String(question.min),
    max: question.max === null ? "" : String(question.max),
  };
}

/** A button beside a question in the list: move it, or remove it. */
export const questionActionSchema = z.object({
  intent: z.enum(["up", "down", "remove"], { error: "edge.badRequest.body" }),
  questionId: rowId("edge.badRequest.body"),
});

/** Copying the questions of another session (one in the organiser's scope). */
export const copyQuestionsSchema = z.object({
  fromSessionId: rowId("questionForm.errors.copyFrom.required"),
});
