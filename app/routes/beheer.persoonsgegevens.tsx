import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { PlainField as Field } from "~/components/plain-field";
import { i18n, type MessageKey } from "~/i18n";
import { requireAdmin } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
import { PERSONAL_DATA } from "~/lib/route-handle";
import { useI18n } from "~/lib/use-i18n";
import { erasePersonByEmail } from "~/models/erasure.server";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = () => [
  { title: `${i18n().t("gdpr.admin.title")} · ${i18n().t("admin.title")}` },
];

/** Erasing a person's registrations everywhere, by their address, when they ask an admin. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

const request = z.object({
  email: z
    .string()
    .trim()
    .max(254, "gdpr.admin.invalidEmail")
    .regex(/^[^\p{Cc}]*$/u, "gdpr.admin.invalidEmail")
    .pipe(z.email("gdpr.admin.invalidEmail")),
  confirmed: z.literal("ja", { error: "gdpr.admin.confirmRequired" }),
});

interface ActionData {
  errors?: Partial<Record<"email" | "confirmed", MessageKey>>;
  erased?: number;
}

export async function action({ request: http, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(http);
  const form = await http.formData();
  const parsed = request.safeParse({
    email: form.get("email") ?? "",
    confirmed: form.get("confirmed") ?? "",
  });
  if (!parsed.success) {
    const errors: ActionData["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "confirmed") && !errors[field]) {
        errors[field] = issue.message as MessageKey;
      }
    }
    return Response.json({ errors } satisfies ActionData, { status: 400 });
  }
  const { erased } = await erasePersonByEmail(parsed.data.email, {
    organiserId: admin.id,
    clientAddress: clientOf(context),
  });
  return Response.json({ erased } satisfies ActionData);
}

export default function PersonalDataErasure() {
  const result = useActionData<ActionData>();
  const { t } = useI18n();
  const errors = result?.errors ?? {};
  return (
    <div className="wrap page narrow">
      <h1>{t("gdpr.admin.title")}</h1>
      <p className="lead">{t("gdpr.admin.intro")}</p>
      {result?.erased !== undefined ? (
        <p className="notice" role="status">
          {t("gdpr.admin.done", { count: result.erased })}
        </p>
      ) : null}
      <Form method="post" className="panel" noValidate>
        <Field
          name="email"
          type="email"
          label={t("gdpr.admin.email")}
          required
          autoComplete="off"
          error={errors.email ? t(errors.email) : undefined}
        />
        <div className={`field${errors.confirmed ? " field-invalid" : ""}`}>
          <label className="checkbox">
            <input
              type="checkbox"
              name="confirmed"
              value="ja"
              required
              aria-invalid={errors.confirmed ? true : undefined}
            />{" "}
            {t("gdpr.admin.confirm")}
          </label>
          {errors.confirmed ? <p className="error">{t(errors.confirmed)}</p> : null}
        </div>
        <button type="submit" className="button button-danger">
          {t("gdpr.admin.submit")}
        </button>
      </Form>
    </div>
  );
}
