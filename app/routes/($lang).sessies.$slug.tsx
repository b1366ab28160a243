import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { AddToCalendar } from "~/components/add-to-calendar";
import { AvailabilityBadge } from "~/components/availability-badge";
import { ColleagueFields } from "~/components/colleague-fields";
import { CheckboxField, EmailField, Field, type FieldMeta, FormProblem } from "~/components/field";
import { OrganisationFields } from "~/components/organisation-fields";
import { QuestionFields } from "~/components/question-fields";
import { i18n } from "~/i18n";
import { oneLinePlace } from "~/lib/calendar-links";
import { config } from "~/lib/config.server";
import { emailDomainsOf } from "~/lib/email-domains";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { languageParam, localePath } from "~/lib/locale-path";
import { type AskedQuestion, askedIn, storedAnswers } from "~/lib/questions";
import { colleaguesOf, signUpSchema } from "~/lib/registration-form";
import { nowInstant } from "~/lib/time";
import { listQuestions, questionsBySlug } from "~/models/question.server";
import { type SignUpLimit, signUp } from "~/models/registration.server";
import {
  type Availability,
  availabilityOf,
  getSessionBySlug,
  signUpRulesBySlug,
} from "~/models/session.server";
import { flashSignedUpEmails } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { found, notFound } from "~/web/not-found.server";
import { clientOf, refusal } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { sessionEvent } from "~/web/structured-data.server";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

/** A refusal's Retry-After, and an unlisted session's word to search engines (kept by the page cache). */
export const headers: HeadersFunction = (args) => {
  const headers = new Headers(refusalHeaders(args));
  const robots = args.loaderHeaders.get("X-Robots-Tag");
  if (robots) headers.set("X-Robots-Tag", robots);
  return headers;
};
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t, longDate } = metaI18n(matches);
  if (!data) return [{ title: t("notFound.title") }];
  const { session } = data;
  return [
    { title: `${session.title} · ${t("site.name")}` },
    ...(session.unlisted ? [{ name: "robots", content: "noindex" }] : []),
    { "script:ld+json": data.event },
    {
      name: "description",
      content: t("session.metaDescription", {
        kind: t(`kind.${session.kind}`),
        city: session.city.name,
        date: longDate(session.startsAt),
        summary: session.summary,
      }),
    },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeOf(request);
  const slug = params.slug ?? "";
  const session = found(await getSessionBySlug(slug));
  const questions = await listQuestions(session.id);
  const now = nowInstant();
  const pageUrl = `${config().publicUrl}${localePath(locale, `/sessies/${encodeURIComponent(session.slug)}`)}`;
  const unlisted = session.unlisted === 1;
  const page = {
    session: {
      slug: session.slug,
      title: session.title,
      summary: session.summary,
      description: session.description,
      kind: session.kind,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      venueName: session.venue_name,
      venueAddress: session.venue_address,
      language: session.language,
      capacity: session.capacity,
      confirmedCount: session.confirmedCount,
      waitlistCount: session.waitlistCount,
      city: session.city,
      partners: session.partners,
      place: oneLinePlace(session),
      url: pageUrl,
      requiresApproval: session.requires_approval === 1,
      emailDomains: emailDomainsOf(session.email_domains),
      groupSize: session.max_group_size,
      unlisted,
    },
    availability: availabilityOf(session, session.confirmedCount, now),
    questions: questions.map((question) => askedIn(question, locale)),
    event: sessionEvent(session, {
      url: pageUrl,
      now,
      cityOrganizer: i18n(locale).t("session.cityOrganiser", { city: session.city.name }),
    }),
  };
  // Reachable by its link, listed nowhere: search engines leave it out too.
  return data(page, { headers: unlisted ? { "X-Robots-Tag": "noindex" } : {} });
}

interface ActionData {
  result: FormResult;
  /** Why the session took no sign-up, when the form itself was fine. */
  unavailable?: Exclude<Availability["state"], "open" | "waitlist">;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const slug = params.slug ?? "";
  const formData = await request.formData();
  // A field people cannot see: bots fill it in, people do not. Treat them as signed up, store nothing.
  const locale = localeOf(request);
  const thanks = localePath(locale, `/sessies/${encodeURIComponent(slug)}/bedankt`);
  if (formData.get("website")) return redirect(thanks);

