import { type FieldMetadata, getFormProps, getInputProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { type ReactNode, useMemo } from "react";
import { ConfirmAction } from "~/components/confirm-action";
import { CheckboxField, Field, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { type QuestionSource, QuestionSourceField } from "~/components/question-fields";
import { SelectField } from "~/components/select-field";
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
  questionActionSchema,
  questionFieldsSchema,
  questionFormSchema,
  questionFormValues,
  questionTypeSchema,
} from "~/lib/question-form";
import {
  hasChoices,
  inLanguage,
  isQuestionType,
  isText,
  QUESTION_LIMITS,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
} from "~/lib/questions";
import { parseRowId } from "~/lib/session-form";
import {
  addQuestion,
  copyQuestions,
  listQuestions,
  moveQuestion,
  questionSources,
  removeQuestion,
  updateQuestion,
} from "~/models/question.server";
import { isSessionInScope } from "~/models/scope.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSessionAccess } from "~/web/auth.server";
import { redirectWithNotice, takeNotice } from "~/web/flash.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { found, notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { requireManagedSession } from "~/web/session-admin.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

/**
 * The questions a session asks at sign-up, for its organisers: add one of a chosen type
 * (`?nieuw=<type>`), edit one (`?bewerk=<id>`), move, remove, or take over the questions of
 * another session. Plain forms with an intent each, so it all works without JavaScript.
 */

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "questions.title");

type Mode = { kind: "list" } | { kind: "new"; type: QuestionType } | { kind: "edit"; id: number };

function modeOf(url: URL): Mode {
  const type = url.searchParams.get("nieuw");
  if (type !== null) {
    if (!isQuestionType(type)) throw notFound();
    return { kind: "new", type };
  }
  const edit = url.searchParams.get("bewerk");
  if (edit !== null) return { kind: "edit", id: found(parseRowId(edit)) };
  return { kind: "list" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, session } = await requireManagedSession(request, params.id);
  const mode = modeOf(new URL(request.url));
  const [questions, sources, { notice, headers }] = await Promise.all([
    listQuestions(session.id),
    questionSources(organiser.scope, { except: session.id }),
    takeNotice(request),
  ]);
  const editing = mode.kind === "edit" ? found(questions.find((q) => q.id === mode.id)) : null;
  return data(
    {
      session: { id: session.id, title: session.title, startsAt: session.starts_at },
      questions,
      mode,
      editing,
      sources,
      notice,
    },
    { headers },
  );
}

interface ActionData {
  /** Which form the answer is for: the question form, the buttons of the list, or the copy. */
  form: "question" | "list" | "copy";
  result: FormResult;
}

const answer = (form: ActionData["form"], result: FormResult, status: number) =>
  data<ActionData>({ form, result }, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const actor = { organiserId: organiser.id, clientAddress: clientOf(context) };
  const formData = await request.formData();
  const done = (notice: FormMessage) =>
    redirectWithNotice(request, `/beheer/sessies/${sessionId}/vragen`, notice);
  const intent = formData.get("intent");

  if (intent === "add" || intent === "update") {
    let type: QuestionType;
    let questionId: number | null = null;
    if (intent === "add") {
      // The type alone: a button of the choices list (conform's intent) is for the form below.
      const chosen = parseForm(
        new URLSearchParams({ type: String(formData.get("type") ?? "") }),
        questionTypeSchema,
      );
      if (chosen.status !== "success") {
        // Only a crafted form names no type of the list: the page says so at its top.
        const unknown = formMessage("questionForm.errors.type.invalid");
        return answer("list", chosen.reply({ formErrors: unknown }), 400);
      }
      type = chosen.value.type;
    } else {
      questionId = parseRowId(formData.get("questionId"));
      const question = (await listQuestions(sessionId)).find((q) => q.id === questionId);
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
      const result = await addQuestion(sessionId, submission.value, actor);
      if (result.ok) return done({ key: "questions.done.added", values: { label: result.label } });
      if (result.reason === "notFound") throw notFound();
      return refuse(409, "questions.refused.tooMany", { max: QUESTION_LIMITS.questions });
    }
    const result = await updateQuestion(sessionId, questionId, submission.value, actor);
    if (result.ok) return done({ key: "questions.done.saved", values: { label: result.label } });
    if (result.reason === "notFound") throw notFound();
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
    const result = await copyQuestions(sessionId, fromSessionId, actor);
    if (result.ok) return done({ key: "questions.done.copied", values: { count: result.count } });
    if (result.reason === "notFound") throw notFound();
    if (result.reason === "sameSession")
      return refuse(400, "questionForm.errors.copyFrom.required");
    return refuse(409, "questions.refused.tooMany", { max: QUESTION_LIMITS.questions });
  }

  const submission = parseForm(formData, questionActionSchema);
  if (submission.status !== "success") return answer("list", submission.reply(), 400);
  const refuse = (key: MessageKey, values?: FormMessage["values"]) =>
    answer("list", submission.reply({ formErrors: formMessage(key, values) }), 409);
  const { intent: button, questionId } = submission.value;
  if (button === "remove") {
    const result = await removeQuestion(sessionId, questionId, actor);
    if (!result.ok) throw notFound();
    return done({ key: "questions.done.removed", values: { label: result.label } });
  }
  const result = await moveQuestion(sessionId, questionId, button, actor);
  if (result.ok) {
    return done({
      key: "questions.done.moved",
      values: { label: result.label, position: result.position },
    });
  }
  if (result.reason === "notFound") throw notFound();
  return refuse(`questions.refused.${result.reason}`, { label: result.label });
}

