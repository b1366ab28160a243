import { getCollectionProps, getFormProps } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { FormResult } from "~/lib/forms";
import { MAX_GROUP_SIZE } from "~/lib/registration-form";
import { SESSION_LIMITS, type SessionFormValues, sessionFieldsSchema } from "~/lib/session-form";
import { SESSION_KINDS, SESSION_LANGUAGES } from "~/lib/session-kinds";
import { useSchemaForm } from "~/web/use-form";
import { useI18n } from "~/web/use-i18n";
import { CheckboxField, Field, FormProblem } from "./field";
import { type QuestionSource, QuestionSourceField } from "./question-fields";
import { SelectField } from "./select-field";

interface Option {
  id: number;
  name: string;
}

interface SessionFormProps {
  mode: "create" | "edit";
  /** The form as it starts: empty, a copy, or the session as it is now. */
  values: SessionFormValues;
  /** The server's answer to the last post: errors, and what was typed. */
  lastResult?: FormResult;
  cities: Option[];
  partners: Option[];
  /** Set when the new capacity is below the confirmed count and the organiser must confirm. */
  capacityConflict?: { confirmed: number; capacity: number };
  /** A new session: the sessions whose questions it may take over. */
  questionSources?: QuestionSource[];
  /** An existing session: where its questions are edited. */
  questionsHref?: string;
}

