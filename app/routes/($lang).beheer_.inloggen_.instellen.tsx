import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RecoveryCodes, TwoStepSetup } from "~/components/two-step-setup";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { confirmCodeSchema } from "~/lib/two-step-form";
import { beginEnrolment, completeRequiredEnrolment } from "~/models/two-step.server";
import { atSignInStep, safeRedirectPath, signInCookie, signOut } from "~/web/auth.server";
import { enrolmentView } from "~/web/authenticator.server";
import { redirectWithNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf, enforce } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { PERSONAL_DATA } from "~/web/route-handle";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

/**
 * Setting up a second step at sign-in, for someone the admins' requirement names who has none:
 * after the password, this page and nothing else until an authenticator's first code confirms
 * it. Then the recovery codes, shown once, and on to the workspace.
 */

export const handle = PERSONAL_DATA;

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaI18n(matches).t("twoStep.enrol.title")} · ${metaI18n(matches).t("site.name")}` },
  { name: "robots", content: "noindex" },
];

/**
 * Who is here: someone at this step, or null for someone signed in (who has just finished it: a
 * form posted without scripts shows its answer with this page's data, loaded after the post).
 */
const whoIsHere = (request: Request, back: string) => atSignInStep(request, "enrol", back);

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  const back = safeRedirectPath(new URL(request.url).searchParams.get("terug"), localeOf(request));
  const pending = await whoIsHere(request, back);
  if (!pending) return { back, enrolment: null };
  const begun = await beginEnrolment(pending.organiser, { fresh: false });
  if (!begun.ok) {
    // Set up meanwhile, elsewhere: this sign-in starts again, and will ask for a code.
    return redirectWithNotice(
      request,
      "/beheer/inloggen",
      { key: "twoStep.code.expired" },
      { "Set-Cookie": await signOut(request) },
    );
  }
  return { back, enrolment: await enrolmentView(begun.enrolment) };
}

interface ActionData {
  result?: FormResult;
  recoveryCodes?: string[];
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const client = clientOf(context);
  const back = safeRedirectPath(new URL(request.url).searchParams.get("terug"), localeOf(request));
  const pending = await whoIsHere(request, back);
  if (!pending) throw redirect(back);
  await enforce(["login.client", client]);
  const submission = parseForm(await request.formData(), confirmCodeSchema);
  const refuse = (status: number, key?: "twoStep.errors.wrongCode") =>
    data(
      {
        result: submission.reply({
          formErrors: key ? formMessage(key) : undefined,
          hideFields: ["code"],
        }),
      } satisfies ActionData,
      { status },
    );
  if (submission.status !== "success") return refuse(400);
  const result = await completeRequiredEnrolment(pending.token, submission.value.code, { client });
  if (result.ok) {
    return data({ recoveryCodes: result.recoveryCodes } satisfies ActionData, {
      headers: { "Set-Cookie": await signInCookie(request, pending.token) },
    });
  }
  if (result.reason === "wrongCode") return refuse(401, "twoStep.errors.wrongCode");
  return redirectWithNotice(request, "/beheer/inloggen", { key: "twoStep.code.expired" });
}

export default function RequiredSetup() {
  const inLocale = useLocalePath();
  const { back, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  if (actionData?.recoveryCodes || !enrolment) {
    return (
      <div className="wrap page narrow">
        <h1>{t("twoStep.enrol.doneTitle")}</h1>
        {actionData?.recoveryCodes ? <RecoveryCodes codes={actionData.recoveryCodes} /> : null}
        <p>
          <Link className="button button-primary" to={back}>
            {t("twoStep.enrol.continue")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page narrow">
      <h1>{t("twoStep.enrol.title")}</h1>
      <p className="lead">{t("twoStep.enrol.intro")}</p>
      <section className="panel">
        <TwoStepSetup enrolment={enrolment} result={actionData?.result} />
      </section>
      <Form method="post" action={inLocale("/beheer/afmelden")}>
        <button type="submit" className="link-button">
          {t("twoStep.code.cancel")}
        </button>
      </Form>
    </div>
  );
}
