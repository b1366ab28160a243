import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmailField, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { passwordLinkSchema } from "~/lib/account-forms";
import { type FormAnswer, parseForm } from "~/lib/forms";
import { queuePasswordReset } from "~/models/password-reset.server";
import { type Notice, noticeOnly, redirectWithNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf, enforce } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaI18n(matches).t("reset.title")} · ${metaI18n(matches).t("site.name")}` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return noticeOnly(request);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const submission = parseForm(await request.formData(), passwordLinkSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() } satisfies FormAnswer, { status: 400 });
  }
  const { email } = submission.value;
  const locale = localeOf(request);
  // Counted whether or not the address has an account: the limits say nothing about that.
  await enforce(["reset.client", clientOf(context)], ["mail.address", email]);
  // Only a job is queued, the same one row for any address: how long the answer takes says
  // nothing about who has an account. The worker makes and mails the link if there is one.
  await queuePasswordReset(email, { locale });
  // The same answer whether or not the address has an account.
  return redirectWithNotice(request, "/beheer/wachtwoord-vergeten", { key: "reset.sent" });
}

export default function ForgotPassword() {
  const { notice } = useLoaderData<{ notice: Notice | null }>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(passwordLinkSchema, actionData?.result, {
    id: "password-link",
  });
  return (
    <div className="wrap page narrow">
      <h1>{t("reset.title")}</h1>
      {notice && !actionData ? (
        <FlashNotice notice={notice} />
      ) : (
        <Form method="post" className="panel" {...getFormProps(form)}>
          <FormProblem form={form} summary={t("reset.request.errors.form")} />
          <p>{t("reset.intro")}</p>
          <EmailField meta={fields.email} label={t("login.email")} autoComplete="username" />
          <button type="submit" className="button button-primary">
            {t("reset.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