  // An address of a domain the session does not take is refused at its field, with the form's
  // other checks, before anything is stored or counted against the address's mail budget.
  const rules = found(await signUpRulesBySlug(slug));
  const questions = (await questionsBySlug(slug)).map((question) => askedIn(question, locale));
  const submission = parseForm(formData, signUpSchema({ questions, ...rules }));
  if (submission.status !== "success") {
    return data<ActionData>({ result: submission.reply() }, { status: 400 });
  }
  const registration = submission.value;
  const colleagues = colleaguesOf(registration);
  const emails = [registration.email, ...colleagues.map((colleague) => colleague.email)];
  // Every person signed up counts, and every sign-up mails each address (a confirmation, a
  // waiting-list place, the link again): counted in the transaction that stores the sign-up.
  const client = clientOf(context);
  const limits: SignUpLimit[] = [
    ...emails.map(() => ({ rule: "signup.client" as const, about: [client] })),
    ...emails.map((email) => ({ rule: "mail.address" as const, about: [email] })),
  ];
  // Colleagues come under the person's organisation, with the answers asked once per sign-up,
  // and their own answers to the questions asked per person.
  const shared = storedAnswers(
    questions.filter((question) => !question.perPerson),
    registration,
  );
  const perPerson = questions.filter((question) => question.perPerson);
  const result = await signUp(
    slug,
    { ...registration, answers: storedAnswers(questions, registration) },
    {
      locale,
      limits,
      colleagues: {
        people: colleagues.map((colleague) => ({
          name: colleague.name,
          email: colleague.email,
          organisation: registration.organisation,
          enterpriseNumber: registration.enterpriseNumber,
          answers: [...shared, ...storedAnswers(perPerson, colleague)],
        })),
        together: registration.together,
      },
    },
  );
  if (!result.ok) {
    if (result.reason === "limited") throw await refusal(result.rule, result.retryAfterSeconds);
    if (result.reason === "notFound") throw notFound();
    if (result.reason === "groupTooLarge") {
      return data<ActionData>(
        { result: submission.reply({ formErrors: formMessage("errors.group.tooLarge") }) },
        { status: 400 },
      );
    }
    if (result.reason === "emailDomain") {
      // The session's domains changed since the check above: said the same way.
      const domains = (await signUpRulesBySlug(slug))?.emailDomains ?? [];
      const message = formMessage("errors.email.domain", { domains: domains.join(", ") });
      return data<ActionData>(
        { result: submission.reply({ fieldErrors: { email: message } }) },
        { status: 400 },
      );
    }
    return data<ActionData>(
      { result: submission.reply(), unavailable: result.reason },
      { status: 409 },
    );
  }
  return redirect(thanks, {
    headers: { "Set-Cookie": await flashSignedUpEmails(request, emails) },
  });
}

export default function SessionPage() {
  const inLocale = useLocalePath();
  const { session, availability, questions } = useLoaderData<typeof loader>();
  const { t, dateTimeRange, locale } = useI18n();
  const taal = languageParam(locale);
  return (
    <div className="wrap page">
      <p className="breadcrumb">
        <Link to={inLocale("/")}>{t("session.backToList")}</Link> ·{" "}
        <Link to={inLocale(`/steden/${session.city.slug}`)}>{session.city.name}</Link>
      </p>
      <div className="session-layout">
        <article className="session-main">
          <p className={`kind-label kind-${session.kind}`}>{t(`kind.${session.kind}`)}</p>
          <h1>{session.title}</h1>
          <p className="lead">{session.summary}</p>
          <dl className="facts">
            <div>
              <dt>{t("session.when")}</dt>
              <dd>
                <time dateTime={session.startsAt}>
                  {dateTimeRange(session.startsAt, session.endsAt)}
                </time>
              </dd>
            </div>
            <div>
              <dt>{t("session.where")}</dt>
              <dd>
                {session.venueName}
                <br />
                {session.venueAddress}
              </dd>
            </div>
            <div>
              <dt>{t("session.organisers")}</dt>
              <dd>
                <Organisers city={session.city.name} partners={session.partners} />
              </dd>
            </div>
            <div>
              <dt>{t("session.language")}</dt>
              <dd>{t(`language.${session.language}`)}</dd>
            </div>
            <div>
              <dt>{t("session.seats")}</dt>
              <dd>
                <AvailabilityBadge
                  availability={availability}
                  requiresApproval={session.requiresApproval}
                />
                <br />
                {t("session.seatsTaken", {
                  confirmed: session.confirmedCount,
                  capacity: session.capacity,
                  waiting: session.waitlistCount,
                })}
                {session.groupSize > 1 ? (
                  <>
                    <br />
                    {t("session.groupSize", { max: session.groupSize })}
                  </>
                ) : null}
              </dd>
            </div>
          </dl>
          <div className="description">
            {session.description.split(/\n{2,}/).map((paragraph, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          <section aria-labelledby="calendar-title">
            <h2 id="calendar-title">{t("calendar.add.title")}</h2>
            <AddToCalendar
              session={session}
              file={{
                href: `/sessies/${encodeURIComponent(session.slug)}/agenda.ics${taal ? `?taal=${taal}` : ""}`,
                label: t("calendar.add.ics"),
              }}
            />
          </section>
        </article>
        <aside className="session-signup" aria-labelledby="signup-title">
          <h2 id="signup-title">{t("signup.title")}</h2>
          <SignUp availability={availability} questions={questions} />
        </aside>
      </div>
    </div>
  );
}

/** The city, then each partner as a link to its page: "Stad Leuven, Unizo en Voka". */
function Organisers({
  city,
  partners,
}: {
  city: string;
  partners: { slug: string; name: string }[];
}) {
  const inLocale = useLocalePath();
  const { t, list } = useI18n();
  // The list is formatted with placeholders, so the locale decides the commas and the "en".
  const names = [t("session.cityOrganiser", { city }), ...partners.map((p) => p.name)];
  const parts = list(names.map((_, i) => `\uE000${i}\uE000`)).split(/\uE000(\d+)\uE000/);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const index = Number(part);
        const partner = partners[index - 1];
        return partner ? (
          <Link key={partner.slug} to={inLocale(`/partners/${encodeURIComponent(partner.slug)}`)}>
            {partner.name}
          </Link>
        ) : (
          names[index]
        );
      })}
    </>
  );
}

