import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import type { QuestionsPageProps } from "~/components/question-editor";
import type { MessageKey } from "~/i18n";
import {
  type FormErrors,
  type FormMessage,
  type FormResult,
  formMessage,
  parseForm,
} from "~/lib/forms";
import {
  copyQuestionsSchema,
  PART_TEXTS,
  questionActionSchema,
  questionFormSchema,
  questionsPath,
  questionTypeSchema,
} from "~/lib/question-form";
import { isTypeOf, type QuestionPart, type QuestionType, questionLimit } from "~/lib/questions";
import { parseRowId } from "~/lib/session-form";
import {
  addQuestion,
  copyQuestions,
  listQuestions,
  moveQuestion,
  questionSources,
  removeQuestion,
  surveyAnswered,
  updateQuestion,
} from "~/models/question.server";
import { isSessionInScope } from "~/models/scope.server";
import { requireSessionAccess } from "./auth.server";
import { redirectWithNotice, takeNotice } from "./flash.server";
import { requireKnownLanguage } from "./locale.server";
import { found, notFound } from "./not-found.server";
import { clientOf } from "./rate-limits.server";
import { requireManagedSession } from "./session-admin.server";

/**
 * The questions page of one of a session's forms, for its organisers: the sign-up form's
 * (`/beheer/sessies/<id>/vragen`) or the survey's (`…/enquete/vragen`). Add one of a chosen type
 * (`?nieuw=<type>`), edit one (`?bewerk=<id>`), move, remove, or take over the questions another
 * session asks in the same form. Plain forms with an intent each, so it all works without
 * JavaScript. The survey's questions are fixed once it has an answer: the page then only lists
 * them, and every change is refused (409).
 */

type QuestionsMode = QuestionsPageProps["mode"];

function modeOf(url: URL, part: QuestionPart): QuestionsMode {
  const type = url.searchParams.get("nieuw");
  if (type !== null) {
    if (!isTypeOf(part, type)) throw notFound();
    return { kind: "new", type };
  }
  const edit = url.searchParams.get("bewerk");
  if (edit !== null) return { kind: "edit", id: found(parseRowId(edit)) };
  return { kind: "list" };
}

export async function questionsLoader({ request, params }: LoaderFunctionArgs, part: QuestionPart) {
  const { organiser, session } = await requireManagedSession(request, params.id);
  const [questions, sources, locked, { notice, headers }] = await Promise.all([
    listQuestions(session.id, part),
    questionSources(organiser.scope, { except: session.id, part }),
    part === "survey" ? surveyAnswered(session.id) : false,
    takeNotice(request),
  ]);
  // Once fixed, the survey's questions have no form to add or edit one.
  const mode = locked ? { kind: "list" as const } : modeOf(new URL(request.url), part);
  const editing = mode.kind === "edit" ? found(questions.find((q) => q.id === mode.id)) : null;
  return data(
    {
      part,
      session: { id: session.id, title: session.title, startsAt: session.starts_at },
      questions,
      mode,
      editing,
      sources,
      locked,
      notice,
    },
    { headers },
  );
}

/** Which form the answer is for (the question form, the buttons of the list, the copy), and it. */
type QuestionsActionData = NonNullable<QuestionsPageProps["actionData"]>;

const answer = (form: QuestionsActionData["form"], result: FormResult, status: number) =>
  data<QuestionsActionData>({ form, result }, { status });

