import { getFormProps, getSelectProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CardTable, Cell } from "~/components/card-table";
import { ConfirmAction } from "~/components/confirm-action";
import { EmailField, Field, FieldErrors, type FieldMeta, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { SelectField } from "~/components/select-field";
import type { MessageKey } from "~/i18n";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { LANGUAGE_NAMES, LOCALES_IN_ORDER, languageOfLocale } from "~/lib/locale-path";
import { accountActionSchema, invitationSchema } from "~/lib/organiser-form";
import {
  requirementSchema,
  SECOND_FACTOR_REQUIREMENTS,
  type SecondFactorRequirement,
} from "~/lib/two-step-form";
import type { Actor } from "~/models/audit.server";
import {
  inviteOrganiser,
  listOrganisers,
  type OrganiserOverview,
  removeOrganiser,
  unlockOrganiser,
} from "~/models/organiser.server";
import { sessionFormOptions } from "~/models/session.server";
import { secondFactorRequirement, setSecondFactorRequirement } from "~/models/settings.server";
import { resetSecondStep } from "~/models/two-step.server";
import { adminMeta } from "~/web/admin-meta";
import { requireAdmin } from "~/web/auth.server";
import { type Notice, redirectWithNotice, takeNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf, enforce } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "organisers.title");

interface Option {
  id: number;
  name: string;
}

interface LoaderData {
  organisers: OrganiserOverview[];
  cities: Option[];
  partners: Option[];
  me: number;
  notice: Notice | null;
  requirement: SecondFactorRequirement;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [organisers, options, requirement, { notice, headers }] = await Promise.all([
    listOrganisers(),
    sessionFormOptions({ all: true }),
    secondFactorRequirement(),
    takeNotice(request),
  ]);
  return data({ organisers, ...options, me: admin.id, notice, requirement } satisfies LoaderData, {
    headers,
  });
}

/** What a refused post answers: the invitation form's result, or that of an account's button. */
interface ActionData {
  invitation?: FormResult;
  account?: FormResult;
  requirement?: FormResult;
}

const PAGE = "/beheer/organisatoren";

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const admin = await requireAdmin(request);
  const by: Actor = { organiserId: admin.id, clientAddress: clientOf(context) };
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "remove" || intent === "unlock" || intent === "resetTwoStep") {
    return onAccount(request, formData, by);
  }
  if (intent === "requireTwoStep") return onRequirement(request, formData, by);
  if (intent !== null && intent !== "") {
    const account = parseForm(formData, accountActionSchema).reply({
      formErrors: formMessage("organisers.errors.unknownAction"),
    });
    return data({ account } satisfies ActionData, { status: 400 });
  }
  return invite(request, formData, by);
}

async function invite(request: Request, formData: FormData, by: Actor) {
  const submission = parseForm(formData, invitationSchema);
  const refuse = (invitation: FormResult) =>
    data({ invitation } satisfies ActionData, { status: 400 });
  if (submission.status !== "success") return refuse(submission.reply());
  const input = submission.value;
  // Only cities and partners that exist: an id the page never offered is no scope.
  const { cities, partners } = await sessionFormOptions({ all: true });
  const offered = (ids: number[], options: Option[]) =>
    ids.every((id) => options.some((option) => option.id === id));
  const unknownScope = formMessage("organisers.errors.unknownScope");
  if (!offered(input.cityIds, cities)) {
    return refuse(submission.reply({ fieldErrors: { cityIds: unknownScope } }));
  }
  if (!offered(input.partnerIds, partners)) {
    return refuse(submission.reply({ fieldErrors: { partnerIds: unknownScope } }));
  }
  await enforce(["invite.organiser", String(by.organiserId)]);
  const result = await inviteOrganiser({ ...input, locale: input.locale ?? localeOf(request) }, by);
  if (!result.ok) {
    return refuse(
      submission.reply({
        fieldErrors:
          result.reason === "emailTaken"
            ? { email: formMessage("organisers.errors.emailTaken") }
            : { cityIds: formMessage("organisers.errors.noScope") },
      }),
    );
  }
  return redirectWithNotice(request, PAGE, {
    key: "organisers.added",
    values: { email: result.organiser.email },
  });
}

