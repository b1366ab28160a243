import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EmailField, Field, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { PasskeySignIn } from "~/components/passkey-sign-in";
import { i18n } from "~/i18n";
import { signInSchema } from "~/lib/account-forms";
import { config } from "~/lib/config.server";
import {
  type FormAnswer,
  type FormErrors,
  type FormResult,
  formMessage,
  parseForm,
} from "~/lib/forms";
import { addMinutes, nowInstant } from "~/lib/time";
import { deviceLabel } from "~/lib/user-agent";
import { rememberWorkingLanguage } from "~/models/organiser.server";
import { logIn } from "~/models/sign-in.server";
import {
  optionalOrganiser,
  pendingSignIn,
  safeRedirectPath,
  signInCookie,
  stepPath,
} from "~/web/auth.server";
import { cityButtonLabel, cityProvider, isCityDomain } from "~/web/city-sign-in.server";
import { type Notice, takeNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf, enforce, pauseBeforeRefusing } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaI18n(matches).t("login.title")} · ${metaI18n(matches).t("site.name")}` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // A redirect from here would win over the root's 404 for /de/…: the check comes first.
  requireKnownLanguage(params);
  const back = safeRedirectPath(new URL(request.url).searchParams.get("terug"), localeOf(request));
  if (await optionalOrganiser(request)) throw redirect(back);
  // Past the password already: on to the step still to come.
  const pending = await pendingSignIn(request);
  if (pending) throw redirect(stepPath(pending.stage, localeOf(request), back));
  const { notice, headers } = await takeNotice(request);
  // The button of the city's own accounts, when the city connected its provider.
  const provider = cityProvider();
  const city = provider ? { label: provider.label } : null;
  return data({ back, notice, city }, { headers });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const client = clientOf(context);
  await enforce(["login.client", client]);
  const submission = parseForm(await request.formData(), signInSchema);
  // What was typed comes back, except the password.
  const refuse = (status: number, result: FormResult, headers?: HeadersInit) =>
    data({ result } satisfies FormAnswer, { status, headers });
  if (submission.status !== "success") {
    return refuse(400, submission.reply({ hideFields: ["password"] }));
  }
  const { email, password, terug } = submission.value;
  // The city's own addresses sign in with its accounts; its admins may keep a password for
  // when the provider is down (OIDC_BREAK_GLASS=admins).
  const cityOnly = cityProvider() !== null && isCityDomain(email);
  const breakGlass = config().OIDC_BREAK_GLASS === "admins";
  const cityRefusal = () =>
    refuse(
      403,
      submission.reply({
        formErrors: formMessage("cityLogin.only", { button: cityButtonLabel(localeOf(request)) }),
        hideFields: ["password"],
      }),
    );
  if (cityOnly && !breakGlass) return cityRefusal();
  const result = await logIn(email, password, {
    client,
    device: deviceLabel(request.headers.get("User-Agent")),
    roles: cityOnly ? ["admin"] : undefined,
  });
  if (result.ok) {
    const locale = localeOf(request);
    await rememberWorkingLanguage(result.organiser.id, locale);
    const back = safeRedirectPath(terug ?? null, locale);
    return redirect(result.stage === "signedIn" ? back : stepPath(result.stage, locale, back), {
      headers: { "Set-Cookie": await signInCookie(request, result.sessionToken) },
    });
  }
  const refusal = (formErrors: FormErrors) =>
    submission.reply({ formErrors, hideFields: ["password"] });
  if (result.reason === "invalid") {
    return cityOnly ? cityRefusal() : refuse(401, refusal(formMessage("login.invalid")));
  }
  if (result.reason === "doorAccessEnded") {
    return refuse(403, refusal(formMessage("door.signIn.ended")));
  }
  await pauseBeforeRefusing();
  const retryAfter = { "Retry-After": String(result.retryAfterSeconds) };
  if (result.reason === "busy") return refuse(503, refusal(formMessage("busy.body")), retryAfter);
  // The time the lock lifts, in Brussels and the reader's way of writing it.
  const time = i18n(localeOf(request)).time(
    addMinutes(nowInstant(), result.retryAfterSeconds / 60),
  );
  return refuse(429, refusal(formMessage("login.locked", { time })), retryAfter);
}

export default function Login() {
  const inLocale = useLocalePath();
  const { back, notice, city } = useLoaderData<{
    back: string;
    notice: Notice | null;
    city: { label: string | null } | null;
  }>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(signInSchema, actionData?.result, { id: "login" });
  return (
    <div className="wrap page narrow">
      <h1>{t("login.title")}</h1>
      <FlashNotice notice={actionData ? null : notice} />
      {city ? (
        <p className="panel">
          <a
            className="button button-primary"
            href={`${inLocale("/beheer/inloggen/oidc")}?terug=${encodeURIComponent(back)}`}
          >
            {city.label ?? t("cityLogin.button")}
          </a>
          <br />
          {t("cityLogin.or")}
        </p>
      ) : null}
      <Form method="post" className="panel" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("login.errors.form")} />
        <input type="hidden" name="terug" value={back} />
        <EmailField meta={fields.email} label={t("login.email")} autoComplete="username" />
        <Field
          meta={fields.password}
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={navigation.state === "submitting"}
        >
          {t("login.submit")}
        </button>
        <p>
          <Link to={inLocale("/beheer/wachtwoord-vergeten")}>{t("login.forgot")}</Link>
        </p>
      </Form>
      <PasskeySignIn back={back} />
    </div>
  );
}