function SignUp({
  availability,
  questions,
}: {
  availability: Availability;
  questions: AskedQuestion[];
}) {
  const { session } = useLoaderData<typeof loader>();
  const { requiresApproval, emailDomains, groupSize } = session;
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const { t, longDate, orList } = useI18n();
  const [form, fields] = useSchemaForm(
    signUpSchema({ questions, emailDomains, groupSize }),
    actionData?.result,
    // Without a choice, a group waits together rather than being split.
    { id: "signup", checkInBrowser: true, defaultValue: { together: "together" } },
  );
  const notice = useRef<HTMLDivElement>(null);

  const state = actionData?.unavailable ?? availability.state;
  useEffect(() => {
    if (actionData?.unavailable) notice.current?.focus();
  }, [actionData]);

  if (state !== "open" && state !== "waitlist") {
    return (
      <div className="notice" role="status" ref={notice} tabIndex={-1}>
        {state === "notYetOpen" && availability.state === "notYetOpen"
          ? t("signup.unavailable.notYetOpen", { date: longDate(availability.opensAt) })
          : t(`signup.unavailable.${state === "notYetOpen" ? "closed" : state}`)}
      </div>
    );
  }

  const submitting = navigation.state === "submitting";
  return (
    <Form method="post" className="signup-form" {...getFormProps(form)}>
      <FormProblem form={form} summary={t("errors.form")} />
      {requiresApproval ? (
        <p className="notice">
          {t(state === "waitlist" ? "signup.approvalNoticeFull" : "signup.approvalNotice")}
        </p>
      ) : state === "waitlist" ? (
        <p className="notice notice-waitlist">{t("signup.waitlistNotice")}</p>
      ) : null}
      <Field meta={fields.name} label={t("signup.name")} autoComplete="name" />
      <EmailField
        meta={fields.email}
        label={t("signup.email")}
        hint={
          emailDomains.length
            ? t("signup.emailHintDomains", {
                domains: orList(emailDomains.map((domain) => `@${domain}`)),
              })
            : t("signup.emailHint")
        }
        autoComplete="email"
      />
      <OrganisationFields fields={fields} />
      <QuestionFields questions={questions} fields={fields} />
      {groupSize > 1 ? (
        <ColleagueFields
          groupSize={groupSize}
          questions={questions.filter((question) => question.perPerson)}
          fields={fields}
          askTogether={!requiresApproval}
        />
      ) : null}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">Website</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <ConsentField meta={fields.consent} />
      <NewsOptInField meta={fields.newsOptIn} />
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting
          ? t("signup.submitting")
          : t(
              requiresApproval
                ? "signup.submitRequest"
                : state === "waitlist"
                  ? "signup.submitWaitlist"
                  : "signup.submit",
            )}
      </button>
    </Form>
  );
}

/** A separate yes to the city's news: never ticked beforehand, never needed to sign up. */
function NewsOptInField({ meta }: { meta: FieldMeta }) {
  const { session } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <CheckboxField
      meta={meta}
      label={t("news.optIn", { city: t("session.cityOrganiser", { city: session.city.name }) })}
    />
  );
}

/**
 * The consent box says who gets the data, by name: the session's city and its partners, with a
 * link to the privacy statement that says what they keep and for how long.
 */
function ConsentField({ meta }: { meta: FieldMeta }) {
  const inLocale = useLocalePath();
  const { session } = useLoaderData<typeof loader>();
  const { t, list } = useI18n();
  const partners = session.partners.map((partner) => partner.name);
  return (
    <CheckboxField
      meta={meta}
      label={t("signup.consentWithPartners", {
        city: session.city.name,
        partnerCount: partners.length,
        partners: list(partners),
      })}
    >
      <p className="hint consent-privacy">
        <Link to={inLocale("/privacy")}>{t("signup.consentPrivacyLink")}</Link>
      </p>
    </CheckboxField>
  );
}