async function onAccount(request: Request, formData: FormData, by: Actor) {
  const submission = parseForm(formData, accountActionSchema);
  const refuse = (status: 404 | 409, key: MessageKey) => {
    const account = submission.reply({ formErrors: formMessage(key) });
    return data({ account } satisfies ActionData, { status });
  };
  // An id that names no account is answered like an account that is gone.
  if (submission.status !== "success") return refuse(404, "organisers.errors.notFound");
  const { intent, organiserId } = submission.value;
  const act = { remove: removeOrganiser, unlock: unlockOrganiser, resetTwoStep: resetSecondStep };
  const result = await act[intent](organiserId, by);
  if (!result.ok) {
    if (result.reason === "notFound") return refuse(404, "organisers.errors.notFound");
    return refuse(
      409,
      intent === "resetTwoStep" ? "organisers.errors.resetSelf" : "organisers.errors.removeSelf",
    );
  }
  const done = {
    remove: "organisers.removed",
    unlock: "organisers.unlocked",
    resetTwoStep: "organisers.twoStepResetDone",
  } as const;
  if (result.keptOutOf) {
    return redirectWithNotice(request, PAGE, {
      key: "organisers.removedKeptOut",
      values: { name: result.name, domain: result.keptOutOf },
    });
  }
  return redirectWithNotice(request, PAGE, { key: done[intent], values: { name: result.name } });
}

/** Who must sign in with a second step: nobody is signed out, each sets it up at next sign-in. */
async function onRequirement(request: Request, formData: FormData, by: Actor) {
  const submission = parseForm(formData, requirementSchema);
  if (submission.status !== "success") {
    return data({ requirement: submission.reply() } satisfies ActionData, { status: 400 });
  }
  const { requirement } = submission.value;
  await setSecondFactorRequirement(requirement, by);
  return redirectWithNotice(request, PAGE, { key: `twoStep.requirement.saved.${requirement}` });
}

