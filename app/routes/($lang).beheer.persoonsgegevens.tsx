import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxField, EmailField, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { emailAddress } from "~/lib/email-field";
import { type FormAnswer, parseForm } from "~/lib/forms";
import { erasePersonByEmail } from "~/models/erasure.server";
import { adminMeta } from "~/web/admin-meta";
import { requireAdmin } from "~/web/auth.server";
import { type Notice, noticeOnly, redirectWithNotice } from "~/web/flash.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { useI18n } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "gdpr.admin.title");

/** Erasing a person's registrations everywhere, by their address, when they ask an admin. */
const erasureSchema = z.object({
  email: emailAddress("gdpr.admin.invalidEmail"),
  confirmed: z.literal("on", { error: "gdpr.admin.confirmRequired" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return noticeOnly(request);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const admin = await requireAdmin(request);
  const submission = parseForm(await request.formData(), erasureSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() } satisfies FormAnswer, { status: 400 });
  }
  const { erased } = await erasePersonByEmail(submission.value.email, {
    organiserId: admin.id,
    clientAddress: clientOf(context),
  });
  return redirectWithNotice(request, "/beheer/persoonsgegevens", {
    key: "gdpr.admin.done",
    values: { count: erased },
  });
}

export default function PersonalDataErasure() {
  const { notice } = useLoaderData<{ notice: Notice | null }>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(erasureSchema, actionData?.result, { id: "erasure" });
  return (
    <div className="wrap page narrow">
      <h1>{t("gdpr.admin.title")}</h1>
      <p className="lead">{t("gdpr.admin.intro")}</p>
      <FlashNotice notice={actionData ? null : notice} className="notice" />
      <Form method="post" className="panel" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("gdpr.admin.errors.form")} />
        <EmailField meta={fields.email} label={t("gdpr.admin.email")} autoComplete="off" />
        <CheckboxField meta={fields.confirmed} label={t("gdpr.admin.confirm")} />
        <button type="submit" className="button button-danger">
          {t("gdpr.admin.submit")}
        </button>
      </Form>
    </div>
  );
}
