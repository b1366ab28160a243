import { z } from "zod";
import type { Usefulness } from "../../db/schema";
import { type AskedQuestion, answersShape } from "./questions";
import { optionalText } from "./text";

/**
 * The survey a person who came answers after a session: a rating from 1 to 5, whether it was
 * useful for their business, one open question, and the questions of its own the session adds
 * (app/lib/questions.ts, checked as the sign-up form checks them). Checked by `parseForm` on the
 * server and in the browser; the messages are catalogue keys.
 */

/** Days after the thank-you mail that its survey takes answers. */
export const SURVEY_OPEN_DAYS = 14;

/** Fewer answers than this and the results show the count only: a few answers name their people. */
export const SURVEY_MIN_ANSWERS = 3;

export const SURVEY_RATINGS = ["1", "2", "3", "4", "5"] as const;
export const USEFULNESS: readonly Usefulness[] = ["yes", "somewhat", "no"];

export const SURVEY_LIMITS = { comment: 1000 } as const;

const surveySchema = z.object({
  rating: z
    .enum(SURVEY_RATINGS, { error: "survey.errors.rating.required" })
    .transform((value) => Number(value)),
  useful: z.enum(USEFULNESS as [Usefulness, ...Usefulness[]], {
    error: "survey.errors.useful.required",
  }),
  comment: optionalText({
    max: SURVEY_LIMITS.comment,
    tooLong: "survey.errors.comment.tooLong",
  }),
});

export type SurveyAnswers = z.output<typeof surveySchema>;

/** The survey's form: its fixed questions, and the session's own. */
export const surveyFormSchema = (questions: readonly AskedQuestion[]) =>
  surveySchema.extend(answersShape(questions));
