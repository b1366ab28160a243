import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConfirmAction } from "~/components/confirm-action";
import { PlainField as Field } from "~/components/plain-field";
import { i18n, type MessageKey } from "~/i18n";
import { requireAdmin } from "~/lib/auth.server";
import { clientOf, enforce } from "~/lib/rate-limits.server";
import { parseRowId } from "~/lib/session-form";
import { useI18n } from "~/lib/use-i18n";
import {
  inviteOrganiser,
  listOrganisers,
  removeOrganiser,
  unlockOrganiser,
} from "~/models/organiser.server";
import { sessionFormOptions } from "~/models/session.server";

export const meta: MetaFunction = () => [
  { title: `${i18n().t("organisers.title")} · ${i18n().t("admin.title")}` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [organisers, options] = await Promise.all([
    listOrganisers(),
    sessionFormOptions({ all: true }),
  ]);
  return { organisers, ...options, me: admin.id };
}

const ids = z.array(z.coerce.number().int().positive()).max(50);
const invitation = z.object({
  name: z
    .string()
    .trim()
    .min(1, "organisers.errors.name")
    .max(120, "organisers.errors.name")
    .regex(/^[^\p{Cc}]*$/u, "organisers.errors.name"),
  email: z
    .string()
    .trim()
    .max(254, "organisers.errors.email")
    .pipe(z.email("organisers.errors.email")),
  role: z.enum(["admin", "organiser"]),
  cityIds: ids,
  partnerIds: ids,
});

interface ActionData {
  errors?: Partial<Record<"name" | "email" | "scope", MessageKey>>;
  added?: string;
  removed?: boolean;
  unlocked?: boolean;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const by = { organiserId: admin.id, clientAddress: clientOf(context) };
  const form = await request.formData();
  const organiserId = parseRowId(form.get("organiserId"));
  if (form.get("intent") === "remove") {
    const removed = organiserId !== null && (await removeOrganiser(organiserId, by));
    return Response.json({ removed } satisfies ActionData, { status: removed ? 200 : 409 });
  }
  if (form.get("intent") === "unlock") {
    const unlocked = organiserId !== null && (await unlockOrganiser(organiserId, by));
    // No such organiser: the not-found page says so, as for any other unknown id.
    if (!unlocked) throw new Response("Not Found", { status: 404 });
    return Response.json({ unlocked } satisfies ActionData);
  }
  const parsed = invitation.safeParse({
    name: form.get("name") ?? "",
    email: form.get("email") ?? "",
    role: form.get("role") ?? "organiser",
    cityIds: form.getAll("cityIds"),
    partnerIds: form.getAll("partnerIds"),
  });
  if (!parsed.success) {
    const errors: ActionData["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "name" || issue.path[0] === "email" ? issue.path[0] : "scope";
      errors[field] ??=
        field === "scope" ? "organisers.errors.noScope" : (issue.message as MessageKey);
    }
    return Response.json({ errors } satisfies ActionData, { status: 400 });
  }
  // Only cities and partners that exist: an id the page never offered is no scope.
  const { cities, partners } = await sessionFormOptions({ all: true });
  const offered = (ids: number[], options: { id: number }[]) =>
    ids.every((id) => options.some((option) => option.id === id));
  if (!offered(parsed.data.cityIds, cities) || !offered(parsed.data.partnerIds, partners)) {
    return Response.json({ errors: { scope: "organisers.errors.noScope" } } satisfies ActionData, {
      status: 400,
    });
  }
  await enforce(["invite.organiser", String(admin.id)]);
  const result = await inviteOrganiser(parsed.data, by);
  if (!result.ok) {
    const errors: ActionData["errors"] =
      result.reason === "emailTaken"
        ? { email: "organisers.errors.emailTaken" }
        : { scope: "organisers.errors.noScope" };
    return Response.json({ errors } satisfies ActionData, { status: 400 });
  }
  return Response.json({ added: parsed.data.email } satisfies ActionData);
}

export default function Organisers() {
  const { organisers, cities, partners, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t, list } = useI18n();
  const errors = actionData?.errors ?? {};
  return (
    <div className="wrap page">
      <h1>{t("organisers.title")}</h1>
      <p className="lead">{t("organisers.intro")}</p>
      {actionData?.added ? (
        <p className="success" role="status">
          {t("organisers.added", { email: actionData.added })}
        </p>
      ) : null}
      {actionData?.unlocked ? (
        <p className="success" role="status">
          {t("organisers.unlocked")}
        </p>
      ) : null}
      {actionData?.removed ? (
        <p className="success" role="status">
          {t("organisers.removed")}
        </p>
      ) : null}
      <div className="dashboard-grid">
        <section className="panel table-scroll" aria-labelledby="organisers-title">
          <h2 id="organisers-title" className="visually-hidden">
            {t("organisers.title")}
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("organisers.column.name")}</th>
                <th scope="col">{t("organisers.column.role")}</th>
                <th scope="col">{t("organisers.column.scope")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("attendees.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {organisers.map((o) => (
                <tr key={o.id}>
                  <td>
                    <strong>{o.name}</strong>
                    {o.id === me ? ` (${t("organisers.you")})` : ""}
                    <div className="muted">{o.email}</div>
                    {o.locked ? (
                      <div className="error">
                        {t("organisers.locked")}{" "}
                        <Form method="post">
                          <input type="hidden" name="intent" value="unlock" />
                          <input type="hidden" name="organiserId" value={o.id} />
                          <button type="submit" className="button button-secondary button-small">
                            {t("organisers.unlock")}
                          </button>
                        </Form>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {t(o.role === "admin" ? "organisers.role.admin" : "organisers.role.organiser")}
                  </td>
                  <td>
                    {o.role === "admin"
                      ? t("organisers.scope.all")
                      : list([...o.cities, ...o.partners])}
                  </td>
                  <td>
                    {o.id === me ? null : (
                      <ConfirmAction
                        label={t("organisers.remove")}
                        confirmLabel={t("organisers.removeConfirm", { name: o.name })}
                        intent="remove"
                        fields={{ organiserId: o.id }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel" aria-labelledby="add-organiser-title">
          <h2 id="add-organiser-title">{t("organisers.addTitle")}</h2>
          <p className="hint">{t("organisers.addIntro")}</p>
          <Form method="post" noValidate key={actionData?.added ?? "form"}>
            <Field
              name="name"
              label={t("organisers.name")}
              required
              error={errors.name ? t(errors.name) : undefined}
            />
            <Field
              name="email"
              type="email"
              label={t("organisers.email")}
              required
              error={errors.email ? t(errors.email) : undefined}
            />
            <div className="field">
              <label htmlFor="field-role">{t("organisers.role")}</label>
              <p className="hint" id="field-role-hint">
                {t("organisers.roleHint")}
              </p>
              <select
                id="field-role"
                name="role"
                defaultValue="organiser"
                aria-describedby="field-role-hint"
              >
                <option value="organiser">{t("organisers.role.organiser")}</option>
                <option value="admin">{t("organisers.role.admin")}</option>
              </select>
            </div>
            <fieldset className="fieldset" aria-describedby="scope-hint">
              <legend>{t("organisers.cities")}</legend>
              <p className="hint" id="scope-hint">
                {t("organisers.scopeHint")}
              </p>
              {cities.map((city) => (
                <label key={city.id} className="checkbox">
                  <input type="checkbox" name="cityIds" value={city.id} />
                  {city.name}
                </label>
              ))}
            </fieldset>
            <fieldset className="fieldset">
              <legend>{t("organisers.partners")}</legend>
              {partners.map((partner) => (
                <label key={partner.id} className="checkbox">
                  <input type="checkbox" name="partnerIds" value={partner.id} />
                  {partner.name}
                </label>
              ))}
            </fieldset>
            {errors.scope ? <p className="error">{t(errors.scope)}</p> : null}
            <button type="submit" className="button">
              {t("organisers.add")}
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}
