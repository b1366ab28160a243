import { Form, useNavigation } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import {
  SESSION_LANGUAGES,
  SESSION_LIMITS,
  type SessionFormErrors,
  type SessionFormValues,
} from "~/lib/session-form";
import { SESSION_KINDS } from "~/lib/session-kinds";
import { useI18n } from "~/lib/use-i18n";
import { PlainField as Field } from "./plain-field";

interface Option {
  id: number;
  name: string;
}

interface SessionFormProps {
  mode: "create" | "edit";
  values: SessionFormValues;
  errors?: SessionFormErrors;
  cities: Option[];
  partners: Option[];
  /** Set when the new capacity is below the confirmed count and the organiser must confirm. */
  capacityConflict?: { confirmed: number; capacity: number };
}

/** The form to create, copy or edit a session: one form, so the three never drift apart. */
export function SessionForm({
  mode,
  values,
  errors = {},
  cities,
  partners,
  capacityConflict,
}: SessionFormProps) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const error = (field: keyof SessionFormErrors) => {
    const key = errors[field] as MessageKey | undefined;
    if (!key) return undefined;
    const limit =
      field === "partnerIds"
        ? SESSION_LIMITS.partners
        : SESSION_LIMITS[field as keyof typeof SESSION_LIMITS];
    return t(key, { max: typeof limit === "number" ? limit : 0 });
  };
  const select = (
    field: "kind" | "cityId" | "language",
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <div className={`field${errors[field] ? " field-invalid" : ""}`}>
      <label htmlFor={`field-${field}`}>{label}</label>
      <select
        id={`field-${field}`}
        name={field}
        defaultValue={values[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `field-${field}-error` : undefined}
        required
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors[field] ? (
        <p className="error" id={`field-${field}-error`}>
          {error(field)}
        </p>
      ) : null}
    </div>
  );

  return (
    <Form method="post" noValidate className="panel session-form">
      {Object.keys(errors).length ? (
        <div className="error-summary" role="alert">
          {t("sessionForm.errors.form")}
        </div>
      ) : null}
      {mode === "edit" ? <p className="notice">{t("sessionForm.changeNotice")}</p> : null}
      <Field
        name="title"
        label={t("sessionForm.title")}
        required
        maxLength={SESSION_LIMITS.title}
        defaultValue={values.title}
        error={error("title")}
      />
      <Field
        name="summary"
        label={t("sessionForm.summary")}
        hint={t("sessionForm.summaryHint")}
        required
        maxLength={SESSION_LIMITS.summary}
        defaultValue={values.summary}
        error={error("summary")}
      />
      <Field
        name="description"
        label={t("sessionForm.description")}
        hint={t("sessionForm.descriptionHint")}
        multiline
        maxLength={SESSION_LIMITS.description}
        defaultValue={values.description}
        error={error("description")}
      />
      <div className="form-row">
        {select(
          "kind",
          t("sessionForm.kind"),
          SESSION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
        )}
        {select("cityId", t("sessionForm.cityId"), [
          { value: "", label: t("sessionForm.chooseCity") },
          ...cities.map((city) => ({ value: String(city.id), label: city.name })),
        ])}
        {select(
          "language",
          t("sessionForm.language"),
          SESSION_LANGUAGES.map((language) => ({
            value: language,
            label: t(`language.${language}`),
          })),
        )}
      </div>
      <div className="form-row">
        <Field
          name="venueName"
          label={t("sessionForm.venueName")}
          hint={t("sessionForm.venueNameHint")}
          required
          defaultValue={values.venueName}
          error={error("venueName")}
        />
        <Field
          name="venueAddress"
          label={t("sessionForm.venueAddress")}
          hint={t("sessionForm.venueAddressHint")}
          required
          defaultValue={values.venueAddress}
          error={error("venueAddress")}
        />
      </div>
      <div className="form-row">
        <Field
          name="date"
          type="date"
          label={t("sessionForm.date")}
          required
          defaultValue={values.date}
          error={error("date")}
        />
        <Field
          name="startTime"
          type="time"
          label={t("sessionForm.startTime")}
          hint={t("sessionForm.timeHint")}
          required
          defaultValue={values.startTime}
          error={error("startTime")}
        />
        <Field
          name="endTime"
          type="time"
          label={t("sessionForm.endTime")}
          hint={t("sessionForm.timeHint")}
          required
          defaultValue={values.endTime}
          error={error("endTime")}
        />
        <Field
          name="capacity"
          type="number"
          inputMode="numeric"
          min={0}
          max={SESSION_LIMITS.capacity}
          label={t("sessionForm.capacity")}
          hint={t("sessionForm.capacityHint")}
          required
          defaultValue={values.capacity}
          error={error("capacity")}
        />
      </div>
      {capacityConflict ? (
        <div className="notice notice-danger" role="alert">
          <p>{t("sessionForm.capacityBelowConfirmed", capacityConflict)}</p>
          <div className="field field-checkbox">
            <input
              id="field-confirmMoveToWaitlist"
              name="confirmMoveToWaitlist"
              type="checkbox"
              value="on"
            />
            <label htmlFor="field-confirmMoveToWaitlist">
              {t("sessionForm.confirmMoveToWaitlist", {
                count: capacityConflict.confirmed - capacityConflict.capacity,
              })}
            </label>
          </div>
        </div>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t("sessionForm.registrationWindow")}</legend>
        <div className="form-row">
          <Field
            name="registrationOpensAt"
            type="datetime-local"
            label={t("sessionForm.registrationOpensAt")}
            hint={t("sessionForm.registrationOpensAtHint")}
            defaultValue={values.registrationOpensAt}
            error={error("registrationOpensAt")}
          />
          <Field
            name="registrationClosesAt"
            type="datetime-local"
            label={t("sessionForm.registrationClosesAt")}
            hint={t("sessionForm.registrationClosesAtHint")}
            defaultValue={values.registrationClosesAt}
            error={error("registrationClosesAt")}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset" aria-describedby="partners-hint">
        <legend>{t("sessionForm.partnerIds")}</legend>
        <p className="hint" id="partners-hint">
          {t("sessionForm.partnerIdsHint")}
        </p>
        <div className="checkbox-grid">
          {partners.map((partner) => (
            <label key={partner.id} className="checkbox">
              <input
                type="checkbox"
                name="partnerIds"
                value={partner.id}
                defaultChecked={values.partnerIds.includes(String(partner.id))}
              />
              {partner.name}
            </label>
          ))}
        </div>
        {errors.partnerIds ? <p className="error">{error("partnerIds")}</p> : null}
      </fieldset>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting"
          ? t("sessionForm.submitting")
          : t(mode === "create" ? "sessionForm.submit.create" : "sessionForm.submit.edit")}
      </button>
    </Form>
  );
}
