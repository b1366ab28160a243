import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useParams,
  useSearchParams,
} from "@remix-run/react";
import { z } from "zod";
import { AddToCalendar } from "~/components/add-to-calendar";
import { ErasedRegistration } from "~/components/erased-registration";
import { FormProblem } from "~/components/field";
import { RegistrationCard } from "~/components/registration-card";
import type { Locale, MessageKey } from "~/i18n";
import { oneLinePlace } from "~/lib/calendar-links";
import { config } from "~/lib/config.server";
import { type FormAnswer, formMessage, parseForm } from "~/lib/forms";
import { localePath } from "~/lib/locale-path";
import { nowInstant } from "~/lib/time";
import { eraseRegistrationByToken } from "~/models/erasure.server";
import {
  cancelRegistration,
  type LiveStatus,
  openManageToken,
  withdrawNewsOptIn,
} from "~/models/registration.server";
import { type Notice, redirectWithNotice, takeNotice } from "~/web/flash.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaI18n(matches).t("manage.title")} · ${metaI18n(matches).t("site.name")}` },
  // The URL is a personal key: keep it out of search engines and other sites' logs.
  { name: "robots", content: "noindex" },
  // Other sites never see this address (it is a key), and this site's own forms still name
  // their origin, which posting them requires: not "no-referrer", which sends Origin: null.
  { name: "referrer", content: "same-origin" },
];

/** What the buttons of the page ask for: each is a form with one hidden field. */
const manageSchema = z.object({
  intent: z.enum(["cancel", "news-off", "erase"], { error: "manage.errors.unknownAction" }),
});

async function load(token: string, locale: Locale) {
  const found = await openManageToken(token);
  if (found.state === "unknown") throw notFound(PRIVATE_HEADERS);
  // The person's data were erased: the link is known, and says so, but leads to no one.
  if (found.state === "erased") return { erased: true as const };
  const { registration, session, waitlistPosition } = found;
  return {
    erased: false as const,
    registration: {
      name: registration.name,
      email: registration.email,
      status: registration.status,
      newsOptInAt: registration.news_opt_in_at,
      declineReason: registration.decline_reason,
    },
    waitlistPosition,
    session: {
      slug: session.slug,
      title: session.title,
      summary: session.summary,
      place: oneLinePlace(session),
      url: `${config().publicUrl}${localePath(locale, `/sessies/${encodeURIComponent(session.slug)}`)}`,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      venueName: session.venue_name,
      venueAddress: session.venue_address,
      cancelled: session.status === "cancelled",
      past: session.starts_at <= nowInstant(),
    },
  };
}

type LoaderData = Awaited<ReturnType<typeof load>> & { notice: Notice | null };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const loaded = await load(params.token ?? "", localeOf(request));
  const { notice, headers } = await takeNotice(request);
  return data({ ...loaded, notice } satisfies LoaderData, {
    status: loaded.erased ? 410 : 200,
    headers: { ...PRIVATE_HEADERS, ...headers },
  });
}

export async function action({ params, request }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const token = params.token ?? "";
  const submission = parseForm(await request.formData(), manageSchema);
  const refuse = (status: number, key: MessageKey) =>
    data<FormAnswer>(
      { result: submission.reply({ formErrors: formMessage(key) }) },
      { status, headers: PRIVATE_HEADERS },
    );
  if (submission.status !== "success") return refuse(400, "manage.errors.unknownAction");
  const page = `/inschrijving/${encodeURIComponent(token)}`;
  const { intent } = submission.value;
  if (intent === "erase") {
    const erased = await eraseRegistrationByToken(token);
    if (!erased.ok && erased.reason === "notFound") throw notFound(PRIVATE_HEADERS);
    // Erased now or by a click just before: the page says the data are gone.
    return redirect(localePath(localeOf(request), page), { headers: PRIVATE_HEADERS });
  }
  if (intent === "news-off") {
    if (!(await withdrawNewsOptIn(token))) throw notFound(PRIVATE_HEADERS);
    return redirectWithNotice(request, page, { key: "news.withdrawn" }, PRIVATE_HEADERS);
  }
  const result = await cancelRegistration(token);
  if (result.ok) {
    const key =
      result.previousStatus === "requested" ? "manage.withdrawnNow" : "manage.cancelledNow";
    return redirectWithNotice(request, page, { key }, PRIVATE_HEADERS);
  }
  if (result.reason === "notFound") throw notFound(PRIVATE_HEADERS);
  // A second click, or a second tab: nothing happened, and no second mail went out.
  if (result.reason === "alreadyCancelled") return refuse(409, "manage.alreadyCancelled");
  return refuse(409, "manage.errors.past");
}

/** What the page says about giving up a registration, by what it is now. */
const GIVING_UP: Record<
  LiveStatus,
  Record<"link" | "title" | "body" | "confirm" | "keep", MessageKey>
