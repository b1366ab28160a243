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
import { FormProblem, FormRefusal } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { OwnDetailsForm } from "~/components/own-details-form";
import { RegistrationCard } from "~/components/registration-card";
import type { Locale, MessageKey } from "~/i18n";
import { oneLinePlace } from "~/lib/calendar-links";
import { certificatePath, hasCertificate } from "~/lib/certificate";
import { config } from "~/lib/config.server";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { localePath } from "~/lib/locale-path";
import { ownDetailsDefaults, ownDetailsSchema } from "~/lib/own-details-form";
import { askedIn, storedAnswers } from "~/lib/questions";
import { nowInstant } from "~/lib/time";
import { eraseRegistrationByToken } from "~/models/erasure.server";
import { ownDetailsFormOf, ownDetailsLock, updateOwnDetails } from "~/models/own-details.server";
import { listQuestions } from "~/models/question.server";
import {
  cancelRegistration,
  type LiveStatus,
  type ManagedRegistration,
  openManageToken,
  withdrawNewsOptIn,
} from "~/models/registration.server";
import { type Notice, redirectWithNotice, takeNotice } from "~/web/flash.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { enforce } from "~/web/rate-limits.server";
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

/**
 * What the forms of the page ask for: the buttons are each a form with one hidden field, and
 * "details" is the form that corrects the person's details (its fields: ownDetailsSchema).
 */
const manageSchema = z.object({
  intent: z.enum(["cancel", "news-off", "erase", "details"], {
    error: "manage.errors.unknownAction",
  }),
});

/** Notices of the details form, said at the top of the page it redirects to. */
const DETAILS_NOTICES: readonly MessageKey[] = [
  "details.saved",
  "details.savedWithInvite",
  "details.unchanged",
];

/**
 * The details form of a live registration, filled in as it stands, or why it can no longer be
 * corrected (null for a registration that is no longer live: the page says so already).
 */
async function detailsOf(
  { registration, session }: Pick<ManagedRegistration, "registration" | "session">,
  locale: Locale,
) {
  const lock = ownDetailsLock(registration, session, nowInstant());
  if (lock === "notLive") return null;
  if (lock) return { lock, form: null };
  const { questions, answers } = await ownDetailsFormOf(registration);
  const asked = questions.map((question) => askedIn(question, locale));
  return {
    lock: null,
    form: {
      questions: asked,
      defaults: ownDetailsDefaults(
        {
          name: registration.name,
          organisation: registration.organisation,
          enterpriseNumber: registration.enterprise_number,
        },
        asked,
        answers,
      ),
      editableUntil: session.registration_closes_at ?? session.starts_at,
      // A new form once the details were saved, with what is stored now.
      key: registration.details_updated_at ?? "never",
    },
  };
}

async function load(token: string, locale: Locale) {
  const found = await openManageToken(token);
  if (found.state === "unknown") throw notFound(PRIVATE_HEADERS);
  // The person's data were erased: the link is known, and says so, but leads to no one.
  if (found.state === "erased") return { erased: true as const };
  const { registration, session, waitlistPosition } = found;
  return {
    certificate: hasCertificate(registration, session, nowInstant()),
    details: await detailsOf(found, locale),
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

interface ActionData {
  /** Which form the answer is for: the details form, or one of the buttons. */
  form: "details" | "manage";
  result: FormResult;
}

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
  const formData = await request.formData();
  const submission = parseForm(formData, manageSchema);
  const refuse = (status: number, key: MessageKey) =>
    data<ActionData>(
      { form: "manage", result: submission.reply({ formErrors: formMessage(key) }) },
      { status, headers: PRIVATE_HEADERS },
    );
  if (submission.status !== "success") return refuse(400, "manage.errors.unknownAction");
  const page = `/inschrijving/${encodeURIComponent(token)}`;
  const { intent } = submission.value;
  if (intent === "details") return saveDetails(request, token, formData);
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

/**
 * The details form, posted: checked against the session's questions as they are now, refused
 * (409, nothing stored) once the registration or its session no longer allows it, and stored
 * with what the model decides again under its lock.
 */
async function saveDetails(request: Request, token: string, formData: FormData) {
  const found = await openManageToken(token);
  if (found.state !== "found") throw notFound(PRIVATE_HEADERS);
  const locale = localeOf(request);
  const questions = (await listQuestions(found.session.id)).map((question) =>
    askedIn(question, locale),
  );
  const submission = parseForm(formData, ownDetailsSchema(questions));
  const refuse = (key: MessageKey) =>
    data<ActionData>(
      { form: "details", result: submission.reply({ formErrors: formMessage(key) }) },
      { status: 409, headers: PRIVATE_HEADERS },
    );
  // Said before any field's message: no correction would be taken now.
  const lock = ownDetailsLock(found.registration, found.session, nowInstant());
  if (lock) return refuse(`details.locked.${lock}`);
  if (submission.status !== "success") {
    return data<ActionData>(
      { form: "details", result: submission.reply() },
      { status: 400, headers: PRIVATE_HEADERS },
    );
  }
  const { name, organisation, enterpriseNumber } = submission.value;
  // A new name sends the invite again: it counts in the address's mail budget, as every mail a
  // request without an account causes does, so a manage link cannot flood its mailbox.
  if (name !== found.registration.name && found.registration.status === "confirmed") {
    await enforce(["mail.address", found.registration.email]);
  }
  const answers = storedAnswers(questions, submission.value);
  const result = await updateOwnDetails(token, { name, organisation, enterpriseNumber, answers });
  if (!result.ok) {
    if (result.reason === "notFound") throw notFound(PRIVATE_HEADERS);
    return refuse(`details.locked.${result.reason}`);
  }
  const key: MessageKey = !result.changed.length
    ? "details.unchanged"
    : result.invited
      ? "details.savedWithInvite"
      : "details.saved";
  return redirectWithNotice(
    request,
    `/inschrijving/${encodeURIComponent(token)}`,
    { key },
    PRIVATE_HEADERS,
  );
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
  certificate,
  registration,
  session,
  waitlistPosition,
  details,
  notice,
}: Extract<LoaderData, { erased: false }>) {
  const inLocale = useLocalePath();
  const actionData = useActionData<ActionData>();
  const [form] = useSchemaForm(
    manageSchema,
    actionData?.form === "manage" ? actionData.result : undefined,
    { id: "manage" },
  );
  const detailsAnswer = actionData?.form === "details" ? actionData.result : undefined;
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
      {notice && DETAILS_NOTICES.includes(notice.key) && !actionData ? (
        <FlashNotice notice={notice} />
      ) : null}
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

      {certificate ? (
        <section className="certificate" aria-labelledby="certificate-title">
          <h2 id="certificate-title">{t("certificate.manage.title")}</h2>
          <p>{t("certificate.manage.body")}</p>
          <p>
            <a href={certificatePath(token)} download className="button" rel="nofollow">
              {t("certificate.manage.download")}
            </a>
          </p>
        </section>
      ) : null}

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

      {details || detailsAnswer ? (
        <section className="own-details" aria-labelledby="details-title">
          <h2 id="details-title">{t("details.title")}</h2>
          {details?.form ? (
            <OwnDetailsForm
              key={details.form.key}
              email={registration.email}
              questions={details.form.questions}
              defaults={details.form.defaults}
              editableUntil={details.form.editableUntil}
              lastResult={detailsAnswer}
            />
          ) : detailsAnswer ? (
            // Refused, and the page as it is now has no form to show it at.
            <FormRefusal result={detailsAnswer} />
          ) : details?.lock ? (
            <p>{t(`details.locked.${details.lock}`)}</p>
          ) : null}
        </section>
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