/** The form to create, copy or edit a session: one form, so the three never drift apart. */
export function SessionForm({
  mode,
  values,
  lastResult,
  cities,
  partners,
  capacityConflict,
  questionSources,
  questionsHref,
}: SessionFormProps) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(sessionFieldsSchema, lastResult, {
    id: `session-${mode}`,
    defaultValue: values,
  });
  // A partner id that is wrong is an error of one box ("partnerIds[1]"): shown under the list.
  const partnerError = [
    ...(fields.partnerIds.errors ?? []),
    ...Object.values(fields.partnerIds.allErrors).flat(),
  ][0];

  return (
    <Form method="post" className="panel session-form" {...getFormProps(form)}>
      <FormProblem form={form} summary={t("sessionForm.errors.form")} />
      {mode === "edit" ? <p className="notice">{t("sessionForm.changeNotice")}</p> : null}
      <Field meta={fields.title} label={t("sessionForm.title")} />
      <Field
        meta={fields.summary}
        label={t("sessionForm.summary")}
        hint={t("sessionForm.summaryHint")}
      />
      <Field
        meta={fields.description}
        label={t("sessionForm.description")}
        hint={t("sessionForm.descriptionHint")}
        multiline
      />
      <div className="form-row">
        <SelectField
          meta={fields.kind}
          label={t("sessionForm.kind")}
          options={SESSION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
        <SelectField
          meta={fields.cityId}
          label={t("sessionForm.cityId")}
          options={[
            { value: "", label: t("sessionForm.chooseCity") },
            ...cities.map((city) => ({ value: String(city.id), label: city.name })),
          ]}
        />
        <SelectField
          meta={fields.language}
          label={t("sessionForm.language")}
          options={SESSION_LANGUAGES.map((language) => ({
            value: language,
            label: t(`language.${language}`),
          }))}
        />
      </div>
      <div className="form-row">
        <Field
          meta={fields.venueName}
          label={t("sessionForm.venueName")}
          hint={t("sessionForm.venueNameHint")}
        />
        <Field
          meta={fields.venueAddress}
          label={t("sessionForm.venueAddress")}
          hint={t("sessionForm.venueAddressHint")}
        />
      </div>
      <div className="form-row">
        <Field meta={fields.date} type="date" label={t("sessionForm.date")} />
        <Field
          meta={fields.startTime}
          type="time"
          label={t("sessionForm.startTime")}
          hint={t("sessionForm.timeHint")}
        />
        <Field
          meta={fields.endTime}
          type="time"
          label={t("sessionForm.endTime")}
          hint={t("sessionForm.timeHint")}
        />
        <Field
          meta={fields.capacity}
          inputMode="numeric"
          label={t("sessionForm.capacity")}
          hint={t("sessionForm.capacityHint")}
        />
      </div>
      {capacityConflict ? (
        <div className="notice notice-danger" role="alert">
          <p>{t("sessionForm.capacityBelowConfirmed", capacityConflict)}</p>
          <CheckboxField
            meta={fields.confirmMoveToWaitlist}
            label={t("sessionForm.confirmMoveToWaitlist", {
              count: capacityConflict.confirmed - capacityConflict.capacity,
            })}
          />
        </div>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t("sessionForm.registrationWindow")}</legend>
        <div className="form-row">
          <Field
            meta={fields.registrationOpensAt}
            type="datetime-local"
            label={t("sessionForm.registrationOpensAt")}
            hint={t("sessionForm.registrationOpensAtHint")}
          />
          <Field
            meta={fields.registrationClosesAt}
            type="datetime-local"
            label={t("sessionForm.registrationClosesAt")}
            hint={t("sessionForm.registrationClosesAtHint")}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("sessionForm.access")}</legend>
        <CheckboxField meta={fields.requiresApproval} label={t("sessionForm.requiresApproval")} />
        <CheckboxField meta={fields.unlisted} label={t("sessionForm.unlisted")}>
          <p className="hint checkbox-hint">{t("sessionForm.unlistedHint")}</p>
        </CheckboxField>
        <Field
          meta={fields.emailDomains}
          label={t("sessionForm.emailDomains")}
          hint={t("sessionForm.emailDomainsHint")}
          autoComplete="off"
        />
        <Field
          meta={fields.groupSize}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_GROUP_SIZE}
          label={t("sessionForm.groupSize")}
          hint={t("sessionForm.groupSizeHint")}
        />
      </fieldset>
      <fieldset className="fieldset" aria-describedby="reminders-hint">
        <legend>{t("sessionForm.reminders")}</legend>
        <p className="hint" id="reminders-hint">
          {t("sessionForm.remindersHint")}
        </p>
        <CheckboxField meta={fields.remindDayBefore} label={t("sessionForm.remindDayBefore")} />
        <CheckboxField meta={fields.remindTwoHours} label={t("sessionForm.remindTwoHours")} />
      </fieldset>
      <fieldset className="fieldset" aria-describedby="after-session-hint">
        <legend>{t("afterSession.form.legend")}</legend>
        <p className="hint" id="after-session-hint">
          {t("afterSession.form.hint")}
        </p>
        <CheckboxField meta={fields.sendThankYou} label={t("afterSession.form.sendThankYou")} />
        <CheckboxField meta={fields.sendMissedYou} label={t("afterSession.form.sendMissedYou")} />
        <Field
          meta={fields.followUpHours}
          type="number"
          inputMode="numeric"
          min={0}
          max={SESSION_LIMITS.followUpHours}
          label={t("afterSession.form.followUpHours")}
          hint={t("afterSession.form.followUpHoursHint")}
        />
      </fieldset>
      <fieldset className="fieldset" aria-describedby="partners-hint">
        <legend>{t("sessionForm.partnerIds")}</legend>
        <p className="hint" id="partners-hint">
          {t("sessionForm.partnerIdsHint")}
        </p>
        <div className="checkbox-grid">
          {getCollectionProps(fields.partnerIds, {
            type: "checkbox",
            options: partners.map((partner) => String(partner.id)),
          }).map(({ key, ...box }, index) => (
            <label key={key} className="checkbox">
              <input {...box} required={false} />
              {partners[index]?.name}
            </label>
          ))}
        </div>
        {partnerError ? (
          <p className="error" id={fields.partnerIds.errorId}>
            {t(partnerError.key, partnerError.values)}
          </p>
        ) : null}
      </fieldset>
      {questionSources ? (
        <QuestionSourceField
          meta={fields.copyQuestionsFrom}
          label={t("questions.sessionForm.copyFrom")}
          hint={t("questions.sessionForm.copyFromHint")}
          none={t("questions.sessionForm.noCopy")}
          sources={questionSources}
        />
      ) : null}
      {questionsHref ? (
        <p>
          <Link to={questionsHref}>{t("questions.sessionForm.edit")}</Link>
        </p>
      ) : null}
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting"
          ? t("sessionForm.submitting")
          : t(mode === "create" ? "sessionForm.submit.create" : "sessionForm.submit.edit")}
      </button>
    </Form>
  );
}