export default function Organisers() {
  const { organisers, cities, partners, me, notice, requirement } = useLoaderData<LoaderData>();
  const actionData = useActionData<ActionData>();
  const { t, list } = useI18n();
  const inLocale = useLocalePath();
  const [accountForm] = useSchemaForm(accountActionSchema, actionData?.account, { id: "account" });
  const columns = {
    name: t("organisers.column.name"),
    role: t("organisers.column.role"),
    scope: t("organisers.column.scope"),
    language: t("organisers.language"),
    twoStep: t("organisers.column.twoStep"),
  };
  return (
    <div className="wrap page">
      <h1>{t("organisers.title")}</h1>
      <p className="lead">{t("organisers.intro")}</p>
      <FlashNotice notice={actionData ? null : notice} />
      <FormProblem form={accountForm} summary={t("organisers.errors.notFound")} />
      <div className="dashboard-grid">
        <section className="panel" aria-labelledby="organisers-title">
          <h2 id="organisers-title" className="visually-hidden">
            {t("organisers.title")}
          </h2>
          <CardTable
            columns={[
              { label: columns.name },
              { label: columns.role },
              { label: columns.scope },
              { label: columns.language },
              { label: columns.twoStep },
              { label: t("attendees.actions"), hidden: true },
            ]}
          >
            {organisers.map((o) => (
              <tr key={o.id}>
                <Cell title>
                  <strong>{o.name}</strong>
                  {o.id === me ? ` (${t("organisers.you")})` : ""}
                  <div className="muted">{o.email}</div>
                  {o.cityAccountOnly ? (
                    <div className="muted">{t("organisers.joinedThroughDomain")}</div>
                  ) : null}
                  {o.locked ? (
                    <div className="error">
                      {t("organisers.locked")}{" "}
                      <Form method="post">
                        <input type="hidden" name="organiserId" value={o.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="unlock"
                          className="button button-secondary button-small"
                        >
                          {t("organisers.unlock")}
                        </button>
                      </Form>
                    </div>
                  ) : null}
                </Cell>
                <Cell label={columns.role}>{t(`organisers.role.${o.role}`)}</Cell>
                <Cell label={columns.scope}>
                  {o.role === "admin"
                    ? t("organisers.scope.all")
                    : list([...o.cities, ...o.partners])}
                </Cell>
                <Cell label={columns.language}>{t(`language.${languageOfLocale(o.locale)}`)}</Cell>
                <Cell label={columns.twoStep}>
                  {t(o.twoStep ? "organisers.twoStep.on" : "organisers.twoStep.off")}
                  {o.twoStep && o.id !== me ? (
                    <ConfirmAction
                      label={t("organisers.twoStepReset")}
                      confirmLabel={t("organisers.twoStepResetConfirm", { name: o.name })}
                      intent="resetTwoStep"
                      fields={{ organiserId: o.id }}
                    />
                  ) : null}
                </Cell>
                <Cell actions>
                  {o.id === me ? null : (
                    <ConfirmAction
                      label={t("organisers.remove")}
                      confirmLabel={t("organisers.removeConfirm", { name: o.name })}
                      intent="remove"
                      fields={{ organiserId: o.id }}
                      note={
                        o.allowedDomain
                          ? t("organisers.removeKeepsOut", { domain: o.allowedDomain })
                          : undefined
                      }
                    />
                  )}
                </Cell>
              </tr>
            ))}
          </CardTable>
        </section>
        <RequirementForm current={requirement} result={actionData?.requirement} />
        <section className="panel" aria-labelledby="sign-in-domains-title">
          <h2 id="sign-in-domains-title">{t("signInDomains.link")}</h2>
          <p className="hint">{t("signInDomains.linkIntro")}</p>
          <Link to={inLocale("/beheer/organisatoren/domeinen")}>{t("signInDomains.title")}</Link>
        </section>
        <section className="panel" aria-labelledby="add-organiser-title">
          <h2 id="add-organiser-title">{t("organisers.addTitle")}</h2>
          <p className="hint">{t("organisers.addIntro")}</p>
          {/* A new form after each invitation: the one just sent is not filled in again. */}
          <InvitationForm
            key={notice ? `${notice.key} ${JSON.stringify(notice.values)}` : "invitation"}
            result={actionData?.invitation}
            cities={cities}
            partners={partners}
          />
        </section>
      </div>
    </div>
  );
}

/** The admins' requirement: who must sign in with a second step. */
function RequirementForm({
  current,
  result,
}: {
  current: SecondFactorRequirement;
  result: FormResult | undefined;
}) {
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(requirementSchema, result, {
    id: "requirement",
    defaultValue: { requirement: current },
  });
  return (
    <section className="panel" aria-labelledby="requirement-title">
      <h2 id="requirement-title">{t("twoStep.requirement.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("twoStep.errors.requirement")} />
        <input type="hidden" name="intent" value="requireTwoStep" />
        <SelectField
          meta={fields.requirement}
          label={t("twoStep.requirement.label")}
          hint={t("twoStep.requirement.hint")}
          options={SECOND_FACTOR_REQUIREMENTS.map((value) => ({
            value,
            label: t(`twoStep.requirement.${value}`),
          }))}
        />
        <button type="submit" className="button">
          {t("twoStep.requirement.save")}
        </button>
      </Form>
    </section>
  );
}

function InvitationForm({
  result,
  cities,
  partners,
}: {
  result: FormResult | undefined;
  cities: Option[];
  partners: Option[];
}) {
  const { t, locale } = useI18n();
  const [form, fields] = useSchemaForm(invitationSchema, result, {
    id: "invitation",
    defaultValue: { locale },
  });
  const { key: roleKey, ...role } = getSelectProps(fields.role, {
    ariaDescribedBy: fields.role.descriptionId,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormProblem form={form} summary={t("organisers.errors.form")} />
      <Field meta={fields.name} label={t("organisers.name")} autoComplete="off" />
      <EmailField meta={fields.email} label={t("organisers.email")} autoComplete="off" />
      <div className={`field${fields.role.errors ? " field-invalid" : ""}`}>
        <label htmlFor={fields.role.id}>{t("organisers.role")}</label>
        <p className="hint" id={fields.role.descriptionId}>
          {t("organisers.roleHint")}
        </p>
        <select key={roleKey} {...role} defaultValue={role.defaultValue ?? "organiser"}>
          <option value="organiser">{t("organisers.role.organiser")}</option>
          <option value="admin">{t("organisers.role.admin")}</option>
        </select>
        <FieldErrors meta={fields.role} />
      </div>
      <ScopeChoice
        meta={fields.cityIds}
        legend={t("organisers.cities")}
        hint={t("organisers.scopeHint")}
        options={cities}
      />
      <ScopeChoice meta={fields.partnerIds} legend={t("organisers.partners")} options={partners} />
      <SelectField
        meta={fields.locale}
        label={t("organisers.language")}
        hint={t("organisers.languageHint")}
        options={LOCALES_IN_ORDER.map((value) => ({
          value,
          label: LANGUAGE_NAMES[value],
          lang: value,
        }))}
      />
      <button type="submit" className="button">
        {t("organisers.add")}
      </button>
    </Form>
  );
}

/** Checkboxes of cities or partners, ticked again as they were sent when the form comes back. */
function ScopeChoice({
  meta,
  legend,
  hint,
  options,
}: {
  meta: FieldMeta;
  legend: string;
  hint?: string;
  options: Option[];
}) {
  const ticked = [meta.initialValue ?? []].flat().map(String);
  const describedBy = [hint ? meta.descriptionId : null, meta.errors ? meta.errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      className={`fieldset${meta.errors ? " field-invalid" : ""}`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.id} className="checkbox">
          <input
            type="checkbox"
            name={meta.name}
            value={option.id}
            defaultChecked={ticked.includes(String(option.id))}
            aria-invalid={meta.errors ? true : undefined}
            aria-describedby={meta.errors ? meta.errorId : undefined}
          />
          {option.name}
        </label>
      ))}
      <FieldErrors meta={meta} />
    </fieldset>
  );
}
