import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormProblem } from "~/components/field";
import { i18n } from "~/i18n";
import { type FormAnswer, type FormErrors, formMessage, parseForm } from "~/lib/forms";
import { addMinutes, nowInstant } from "~/lib/time";
import { secondStepSchema } from "~/lib/two-step-form";
import { completeSecondStep } from "~/models/two-step.server";
import { atSignInStep, safeRedirectPath, signInCookie } from "~/web/auth.server";
import { redirectWithNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf, enforce, pauseBeforeRefusing } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

/**
 * The second step of signing in: the code from the authenticator app, or a recovery code. Only
 * someone whose password was right a few minutes ago gets here; anyone else is sent where they
 * belong (the sign-in form, the workspace, or setting up their second step).
 */

export const handle = PERSONAL_DATA;

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaI18n(matches).t("twoStep.code.title")} · ${metaI18n(matches).t("site.name")}` },
  { name: "robots", content: "noindex" },
];

/** Someone at this step; anyone signed in goes on to where they were going. */
async function requireCodeStep(request: Request, back: string) {
  const pending = await atSignInStep(request, "code", back);
  if (!pending) throw redirect(back);
  return pending;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  const back = safeRedirectPath(new URL(request.url).searchParams.get("terug"), localeOf(request));
  await requireCodeStep(request, back);
  return { back };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const client = clientOf(context);
  const formData = await request.formData();
  const locale = localeOf(request);
  const back = safeRedirectPath(formData.get("terug"), locale);
  const pending = await requireCodeStep(request, back);
  await enforce(["login.client", client]);
  const submission = parseForm(formData, secondStepSchema);
  const refuse = (status: number, formErrors?: FormErrors, headers?: HeadersInit) =>
    data({ result: submission.reply({ formErrors, hideFields: ["code"] }) } satisfies FormAnswer, {
      status,
      headers,
    });
  if (submission.status !== "success") return refuse(400);
  const result = await completeSecondStep(pending.token, submission.value.code, { client });
  if (result.ok) {
    return redirect(back, {
      headers: { "Set-Cookie": await signInCookie(request, pending.token) },
    });
  }
  if (result.reason === "locked") {
    await pauseBeforeRefusing();
    // The time the lock lifts, in Brussels and the reader's way of writing it: as for passwords.
    const time = i18n(locale).time(addMinutes(nowInstant(), result.retryAfterSeconds / 60));
    return refuse(429, formMessage("twoStep.errors.locked", { time }), {
      "Retry-After": String(result.retryAfterSeconds),
    });
  }
  if (result.reason === "wrongCode") return refuse(401, formMessage("twoStep.errors.wrongCode"));
  return redirectWithNotice(request, "/beheer/inloggen", { key: "twoStep.code.expired" });
}

export default function SecondStep() {
  const inLocale = useLocalePath();
  const { back } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(secondStepSchema, actionData?.result, { id: "code" });
  return (
    <div className="wrap page narrow">
      <h1>{t("twoStep.code.title")}</h1>
      <p>{t("twoStep.code.intro")}</p>
      <Form method="post" className="panel" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("twoStep.errors.form")} />
        <input type="hidden" name="terug" value={back} />
        <Field
          meta={fields.code}
          label={t("twoStep.code.label")}
          hint={t("twoStep.code.hint")}
          autoComplete="one-time-code"
        />
        <button type="submit" className="button button-primary">
          {t("twoStep.code.submit")}
        </button>
      </Form>
      <Form method="post" action={inLocale("/beheer/afmelden")}>
        <button type="submit" className="link-button">
          {t("twoStep.code.cancel")}
        </button>
      </Form>
    </div>
  );
}
