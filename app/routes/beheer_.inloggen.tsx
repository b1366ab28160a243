import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { PlainField as Field } from "~/components/plain-field";
import { i18n } from "~/i18n";
import { optionalOrganiser, safeRedirectPath, signInCookie } from "~/lib/auth.server";
import { clientOf, enforce, pauseBeforeRefusing } from "~/lib/rate-limits.server";
import { PERSONAL_DATA } from "~/lib/route-handle";
import { hasControlCharacter } from "~/lib/text";
import { useI18n } from "~/lib/use-i18n";
import { logIn } from "~/models/organiser.server";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = () => [
  { title: `${i18n().t("login.title")} · ${i18n().t("site.name")}` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const back = safeRedirectPath(url.searchParams.get("terug"));
  if (await optionalOrganiser(request)) throw redirect(back);
  return { back, notice: url.searchParams.get("melding") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const client = clientOf(context);
  await enforce(["login.client", client]);
  const form = await request.formData();
  const email = String(form.get("email") ?? "").slice(0, 254);
  const password = String(form.get("password") ?? "");
  const back = safeRedirectPath(form.get("terug"));
  // No account has an address with a control character; PostgreSQL would refuse to look it up.
  if (hasControlCharacter(email)) {
    return Response.json({ message: i18n().t("login.invalid"), email: "" }, { status: 400 });
  }
  const result = await logIn(email, password, { client });
  if (result.ok) {
    return redirect(back, {
      headers: { "Set-Cookie": await signInCookie(request, result.sessionToken) },
    });
  }
  const { t, time } = i18n();
  if (result.reason === "invalid") {
    return Response.json({ message: t("login.invalid"), email }, { status: 401 });
  }
  await pauseBeforeRefusing();
  const retryAt = new Date(Date.now() + result.retryAfterSeconds * 1000).toISOString();
  return Response.json(
    {
      message:
        result.reason === "locked" ? t("login.locked", { time: time(retryAt) }) : t("busy.body"),
      email,
    },
    {
      status: result.reason === "locked" ? 429 : 503,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    },
  );
}

export default function Login() {
  const { back, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ message: string; email: string }>();
  const { t } = useI18n();
  const navigation = useNavigation();
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (actionData) alert.current?.focus();
  }, [actionData]);
  return (
    <div className="wrap page narrow">
      <h1>{t("login.title")}</h1>
      {notice === "afgemeld" ? <p className="success">{t("login.loggedOut")}</p> : null}
      {notice === "wachtwoord" ? <p className="success">{t("login.passwordChanged")}</p> : null}
      <Form method="post" className="panel">
        {actionData ? (
          <div className="error-summary" role="alert" ref={alert} tabIndex={-1}>
            {actionData.message}
          </div>
        ) : null}
        <input type="hidden" name="terug" value={back} />
        <Field
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="username"
          required
          defaultValue={actionData?.email}
        />
        <Field
          name="password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          required
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={navigation.state === "submitting"}
        >
          {t("login.submit")}
        </button>
        <p>
          <Link to="/beheer/wachtwoord-vergeten">{t("login.forgot")}</Link>
        </p>
      </Form>
    </div>
  );
}
