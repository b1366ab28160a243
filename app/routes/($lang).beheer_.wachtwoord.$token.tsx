import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormProblem } from "~/components/field";
import { newPasswordSchema } from "~/lib/account-forms";
import { type FormAnswer, type FormErrors, formMessage, parseForm } from "~/lib/forms";
import { PASSWORD_MIN_LENGTH } from "~/lib/password-rules";
import { isResetTokenValid, resetPassword } from "~/models/password-reset.server";
import { redirectWithNotice } from "~/web/flash.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaI18n(matches).t("reset.newTitle")} · ${metaI18n(matches).t("site.name")}` },
  // Other sites never see this address (it is a key), and this site's own forms still name
  // their origin, which posting them requires: not "no-referrer", which sends Origin: null.
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isResetTokenValid(params.token ?? "") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const submission = parseForm(await request.formData(), newPasswordSchema);
  // Neither password ever comes back to the page.
  const hideFields = ["password", "repeat"];
  const refuse = (status: number, formErrors?: FormErrors, headers?: HeadersInit) =>
    data({ result: submission.reply({ formErrors, hideFields }) } satisfies FormAnswer, {
      status,
      headers,
    });
  if (submission.status !== "success") return refuse(400);
  const result = await resetPassword(params.token ?? "", submission.value.password, {
    clientAddress: clientOf(context),
  });
  if (result === "invalidLink") return refuse(410, formMessage("reset.invalidLink"));
  if (result === "busy") return refuse(503, formMessage("busy.body"), { "Retry-After": "5" });
  return redirectWithNotice(request, "/beheer/inloggen", { key: "login.passwordChanged" });
}

export default function NewPassword() {
  const inLocale = useLocalePath();
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(newPasswordSchema, actionData?.result, {
    id: "new-password",
  });
  if (!valid) {
    return (
      <div className="wrap page narrow">
        <h1>{t("reset.newTitle")}</h1>
        <p className="notice">{t("reset.invalidLink")}</p>
        <p>
          <Link to={inLocale("/beheer/wachtwoord-vergeten")}>{t("reset.title")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page narrow">
      <h1>{t("reset.newTitle")}</h1>
      <Form method="post" className="panel" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("reset.errors.form")} />
        <Field
          meta={fields.password}
          type="password"
          label={t("reset.newPassword")}
          hint={t("reset.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
        />
        <Field
          meta={fields.repeat}
          type="password"
          label={t("reset.repeat")}
          autoComplete="new-password"
        />
        <button type="submit" className="button button-primary">
          {t("reset.save")}
        </button>
      </Form>
    </div>
  );
}
