import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { PlainField as Field } from "~/components/plain-field";
import { i18n } from "~/i18n";
import { clientOf, enforce } from "~/lib/rate-limits.server";
import { PERSONAL_DATA } from "~/lib/route-handle";
import { hasControlCharacter } from "~/lib/text";
import { useI18n } from "~/lib/use-i18n";
import { requestPasswordReset } from "~/models/organiser.server";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = () => [
  { title: `${i18n().t("reset.title")} · ${i18n().t("site.name")}` },
];

const AFTER_THE_ANSWER_MS = 200;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  // No account has an address with a control character, and PostgreSQL refuses to look one up.
  if (email.length <= 254 && email.includes("@") && !hasControlCharacter(email)) {
    // Counted whether or not the address has an account: the limits say nothing about that.
    await enforce(["reset.client", clientOf(context)], ["mail.address", email]);
    // The link is made and queued once the answer has left: how long that takes would
    // otherwise tell which addresses have an account.
    setTimeout(() => {
      requestPasswordReset(email).catch((error) => console.error("password reset:", error));
    }, AFTER_THE_ANSWER_MS);
  }
  // The same answer whether or not the address has an account.
  return { sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="wrap page narrow">
      <h1>{t("reset.title")}</h1>
      {actionData?.sent ? (
        <p className="success" role="status">
          {t("reset.sent")}
        </p>
      ) : (
        <Form method="post" className="panel">
          <p>{t("reset.intro")}</p>
          <Field
            name="email"
            type="email"
            label={t("login.email")}
            autoComplete="username"
            required
          />
          <button type="submit" className="button button-primary">
            {t("reset.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
