import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErasedRegistration } from "~/components/erased-registration";
import { FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { type CardSession, RegistrationCard } from "~/components/registration-card";
import { type FormAnswer, formMessage, parseForm } from "~/lib/forms";
import { mailManageLink, openViewToken } from "~/models/registration.server";
import { type Notice, redirectWithNotice, takeNotice } from "~/web/flash.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { withinBudget } from "~/web/rate-limits.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n } from "~/web/use-i18n";
import type { RegistrationStatus } from "../../db/schema";

/*
 * The page the link in an invite's DESCRIPTION opens (`/inschrijving/bekijken/<token>`).
 * Calendars are shared and delegated, and Outlook meetings forwarded, so whoever can read the
 * event may hold this link: it shows the session, the name and the status, and its one action
 * mails the registration's owner their manage link, which alone cancels, downloads or erases.
 */

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = ({ matches }) => {
  const { t } = metaI18n(matches);
  return [
    { title: `${t("view.title")} · ${t("site.name")}` },
    // The URL is a key: no search engine lists it, no other site sees it as a referrer.
    { name: "robots", content: "noindex" },
    { name: "referrer", content: "same-origin" },
  ];
};

const viewSchema = z.object({
  intent: z.literal("mail-link", { error: "manage.errors.unknownAction" }),
});

type LoaderData =
  | { erased: true }
  | {
      erased: false;
      notice: Notice | null;
      name: string;
      status: RegistrationStatus;
      waitlistPosition: number | null;
      session: CardSession;
    };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await openViewToken(params.token ?? "");
  if (found.state === "unknown") throw notFound(PRIVATE_HEADERS);
  if (found.state === "erased") {
    return Response.json({ erased: true } satisfies LoaderData, {
      status: 410,
      headers: PRIVATE_HEADERS,
    });
  }
  const { registration, session, waitlistPosition } = found;
  const { notice, headers } = await takeNotice(request);
  return Response.json(
    {
      erased: false,
      notice,
      // Only what the calendar's reader may see: no address, no organisation, no other data.
      name: registration.name,
      status: registration.status,
      waitlistPosition,
      session: {
        slug: session.slug,
        title: session.title,
        startsAt: session.starts_at,
        endsAt: session.ends_at,
        venueName: session.venue_name,
        venueAddress: session.venue_address,
        cancelled: session.status === "cancelled",
      },
    } satisfies LoaderData,
    { headers: { ...PRIVATE_HEADERS, ...headers } },
  );
}

export async function action({ params, request }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const token = params.token ?? "";
  const submission = parseForm(await request.formData(), viewSchema);
  if (submission.status !== "success") {
    return Response.json(
      {
        result: submission.reply({ formErrors: formMessage("manage.errors.unknownAction") }),
      } satisfies FormAnswer,
      { status: 400, headers: PRIVATE_HEADERS },
    );
  }
  const found = await openViewToken(token);
  if (found.state === "unknown") throw notFound(PRIVATE_HEADERS);
  // Counted against the address's mail budget, like a sign-up; the answer is the same whether
  // a mail went out or not (the budget spent, the data erased meanwhile).
  if (found.state === "found" && (await withinBudget(["mail.address", found.registration.email]))) {
    await mailManageLink(found.registration);
  }
  return redirectWithNotice(
    request,
    `/inschrijving/bekijken/${encodeURIComponent(token)}`,
    { key: "view.linkSent" },
    PRIVATE_HEADERS,
  );
}

export default function ViewRegistrationPage() {
  const data = useLoaderData<LoaderData>();
  return data.erased ? <ErasedRegistration /> : <ViewRegistration {...data} />;
}

function ViewRegistration({
  notice,
  name,
  status,
  waitlistPosition,
  session,
}: Extract<LoaderData, { erased: false }>) {
  const actionData = useActionData<FormAnswer>();
  const [form] = useSchemaForm(viewSchema, actionData?.result, { id: "view" });
  const { t } = useI18n();
  return (
    <div className="wrap page narrow">
      <h1>{t("view.title")}</h1>
      <FormProblem form={form} summary={t("manage.errors.unknownAction")} />
      <RegistrationCard session={session}>
        <p>{t("view.registeredAs", { name })}</p>
        <p className={`status status-${status}`}>
          {t(`manage.status.${status}`, { position: waitlistPosition ?? 0 })}
        </p>
      </RegistrationCard>

      <section aria-labelledby="mail-link-title">
        <h2 id="mail-link-title">{t("view.mailLink.title")}</h2>
        <p>{t("view.mailLink.body")}</p>
        {actionData ? null : <FlashNotice notice={notice} />}
        <Form method="post" replace>
          <input type="hidden" name="intent" value="mail-link" />
          <button type="submit" className="button">
            {t("view.mailLink.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