> = {
  confirmed: {
    link: "manage.cancel",
    title: "manage.confirmTitle",
    body: "manage.confirmBody",
    confirm: "manage.confirm",
    keep: "manage.keep",
  },
  waitlisted: {
    link: "manage.leaveWaitlist",
    title: "manage.confirmTitleWaitlisted",
    body: "manage.confirmBodyWaitlisted",
    confirm: "manage.confirmWaitlisted",
    keep: "manage.keep",
  },
  requested: {
    link: "manage.withdrawRequest",
    title: "manage.confirmTitleRequested",
    body: "manage.confirmBodyRequested",
    confirm: "manage.confirmRequested",
    keep: "manage.keepRequest",
  },
};

const isLiveStatus = (status: string): status is LiveStatus => Object.hasOwn(GIVING_UP, status);

export default function ManageRegistrationPage() {
  const loaded = useLoaderData<LoaderData>();
  return loaded.erased ? <ErasedRegistration /> : <ManageRegistration {...loaded} />;
}

function ManageRegistration({
  registration,
  session,
  waitlistPosition,
  notice,
}: Extract<LoaderData, { erased: false }>) {
  const inLocale = useLocalePath();
  const actionData = useActionData<FormAnswer>();
  const [form] = useSchemaForm(manageSchema, actionData?.result, { id: "manage" });
  const [searchParams] = useSearchParams();
  const { t, longDate } = useI18n();
  const erasing = searchParams.has("wissen");
  const { token = "" } = useParams();
  const live = isLiveStatus(registration.status) ? registration.status : null;
  const confirming = searchParams.has("annuleren") && live !== null;
  const canCancel = live !== null && !session.past;
  const texts = GIVING_UP[live ?? "confirmed"];
  const justGivenUp =
    (notice?.key === "manage.cancelledNow" || notice?.key === "manage.withdrawnNow") && !actionData;

  return (
    <div className="wrap page narrow">
      <h1>{t("manage.title")}</h1>
      <FormProblem form={form} summary={t("manage.errors.unknownAction")} />
      <RegistrationCard session={session}>
        <p>{t("manage.registeredAs", { name: registration.name, email: registration.email })}</p>
        <p className={`status status-${registration.status}`} role="status">
          {justGivenUp && notice
            ? t(notice.key, notice.values)
            : t(`manage.status.${registration.status}`, { position: waitlistPosition ?? 0 })}
        </p>
        {registration.status === "declined" && registration.declineReason ? (
          <div className="decline-reason">
            <p>
              <strong>{t("manage.declineReason")}</strong>
            </p>
            {registration.declineReason.split(/\n{2,}/).map((paragraph, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        ) : null}
      </RegistrationCard>

      {registration.status === "confirmed" && !session.cancelled && !session.past ? (
        <section className="calendar" aria-labelledby="calendar-title">
          <h2 id="calendar-title">{t("calendar.manage.title")}</h2>
          <AddToCalendar
            session={session}
            file={{
              href: `/inschrijving/${encodeURIComponent(token)}/uitnodiging.ics`,
              label: t("calendar.manage.invite"),
            }}
          />
          <p className="hint">{t("calendar.manage.inviteHint")}</p>
        </section>
      ) : null}

      {confirming && canCancel ? (
        <section className="confirm" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t(texts.title)}</h2>
          <p>{t(texts.body)}</p>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button-danger">
              {t(texts.confirm)}
            </button>{" "}
            <Link to="." replace className="button button-secondary">
              {t(texts.keep)}
            </Link>
          </Form>
        </section>
      ) : canCancel ? (
        <p>
          <Link to="?annuleren" className="button button-secondary">
            {t(texts.link)}
          </Link>
        </p>
      ) : registration.status === "cancelled" && !session.past && !session.cancelled ? (
        <p>
          <Link to={inLocale(`/sessies/${session.slug}`)} className="button">
            {t("manage.signUpAgain")}
          </Link>
        </p>
      ) : null}

      {registration.newsOptInAt ? (
        <section className="news" aria-labelledby="news-title">
          <h2 id="news-title">{t("news.title")}</h2>
          <p>{t("news.subscribed", { date: longDate(registration.newsOptInAt) })}</p>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="news-off" />
            <button type="submit" className="button button-secondary">
              {t("news.withdraw")}
            </button>
          </Form>
        </section>
      ) : notice?.key === "news.withdrawn" && !actionData ? (
        <p className="success" role="status">
          {t(notice.key, notice.values)}
        </p>
      ) : null}

      <section className="personal-data" aria-labelledby="personal-data-title">
        <h2 id="personal-data-title">{t("gdpr.section.title")}</h2>
        <p>{t("gdpr.section.body")}</p>
        <p>
          <a
            href={`/inschrijving/${encodeURIComponent(token)}/gegevens.json`}
            download
            className="button button-secondary"
            rel="nofollow"
          >
            {t("gdpr.download")}
          </a>
        </p>
        {erasing ? (
          <div className="confirm">
            <h3>{t("gdpr.confirmTitle")}</h3>
            <p>{t("gdpr.confirmBody")}</p>
            <Form method="post" replace>
              <input type="hidden" name="intent" value="erase" />
              <button type="submit" className="button button-danger">
                {t("gdpr.confirm")}
              </button>{" "}
              <Link to="." replace className="button button-secondary">
                {t("gdpr.keep")}
              </Link>
            </Form>
          </div>
        ) : (
          <p>
            <Link to="?wissen" className="button button-secondary">
              {t("gdpr.erase")}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
