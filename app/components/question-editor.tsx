import { type FieldMetadata, getFormProps, getInputProps } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { type ReactNode, useMemo } from "react";
import type { FormErrors, FormMessage, FormResult } from "~/lib/forms";
import {
  copyQuestionsSchema,
  PART_TEXTS,
  questionActionSchema,
  questionFieldsSchema,
  questionFormValues,
  questionsPath,
} from "~/lib/question-form";
import {
  hasChoices,
  inLanguage,
  isText,
  QUESTION_LIMITS,
  type Question,
  type QuestionPart,
  type QuestionType,
  questionLimit,
  TYPES_OF_PART,
} from "~/lib/questions";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";
import { ConfirmAction } from "./confirm-action";
import { CheckboxField, Field, FormProblem } from "./field";
import { FlashNotice } from "./flash-notice";
import { type QuestionSource, QuestionSourceField } from "./question-fields";
import { SelectField } from "./select-field";

/**
 * The questions page of one of a session's forms, the sign-up form's or the survey's (see
 * app/web/question-editor.server.ts): the questions in their order with their buttons, the
 * links that start a new one of each type the form asks, the form of one question, and the
 * copy from another session. A survey that has answers shows its questions and nothing to
 * change them with.
 */

export interface QuestionsPageProps {
  part: QuestionPart;
  session: { id: number; title: string; startsAt: string };
  questions: Question[];
  mode: { kind: "list" } | { kind: "new"; type: QuestionType } | { kind: "edit"; id: number };
  editing: Question | null;
  sources: QuestionSource[];
  locked: boolean;
  notice: FormMessage | null;
  actionData: { form: "question" | "list" | "copy"; result: FormResult } | undefined;
}

export function QuestionsPage({
  part,
  session,
  questions,
  mode,
  editing,
  sources,
  locked,
  notice,
  actionData,
}: QuestionsPageProps) {
  const { t, longDate } = useI18n();
  const inLocale = useLocalePath();
  const [listForm] = useSchemaForm(
    questionActionSchema,
    actionData?.form === "list" ? actionData.result : undefined,
    { id: "question-list" },
  );
  const texts = PART_TEXTS[part];
  const here = questionsPath(session.id, part);
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
      </p>
      <h1>{t(texts.title)}</h1>
      <p className="lead">
        {t(texts.intro, { date: longDate(session.startsAt), max: questionLimit(part) })}
      </p>
      <FlashNotice notice={notice} />
      <FormProblem form={listForm} summary={t("edge.badRequest.body")} />
      {locked ? <p className="notice">{t("surveyQuestions.locked")}</p> : null}

      {questions.length ? (
        <ol className="question-list">
          {questions.map((question, index) => (
            <QuestionCard
              key={question.id}
              question={question}
              first={index === 0}
              last={index === questions.length - 1}
              editHref={locked ? null : inLocale(`${here}?bewerk=${question.id}`)}
            />
          ))}
        </ol>
      ) : (
        <p className="panel">{t(texts.none)}</p>
      )}

      {locked ? null : mode.kind === "list" ? (
        <>
          <AddQuestionLinks here={here} part={part} />
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
          part={part}
          type={mode.kind === "new" ? mode.type : (editing?.type ?? "shortText")}
          editing={editing}
          lastResult={actionData?.form === "question" ? actionData.result : undefined}
          cancelHref={inLocale(here)}
        />
      )}
    </div>
  );
}

/** One question as organisers read it, with its buttons (none once it may not change). */
function QuestionCard({
  question,
  first,
  last,
  editHref,
}: {
  question: Question;
  first: boolean;
  last: boolean;
  editHref: string | null;
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
      {editHref === null ? null : (
        <QuestionButtons
          question={question}
          label={label}
          first={first}
          last={last}
          editHref={editHref}
        />
      )}
    </li>
  );
}

function QuestionButtons({
  question,
  label,
  first,
  last,
  editHref,
}: {
  question: Question;
  label: string;
  first: boolean;
  last: boolean;
  editHref: string;
}) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

/** A link per type the form asks: the form of a new question asks only what its type has. */
function AddQuestionLinks({ here, part }: { here: string; part: QuestionPart }) {
  const { t } = useI18n();
  const inLocale = useLocalePath();
  return (
    <section className="panel" aria-labelledby="add-question-title">
      <h2 id="add-question-title">{t("questions.add.title")}</h2>
      <ul className="plain-list">
        {TYPES_OF_PART[part].map((type) => (
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
  part,
  type,
  editing,
  lastResult,
  cancelHref,
}: {
  part: QuestionPart;
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
          <CheckboxField meta={fields.required} label={t(PART_TEXTS[part].required)} />
        )}
        {/* The survey asks each person who came on their own. */}
        {part === "signUp" ? (
          <CheckboxField
            meta={fields.perPerson}
            label={t("questionForm.perPerson")}
            hint={t("questionForm.perPersonHint")}
          />
        ) : null}
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
