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
import { Field, FieldErrors, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import type { I18n } from "~/i18n";
import { i18n } from "~/i18n";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { removeSignInDomainSchema, signInDomainSchema } from "~/lib/sign-in-domain-form";
import type { Actor } from "~/models/audit.server";
import { sessionFormOptions } from "~/models/session.server";
import {
  allowSignInDomain,
  listSignInDomains,
  removeSignInDomain,
  type SignInDomainEntry,
} from "~/models/sign-in-domain.server";
import { adminMeta } from "~/web/admin-meta";
import { requireAdmin } from "~/web/auth.server";
import { cityProvider } from "~/web/city-sign-in.server";
import { type Notice, redirectWithNotice, takeNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

/**
 * The admins' list of mail domains that may join through the city's accounts, each for a city
 * or a partner: add one, remove one. See app/models/sign-in-domain.server.ts.
 */

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "signInDomains.title");

interface Option {
  id: number;
  name: string;
}

interface LoaderData {
  domains: SignInDomainEntry[];
  cities: Option[];
  partners: Option[];
  /** Whether the city connected its provider: without one, nobody joins. */
  provider: boolean;
  notice: Notice | null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [domains, options, { notice, headers }] = await Promise.all([
    listSignInDomains(),
    sessionFormOptions({ all: true }),
    takeNotice(request),
  ]);
  return data(
    { domains, ...options, provider: cityProvider() !== null, notice } satisfies LoaderData,
    { headers },
  );
}

interface ActionData {
  domain?: FormResult;
  remove?: FormResult;
}

const PAGE = "/beheer/organisatoren/domeinen";

/** "Stad Leuven", "Partner Voka": whose sessions a domain's people see. */
const scopeText = (t: I18n["t"], scope: { kind: string; name: string }) =>
  t(scope.kind === "city" ? "signInDomains.scope.city" : "signInDomains.scope.partner", {
    name: scope.name,
  });

/** The form to allow a domain sends no intent; a row's button sends "remove". */
export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  const by: Actor = { organiserId: admin.id, clientAddress: clientOf(context) };
  return formData.has("intent") ? remove(request, formData, by) : allow(request, formData, by);
}

async function allow(request: Request, formData: FormData, by: Actor) {
  const submission = parseForm(formData, signInDomainSchema);
  const refuse = (domain: FormResult) => data({ domain } satisfies ActionData, { status: 400 });
  if (submission.status !== "success") return refuse(submission.reply());
  const result = await allowSignInDomain(submission.value, by);
  if (!result.ok) {
    return refuse(
      submission.reply({
        fieldErrors:
          result.reason === "alreadyAllowed"
            ? { domain: formMessage("signInDomains.errors.alreadyAllowed") }
            : { scope: formMessage("signInDomains.errors.scope") },
      }),
    );
  }
  const { t } = i18n(localeOf(request));
  return redirectWithNotice(request, PAGE, {
    key: "signInDomains.added",
    values: {
      domain: result.domain,
      scope: scopeText(t, { kind: submission.value.scope.kind, name: result.scopeName }),
    },
  });
}

async function remove(request: Request, formData: FormData, by: Actor) {
  const submission = parseForm(formData, removeSignInDomainSchema);
  const refuse = (
    status: 400 | 404,
    key: "organisers.errors.unknownAction" | "signInDomains.errors.notFound",
  ) =>
    data({ remove: submission.reply({ formErrors: formMessage(key) }) } satisfies ActionData, {
      status,
    });
  if (formData.get("intent") !== "remove") return refuse(400, "organisers.errors.unknownAction");
  // An id that names no row is answered like a row that is gone.
  if (submission.status !== "success") return refuse(404, "signInDomains.errors.notFound");
  const result = await removeSignInDomain(submission.value.domainId, by);
  if (!result.ok) return refuse(404, "signInDomains.errors.notFound");
  return redirectWithNotice(request, PAGE, {
    key: "signInDomains.removed",
    values: { domain: result.domain },
  });
}