export async function questionsAction(
  { request, params, context }: ActionFunctionArgs,
  part: QuestionPart,
) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const actor = { organiserId: organiser.id, clientAddress: clientOf(context) };
  const formData = await request.formData();
  const done = (notice: FormMessage) =>
    redirectWithNotice(request, questionsPath(sessionId, part), notice);
  const texts = PART_TEXTS[part];
  const tooMany = { max: questionLimit(part) };
  // Said at the top of the page: once the survey has answers, it shows no form to change them.
  const refuseLocked = (submission: { reply(options: { formErrors: FormErrors }): FormResult }) =>
    answer(
      "list",
      submission.reply({ formErrors: formMessage("surveyQuestions.refused.locked") }),
      409,
    );
  const intent = formData.get("intent");

  if (intent === "add" || intent === "update") {
    let type: QuestionType;
    let questionId: number | null = null;
    if (intent === "add") {
      // The type alone: a button of the choices list (conform's intent) is for the form below.
      const chosen = parseForm(
        new URLSearchParams({ type: String(formData.get("type") ?? "") }),
        questionTypeSchema(part),
      );
      if (chosen.status !== "success") {
        // Only a crafted form names no type of the list: the page says so at its top.
        const unknown = formMessage("questionForm.errors.type.invalid");
        return answer("list", chosen.reply({ formErrors: unknown }), 400);
      }
      type = chosen.value.type;
    } else {
      questionId = parseRowId(formData.get("questionId"));
      const question = (await listQuestions(sessionId, part)).find((q) => q.id === questionId);
      if (!question || questionId === null) throw notFound();
      type = question.type;
    }
    const submission = parseForm(formData, questionFormSchema(type));
    // A button of the choices list (add, remove, move one): the form again, as it now stands.
    if (submission.status === undefined) return answer("question", submission.reply(), 200);
    if (submission.status !== "success") return answer("question", submission.reply(), 400);
    const refuse = (status: number, key: MessageKey, values?: FormMessage["values"]) =>
      answer("question", submission.reply({ formErrors: formMessage(key, values) }), status);
    if (questionId === null) {
      const result = await addQuestion(sessionId, part, submission.value, actor);
      if (result.ok) return done({ key: "questions.done.added", values: { label: result.label } });
      if (result.reason === "notFound") throw notFound();
      if (result.reason === "locked") return refuseLocked(submission);
      return refuse(409, texts.tooMany, tooMany);
    }
    const result = await updateQuestion(sessionId, part, questionId, submission.value, actor);
    if (result.ok) return done({ key: "questions.done.saved", values: { label: result.label } });
    if (result.reason === "notFound") throw notFound();
    if (result.reason === "locked") return refuseLocked(submission);
    return refuse(400, "edge.badRequest.body");
  }

  if (intent === "copy") {
    const submission = parseForm(formData, copyQuestionsSchema);
    if (submission.status !== "success") return answer("copy", submission.reply(), 400);
    const { fromSessionId } = submission.value;
    const refuse = (status: number, key: MessageKey, values?: FormMessage["values"]) =>
      answer(
        "copy",
        submission.reply({ fieldErrors: { fromSessionId: formMessage(key, values) } }),
        status,
      );
    if (!(await isSessionInScope(organiser.scope, fromSessionId))) {
      return refuse(400, "questionForm.errors.copyFrom.required");
    }
    const result = await copyQuestions(sessionId, part, fromSessionId, actor);
    if (result.ok) return done({ key: "questions.done.copied", values: { count: result.count } });
    if (result.reason === "notFound") throw notFound();
    if (result.reason === "sameSession")
      return refuse(400, "questionForm.errors.copyFrom.required");
    if (result.reason === "locked") return refuseLocked(submission);
    return refuse(409, texts.tooMany, tooMany);
  }

  const submission = parseForm(formData, questionActionSchema);
  if (submission.status !== "success") return answer("list", submission.reply(), 400);
  const refuse = (key: MessageKey, values?: FormMessage["values"]) =>
    answer("list", submission.reply({ formErrors: formMessage(key, values) }), 409);
  const { intent: button, questionId } = submission.value;
  if (button === "remove") {
    const result = await removeQuestion(sessionId, part, questionId, actor);
    if (result.ok) return done({ key: texts.removed, values: { label: result.label } });
    if (result.reason === "locked") return refuseLocked(submission);
    throw notFound();
  }
  const result = await moveQuestion(sessionId, part, questionId, button, actor);
  if (result.ok) {
    return done({
      key: "questions.done.moved",
      values: { label: result.label, position: result.position },
    });
  }
  if (result.reason === "notFound") throw notFound();
  if (result.reason === "locked") return refuseLocked(submission);
  return refuse(`questions.refused.${result.reason}`, { label: result.label });
}