export default function SessionQuestions() {
  const { session, questions, mode, editing, sources, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t, longDate } = useI18n();
  const inLocale = useLocalePath();
  const [listForm] = useSchemaForm(
    questionActionSchema,
    actionData?.form === "list" ? actionData.result : undefined,
    { id: "question-list" },
  );
  const here = `/beheer/sessies/${session.id}/vragen`;
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
      </p>
      <h1>{t("questions.title")}</h1>
      <p className="lead">{t("questions.intro", { date: longDate(session.startsAt) })}</p>
      <FlashNotice notice={notice} />
      <FormProblem form={listForm} summary={t("edge.badRequest.body")} />

      {questions.length ? (
        <ol className="question-list">
          {questions.map((question, index) => (
            <QuestionCard
              key={question.id}
              question={question}
              first={index === 0}
              last={index === questions.length - 1}
              editHref={inLocale(`${here}?bewerk=${question.id}`)}
            />
          ))}
        </ol>
      ) : (
        <p className="panel">{t("questions.none")}</p>
      )}

      {mode.kind === "list" ? (
        <>
          <AddQuestionLinks here={here} />
          {sources.length ? (
            <CopyQuestions
              sources={sources}
              lastResult={actionData?.form === "copy" ? actionData.result : undefined}
            />
          ) : null}
        </>
      ) : (
        <QuestionEditor
          // A fresh form for each question and type.
          key={mode.kind === "new" ? mode.type : mode.id}
          type={mode.kind === "new" ? mode.type : (editing?.type ?? "shortText")}
          editing={editing}
          lastResult={actionData?.form === "question" ? actionData.result : undefined}
          cancelHref={inLocale(here)}
        />
      )}
    </div>
  );
}

/** One question as organisers read it, with its buttons. */
function QuestionCard({
  question,
  first,
  last,
  editHref,
}: {
  question: Question;
  first: boolean;
  last: boolean;
  editHref: string;
}) {
  const { t, locale } = useI18n();
  const label = inLanguage(question.label, locale);
  const choices = question.choices.filter((choice) => !choice.removed);
  return (
    <li className="panel question-card">
      <h2 className="question-label">{label}</h2>
      <p className="muted">
        {t(`questions.type.${question.type}`)} ·{" "}
        {t(question.required ? "questions.required" : "questions.optional")}
        {question.perPerson ? ` · ${t("questions.perPerson")}` : ""}
      </p>
      {question.help ? <p className="hint">{inLanguage(question.help, locale)}</p> : null}
      {choices.length ? (
        <ul className="question-choices">
          {choices.map((choice) => (
            <li key={choice.key}>{inLanguage(choice, locale)}</li>
          ))}
        </ul>
      ) : null}
      <div className="inline-actions">
        {first && last ? null : (
          <Form method="post" replace className="inline-actions">
            <input type="hidden" name="questionId" value={question.id} />
            {first ? null : (
              <button
                type="submit"
                name="intent"
                value="up"
                className="button button-secondary button-small"
                aria-label={t("questions.moveUpLabel", { label })}
              >
                ↑ {t("attendees.moveUp")}
              </button>
            )}
            {last ? null : (
              <button
                type="submit"
                name="intent"
                value="down"
                className="button button-secondary button-small"
                aria-label={t("questions.moveDownLabel", { label })}
              >
                ↓ {t("attendees.moveDown")}
              </button>
            )}
          </Form>
        )}
        <Link
          to={editHref}
          className="button button-secondary button-small"
          aria-label={t("questions.editLabel", { label })}
        >
          {t("questions.edit")}
        </Link>
      </div>
      <ConfirmAction
        label={t("questions.remove")}
        confirmLabel={t("questions.removeConfirm", { label })}
        intent="remove"
        fields={{ questionId: question.id }}
      />
    </li>
  );
}

