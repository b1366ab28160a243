import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PlainField as Field } from "~/components/plain-field";
import { i18n } from "~/i18n";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/lib/password.server";
import { clientOf } from "~/lib/rate-limits.server";
import { PERSONAL_DATA } from "~/lib/route-handle";
import { hasControlCharacter } from "~/lib/text";
import { useI18n } from "~/lib/use-i18n";
import { isResetTokenValid, resetPassword } from "~/models/organiser.server";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = () => [
  { title: `${i18n().t("reset.newTitle")} · ${i18n().t("site.name")}` },
  // Other sites never see this address (it is a key), and this site's own forms still name
  // their origin, which posting them requires: not "no-referrer", which sends Origin: null.
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isResetTokenValid(params.token ?? ""), min: PASSWORD_MIN_LENGTH };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const password = String(form.get("password") ?? "");
  const repeat = String(form.get("repeat") ?? "");
  const { t } = i18n();
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    return Response.json(
      { error: t("reset.length", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) },
      { status: 400 },
    );
  }
  if (hasControlCharacter(password)) {
    return Response.json({ error: t("reset.invalidCharacters") }, { status: 400 });
  }
  if (password !== repeat) return Response.json({ error: t("reset.mismatch") }, { status: 400 });
  const result = await resetPassword(params.token ?? "", password, {
    clientAddress: clientOf(context),
  });
  if (result === "invalidLink") {
    return Response.json({ error: t("reset.invalidLink") }, { status: 410 });
  }
  if (result === "busy") {
    return Response.json(
      { error: t("busy.body") },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  return redirect("/beheer/inloggen?melding=wachtwoord");
}

export default function NewPassword() {
  const { valid, min } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error: string }>();
  const { t } = useI18n();
  if (!valid) {
    return (
      <div className="wrap page narrow">
        <h1>{t("reset.newTitle")}</h1>
        <p className="notice">{t("reset.invalidLink")}</p>
        <p>
          <Link to="/beheer/wachtwoord-vergeten">{t("reset.title")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page narrow">
      <h1>{t("reset.newTitle")}</h1>
      <Form method="post" className="panel">
        {actionData ? (
          <div className="error-summary" role="alert">
            {actionData.error}
          </div>
        ) : null}
        <Field
          name="password"
          type="password"
          label={t("reset.newPassword")}
          hint={t("reset.newPasswordHint", { min })}
          autoComplete="new-password"
          minLength={min}
          required
        />
        <Field
          name="repeat"
          type="password"
          label={t("reset.repeat")}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="button button-primary">
          {t("reset.save")}
        </button>
      </Form>
    </div>
  );
}