export default function SignInDomains() {
  const { domains, cities, partners, provider, notice } = useLoaderData<LoaderData>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  const inLocale = useLocalePath();
  const [removeForm] = useSchemaForm(removeSignInDomainSchema, actionData?.remove, {
    id: "remove-domain",
  });
  const columns = {
    domain: t("signInDomains.column.domain"),
    scope: t("signInDomains.column.scope"),
    accounts: t("signInDomains.column.accounts"),
  };
  return (
    <div className="wrap page">
      <p>
        <Link to={inLocale("/beheer/organisatoren")}>← {t("organisers.title")}</Link>
      </p>
      <h1>{t("signInDomains.title")}</h1>
      <p className="lead">{t("signInDomains.intro")}</p>
      {provider ? null : <p className="notice">{t("signInDomains.noProvider")}</p>}
      <FlashNotice notice={actionData ? null : notice} />
      <FormProblem form={removeForm} summary={t("signInDomains.errors.notFound")} />
      <div className="dashboard-grid">
        <section className="panel" aria-labelledby="domains-title">
          <h2 id="domains-title" className="visually-hidden">
            {t("signInDomains.title")}
          </h2>
          {domains.length === 0 ? (
            <p>{t("signInDomains.none")}</p>
          ) : (
            <CardTable
              columns={[
                { label: columns.domain },
                { label: columns.scope },
                { label: columns.accounts },
                { label: t("attendees.actions"), hidden: true },
              ]}
            >
              {domains.map((entry) => (
                <tr key={entry.id}>
                  <Cell title>
                    <strong>{entry.domain}</strong>
                  </Cell>
                  <Cell label={columns.scope}>{scopeText(t, entry.scope)}</Cell>
                  <Cell label={columns.accounts}>{entry.accounts}</Cell>
                  <Cell actions>
                    <ConfirmAction
                      label={t("signInDomains.remove")}
                      confirmLabel={t("signInDomains.removeConfirm", {
                        domain: entry.domain,
                        scope: scopeText(t, entry.scope),
                      })}
                      intent="remove"
                      fields={{ domainId: entry.id }}
                    />
                  </Cell>
                </tr>
              ))}
            </CardTable>
          )}
          <p className="hint">{t("signInDomains.leavers")}</p>
        </section>
        <section className="panel" aria-labelledby="add-domain-title">
          <h2 id="add-domain-title">{t("signInDomains.addTitle")}</h2>
          {/* A new form after each domain allowed: the one just added is not filled in again. */}
          <DomainForm
            key={notice ? `${notice.key} ${JSON.stringify(notice.values)}` : "domain"}
            result={actionData?.domain}
            cities={cities}
            partners={partners}
          />
        </section>
      </div>
    </div>
  );
}

function DomainForm({
  result,
  cities,
  partners,
}: {
  result: FormResult | undefined;
  cities: Option[];
  partners: Option[];
}) {
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(signInDomainSchema, result, { id: "domain" });
  const { key: scopeKey, ...scope } = getSelectProps(fields.scope, {
    ariaDescribedBy: fields.scope.descriptionId,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormProblem form={form} summary={t("signInDomains.errors.form")} />
      <Field
        meta={fields.domain}
        label={t("signInDomains.domain")}
        hint={t("signInDomains.domainHint")}
        autoComplete="off"
      />
      <div className={`field${fields.scope.errors ? " field-invalid" : ""}`}>
        <label htmlFor={fields.scope.id}>{t("signInDomains.scopeLabel")}</label>
        <p className="hint" id={fields.scope.descriptionId}>
          {t("signInDomains.scopeHint")}
        </p>
        <select key={scopeKey} {...scope}>
          <optgroup label={t("organisers.cities")}>
            {cities.map((city) => (
              <option key={`city:${city.id}`} value={`city:${city.id}`}>
                {city.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("organisers.partners")}>
            {partners.map((partner) => (
              <option key={`partner:${partner.id}`} value={`partner:${partner.id}`}>
                {partner.name}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldErrors meta={fields.scope} />
      </div>
      <button type="submit" className="button">
        {t("signInDomains.add")}
      </button>
    </Form>
  );
}