/** A link per type: the form of a new question asks only what its type has. */
function AddQuestionLinks({ here }: { here: string }) {
  const { t } = useI18n();
  const inLocale = useLocalePath();
  return (
    <section className="panel" aria-labelledby="add-question-title">
      <h2 id="add-question-title">{t("questions.add.title")}</h2>
      <ul className="plain-list">
        {QUESTION_TYPES.map((type) => (
          <li key={type}>
            <Link to={inLocale(`${here}?nieuw=${type}`)}>{t(`questions.type.${type}`)}</Link>
            <span className="muted"> – {t(`questions.typeHint.${type}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CopyQuestions({
  sources,
  lastResult,
}: {
  sources: QuestionSource[];
  lastResult: FormResult | undefined;
}) {
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(copyQuestionsSchema, lastResult, { id: "copy-questions" });
  return (
    <section className="panel" aria-labelledby="copy-questions-title">
      <h2 id="copy-questions-title">{t("questions.copy.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="copy" />
        <QuestionSourceField
          meta={fields.fromSessionId}
          label={t("questions.copy.from")}
          hint={t("questions.copy.hint")}
          none={t("questions.copy.choose")}
          sources={sources}
        />
        <button type="submit" className="button">
          {t("questions.copy.submit")}
        </button>
      </Form>
    </section>
  );
}

/** The form of one question: a new one of the chosen type, or one being edited. */
function QuestionEditor({
  type,
  editing,
  lastResult,
  cancelHref,
}: {
  type: QuestionType;
  editing: Question | null;
  lastResult: FormResult | undefined;
  cancelHref: string;
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const schema = useMemo(() => questionFieldsSchema(type), [type]);
  const blankChoice = { key: "", nl: "", fr: "", en: "" };
  const [form, fields] = useSchemaForm(schema, lastResult, {
    id: "question",
    checkInBrowser: true,
    defaultValue: editing
      ? questionFormValues(editing)
      : {
          perPerson: "on",
          display: "radio",
          choices: hasChoices(type) ? [blankChoice, blankChoice, blankChoice] : [],
        },
  });
  const limits = type === "longText" ? QUESTION_LIMITS.longText : QUESTION_LIMITS.shortText;
  return (
    <section className="panel" aria-labelledby="question-form-title">
      <h2 id="question-form-title">
        {editing
          ? t("questions.editTitle", { type: t(`questions.type.${type}`) })
          : t("questions.newTitle", { type: t(`questions.type.${type}`) })}
      </h2>
      <Form method="post" className="question-form" {...getFormProps(form)}>
        {/* Enter in a field saves, as the last button does: it is the form's first button. */}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("questions.save")}
        </button>
        <FormProblem form={form} summary={t("questionForm.errors.form")} />
        <input type="hidden" name="intent" value={editing ? "update" : "add"} />
        {editing ? (
          <input type="hidden" name="questionId" value={editing.id} />
        ) : (
          <input type="hidden" name="type" value={type} />
        )}
        <fieldset className="fieldset">
          <legend>{t("questionForm.label")}</legend>
          <Field meta={fields.labelNl} label={t("questionForm.inDutch")} />
          <Field meta={fields.labelFr} label={t("questionForm.inFrench")} />
          <Field meta={fields.labelEn} label={t("questionForm.inEnglish")} />
        </fieldset>
        <fieldset className="fieldset" aria-describedby="question-help-hint">
          <legend>{t("questionForm.help")}</legend>
          <p className="hint" id="question-help-hint">
            {t("questionForm.helpHint")}
          </p>
          <Field meta={fields.helpNl} label={t("questionForm.inDutch")} />
          <Field meta={fields.helpFr} label={t("questionForm.inFrench")} />
          <Field meta={fields.helpEn} label={t("questionForm.inEnglish")} />
        </fieldset>
        {hasChoices(type) ? (
          <ChoiceRows form={form} choices={fields.choices}>
            {type === "oneChoice" ? (
              <SelectField
                meta={fields.display}
                label={t("questionForm.display")}
                options={[
                  { value: "radio", label: t("questionForm.display.radio") },
                  { value: "select", label: t("questionForm.display.select") },
                ]}
              />
            ) : null}
          </ChoiceRows>
        ) : null}
        {isText(type) ? (
          <Field
            meta={fields.maxLength}
            type="number"
            inputMode="numeric"
            min={1}
            max={limits.max}
            label={t("questionForm.maxLength")}
            hint={t("questionForm.maxLengthHint", { standard: limits.default, max: limits.max })}
          />
        ) : null}
        {type === "number" ? (
          <div className="form-row">
            <Field meta={fields.min} type="number" label={t("questionForm.min")} />
            <Field meta={fields.max} type="number" label={t("questionForm.max")} />
          </div>
        ) : null}
        {type === "mustTick" ? (
          <p className="hint">{t("questionForm.mustTickHint")}</p>
        ) : (
          <CheckboxField meta={fields.required} label={t("questionForm.required")} />
        )}
        <CheckboxField
          meta={fields.perPerson}
          label={t("questionForm.perPerson")}
          hint={t("questionForm.perPersonHint")}
        />
        <div className="inline-actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {editing ? t("questions.save") : t("questions.addSubmit")}
          </button>
          <Link to={cancelHref} className="button button-secondary">
            {t("questions.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

interface ChoiceRow {
  key?: string;
  nl?: string;
  fr?: string;
  en?: string;
}

/**
 * The choices of a question, one fieldset each: its labels, and buttons that move or drop it.
 * The buttons are conform's list intents, which the server also takes from a plain form.
 */
function ChoiceRows({
  form,
  choices,
  children,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: the question form's metadata, whatever its type
  form: any;
  choices: FieldMetadata<ChoiceRow[] | undefined, Record<string, unknown>, FormErrors>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const rows = choices.getFieldList();
  const own = choices.errors?.[0];
  return (
    <fieldset
      className="fieldset"
      aria-describedby={own ? choices.errorId : "question-choices-hint"}
    >
      <legend>{t("questionForm.choices")}</legend>
      <p className="hint" id="question-choices-hint">
        {t("questionForm.choicesHint")}
      </p>
      {children}
      {rows.map((row, index) => {
        const choice = row.getFieldset();
        const n = index + 1;
        const { key: _, ...hidden } = getInputProps(choice.key, { type: "hidden" });
        return (
          // A row's key is conform's, once it has one; the server's first render has none yet.
          <fieldset key={row.key ?? `row-${index}`} className="fieldset choice-row">
            <legend>{t("questionForm.choice", { n })}</legend>
            <input {...hidden} />
            <div className="form-row">
              <Field meta={choice.nl} label={t("questionForm.inDutch")} />
              <Field meta={choice.fr} label={t("questionForm.inFrench")} />
              <Field meta={choice.en} label={t("questionForm.inEnglish")} />
            </div>
            <div className="inline-actions">
              {index > 0 ? (
                <button
                  {...form.reorder.getButtonProps({
                    name: choices.name,
                    from: index,
                    to: index - 1,
                  })}
                  className="button button-secondary button-small"
                  aria-label={t("questionForm.choiceUp", { n })}
                >
                  ↑
                </button>
              ) : null}
              {index < rows.length - 1 ? (
                <button
                  {...form.reorder.getButtonProps({
                    name: choices.name,
                    from: index,
                    to: index + 1,
                  })}
                  className="button button-secondary button-small"
                  aria-label={t("questionForm.choiceDown", { n })}
                >
                  ↓
                </button>
              ) : null}
              <button
                {...form.remove.getButtonProps({ name: choices.name, index })}
                className="button button-secondary button-small"
              >
                {t("questionForm.choiceRemove", { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      {own ? (
        <p className="error" id={choices.errorId}>
          {t(own.key, own.values)}
        </p>
      ) : null}
      <button
        {...form.insert.getButtonProps({
          name: choices.name,
          defaultValue: { key: "", nl: "", fr: "", en: "" },
        })}
        className="button button-secondary button-small"
      >
        {t("questionForm.choiceAdd")}
      </button>
    </fieldset>
  );
}
