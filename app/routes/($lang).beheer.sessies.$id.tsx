import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Answers } from "~/components/answers";
import { CardTable, Cell } from "~/components/card-table";
import { ConfirmAction } from "~/components/confirm-action";
import { DownloadLinks } from "~/components/download-links";
import { EmailField, Field, FormProblem, FormRefusal } from "~/components/field";
import { FillBar } from "~/components/fill-bar";
import { FlashNotice } from "~/components/flash-notice";
import { QuestionFields } from "~/components/question-fields";
import { RequestList } from "~/components/request-list";
import { SelfUpdated } from "~/components/self-updated";
import { ShareLink } from "~/components/share-link";
import type { MessageKey } from "~/i18n";
import { config } from "~/lib/config.server";
import { emailDomainsOf } from "~/lib/email-domains";
import { type FormMessage, type FormResult, formMessage, parseForm } from "~/lib/forms";
import { localePath, splitLocalePath } from "~/lib/locale-path";
import { questionsPath } from "~/lib/question-form";
import {
  type AskedQuestion,
  answerText,
  askedIn,
  inLanguage,
  storedAnswers,
} from "~/lib/questions";
import { addAttendeeSchema } from "~/lib/registration-form";
import { attendeeActionSchema } from "~/lib/session-form";
import { nowInstant } from "~/lib/time";
import {
  addAttendee,
  cancelAttendee,
  moveOnWaitlist,
  sessionIdOfRegistration,
  setCheckedIn,
} from "~/models/attendee.server";
import { listQuestions } from "~/models/question.server";
import { approveRequest, declineRequest, listRequests } from "~/models/request.server";
import { requireSessionAccess } from "~/web/auth.server";
import { redirectWithNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { loadAttendeeList } from "~/web/session-admin.server";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.session.title ?? ""} · ${metaI18n(matches).t("admin.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, attendees, search, notice, headers } = await loadAttendeeList(
    request,
    params.id,
  );
  const [requests, surveyQuestions] = await Promise.all([
    listRequests(session.id),
    listQuestions(session.id, "survey"),
  ]);
  const locale = localeOf(request);
  // Each person's answers as they read, in the organiser's language, in the form's order.
  const withAnswers = <A extends { answers: Record<number, string> }>(person: A) => ({
    ...person,
    answers: attendees.questions.flatMap((question) => {
      const value = person.answers[question.id];
      return value === undefined
        ? []
        : [
            {
              id: question.id,
              label: inLanguage(question.label, locale),
              text: answerText(question, value, locale),
            },
          ];
    }),
  });
  return data(
    {
      search,
      attendees: {
        ...attendees,
        confirmed: attendees.confirmed.map(withAnswers),
        waitlisted: attendees.waitlisted.map(withAnswers),
      },
      requests: { ...requests, open: requests.open.map(withAnswers) },
      questions: attendees.questions
        .filter((question) => !question.removed)
        .map((question) => askedIn(question, locale)),
      surveyQuestionCount: surveyQuestions.length,
      notice,
      session: {
        id: session.id,
        slug: session.slug,
        title: session.title,
        kind: session.kind,
        city: session.city.name,
        startsAt: session.starts_at,
        endsAt: session.ends_at,
        venueName: session.venue_name,
        cancelled: session.status === "cancelled",
        started: session.starts_at <= nowInstant(),
        requiresApproval: session.requires_approval === 1,
        unlisted: session.unlisted === 1,
        emailDomains: emailDomainsOf(session.email_domains),
        // The address an unlisted session is shared by, as the person will open it.
        url: `${config().publicUrl}${localePath(localeOf(request), `/sessies/${encodeURIComponent(session.slug)}`)}`,
        reminders: {
          dayBefore: session.remind_day_before ? "on" : "off",
          twoHours: session.remind_two_hours ? "on" : "off",
        },
        afterSession: {
          mails:
            session.send_thank_you && session.send_missed_you
              ? "both"
              : session.send_thank_you
                ? "thankYou"
                : session.send_missed_you
                  ? "missedYou"
                  : "none",
          hours: session.follow_up_hours,
        },
      },
    },
    { headers },
  );
}

interface ActionData {
  /** Which form the answer is for: adding someone, or a button beside a person. */
  form: "add" | "person";
  result: FormResult;
}

/** Back to this page as it was (its search kept), saying what the action did. */
const done = (request: Request, notice: FormMessage) => {
  const url = new URL(request.url);
  // The same page again, with its search: redirectWithNotice puts the language back in front.
  return redirectWithNotice(request, `${splitLocalePath(url.pathname).path}${url.search}`, notice);
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const formData = await request.formData();
  const by = { organiserId: organiser.id, clientAddress: clientOf(context) };

  if (formData.get("intent") === "add") {
    const locale = localeOf(request);
    const questions = (await listQuestions(sessionId)).map((question) => askedIn(question, locale));
    const submission = parseForm(formData, addAttendeeSchema({ questions }));
    const refuse = (status: number, key: MessageKey, values?: FormMessage["values"]) =>
      data<ActionData>(
        { form: "add", result: submission.reply({ formErrors: formMessage(key, values) }) },
        { status },
      );
    if (submission.status !== "success") {
      return data<ActionData>({ form: "add", result: submission.reply() }, { status: 400 });
    }
    const answers = storedAnswers(questions, submission.value);
    const result = await addAttendee(
      sessionId,
      { ...submission.value, answers },
      { ...by, locale },
    );
    if (result.ok) {
      return done(
        request,
        result.status === "confirmed"
          ? { key: "attendees.done.added", values: { name: result.name } }
          : {
              key: "attendees.done.waitlisted",
              values: { name: result.name, position: result.position },
            },
      );
    }
    switch (result.reason) {
      case "alreadyRegistered":
        return refuse(409, "sessionForm.attendee.alreadyRegistered", {
          email: result.email,
          status: result.status,
        });
      case "cancelled":
        return refuse(409, "attendees.refused.sessionCancelled");
      case "notFound":
        throw notFound();
    }
  }

  // Every other action names one registration, which must belong to this session.
  const submission = parseForm(formData, attendeeActionSchema);
  if (submission.status !== "success") {
    return data<ActionData>({ form: "person", result: submission.reply() }, { status: 400 });
  }
  const { intent, registrationId } = submission.value;
  if ((await sessionIdOfRegistration(registrationId)) !== sessionId) throw notFound();
  const refuse = (key: MessageKey, values?: FormMessage["values"]) =>
    data<ActionData>(
      { form: "person", result: submission.reply({ formErrors: formMessage(key, values) }) },
      { status: 409 },
    );
  switch (intent) {
    case "cancel": {
      const result = await cancelAttendee(registrationId, by);
      if (result.ok) {
        return done(request, {
          key: "attendees.done.cancelled",
          values: { name: result.name, promoted: result.promoted },
        });
      }
      if (result.reason === "notFound") throw notFound();
      return refuse("attendees.refused.alreadyCancelled", { name: result.name });
    }
    case "up":
    case "down": {
      const result = await moveOnWaitlist(registrationId, intent, by);
      if (result.ok) {
        return done(request, {
          key: "attendees.done.moved",
          values: { name: result.name, position: result.position },
        });
      }
      switch (result.reason) {
        case "notFound":
          throw notFound();
        case "notWaitlisted":
          return refuse("attendees.refused.notWaitlisted");
        case "alreadyFirst":
        case "alreadyLast":
          return refuse(`attendees.refused.${result.reason}`, { name: result.name });
      }
      break;
    }
    case "present":
    case "absent": {
      const result = await setCheckedIn(registrationId, intent === "present", by);
      if (result.ok) {
        return done(request, { key: `attendees.done.${intent}`, values: { name: result.name } });
      }
      if (result.reason === "notFound") throw notFound();
      return refuse("attendees.refused.notConfirmed", {
        name: result.name,
        status: result.status,
      });
    }
    case "approve": {
      const result = await approveRequest(sessionId, registrationId, by);
      if (result.ok)
        return done(request, { key: "requests.done.approved", values: { name: result.name } });
      if (result.reason === "notFound") throw notFound();
      if (result.reason === "full") {
        return refuse("requests.refused.full", { name: result.name, capacity: result.capacity });
      }
      return refuse(`requests.refused.${result.reason}`, { name: result.name });
    }
    case "decline": {
      const result = await declineRequest(sessionId, registrationId, {
        ...by,
        reason: submission.value.reason,
      });
      if (result.ok)
        return done(request, { key: "requests.done.declined", values: { name: result.name } });
      if (result.reason === "notFound") throw notFound();
      return refuse(`requests.refused.${result.reason}`, { name: result.name });
    }
  }
}

/** The figures at the top of the page, in this order; the open requests where there are any. */
const COUNTS = [
  "confirmed",
  "capacity",
  "waitlisted",
  "present",
  "absent",
  "walkIns",
  "requested",
] as const;

export default function SessionAttendees() {
  const inLocale = useLocalePath();
  const { session, attendees, requests, questions, surveyQuestionCount, search, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t, dateTimeRange, orList } = useI18n();
  const counts = { ...attendees.counts, requested: requests.open.length };
  const figures = COUNTS.filter(
    (count) =>
      (count !== "requested" || session.requiresApproval || counts.requested > 0) &&
      (count !== "walkIns" || counts.walkIns > 0),
  );
  // The buttons beside each person share one answer: a refusal says here why nothing changed.
  const [personForm] = useSchemaForm(
    attendeeActionSchema,
    actionData?.form === "person" ? actionData.result : undefined,
    { id: "person-action" },
  );
  const exportUrl = (format: string) =>
    inLocale(`/beheer/sessies/${session.id}/export?formaat=${format}`);
  const columns = {
    position: t("attendees.column.position"),
    name: t("attendees.column.name"),
    organisation: t("attendees.column.organisation"),
    present: t("attendees.column.present"),
    actions: t("attendees.actions"),
  };

  return (
    <div className="wrap page">
      <p className="breadcrumb">
        <Link to={inLocale("/beheer")}>{t("attendees.back")}</Link>
      </p>
      <p className={`kind-label kind-${session.kind}`}>
        {t(`kind.${session.kind}`)} · {session.city}
      </p>
      <h1>{session.title}</h1>
      <p>
        <time dateTime={session.startsAt}>{dateTimeRange(session.startsAt, session.endsAt)}</time> ·{" "}
        {session.venueName}
      </p>
      <p className="muted">{t("reminders.settings", session.reminders)}</p>
      <p className="muted">{t("afterSession.settings", session.afterSession)}</p>
      {session.requiresApproval || session.unlisted || session.emailDomains.length ? (
        <ul className="access-list">
          {session.requiresApproval ? <li>{t("access.approval")}</li> : null}
          {session.unlisted ? <li>{t("access.unlisted")}</li> : null}
          {session.emailDomains.length ? (
            <li>
              {t("access.emailDomains", {
                domains: orList(session.emailDomains.map((domain) => `@${domain}`)),
              })}
            </li>
          ) : null}
        </ul>
      ) : null}
      {session.cancelled ? (
        <p className="notice notice-danger">{t("attendees.cancelled")}</p>
      ) : null}
      <FlashNotice notice={notice} />
      <FormProblem form={personForm} summary={t("edge.badRequest.body")} />

      <nav className="toolbar" aria-label={t("attendees.actions")}>
        <Link to={inLocale(`/beheer/sessies/${session.id}/inchecken`)} className="button">
          {t("attendees.checkIn")}
        </Link>
        <Link
          to={inLocale(`/beheer/sessies/${session.id}/deur`)}
          className="button button-secondary"
        >
          {t("door.link")}
        </Link>
        <Link
          to={inLocale(`/beheer/sessies/${session.id}/bericht`)}
          className="button button-secondary"
        >
          {t("attendees.message")}
        </Link>
        {session.cancelled ? null : (
          <Link
            to={inLocale(`/beheer/sessies/${session.id}/bewerken`)}
            className="button button-secondary"
          >
            {t("attendees.edit")}
          </Link>
        )}
        <Link
          to={inLocale(`/beheer/sessies/${session.id}/vragen`)}
          className="button button-secondary"
        >
          {t("questions.link", { count: questions.length })}
        </Link>
        <Link
          to={inLocale(`/beheer/sessies/${session.id}/enquete`)}
          className="button button-secondary"
        >
          {t("survey.results.link")}
        </Link>
        <Link
          to={inLocale(questionsPath(session.id, "survey"))}
          className="button button-secondary"
        >
          {t("surveyQuestions.link", { count: surveyQuestionCount })}
        </Link>
        <Link
          to={inLocale(`/beheer/sessies/nieuw?kopie=${session.id}`)}
          className="button button-secondary"
        >
          {t("attendees.duplicate")}
        </Link>
        {session.cancelled ? null : (
          <Link
            to={inLocale(`/beheer/sessies/${session.id}/annuleren`)}
            className="button button-secondary"
          >
            {t("attendees.cancelSession")}
          </Link>
        )}
        <Link to={inLocale(`/sessies/${session.slug}`)}>{t("attendees.publicPage")}</Link>
      </nav>

      <div className="dashboard-grid">
        <div>
          <section className="panel" aria-labelledby="counts-title">
            <h2 id="counts-title">{t("attendees.counts")}</h2>
            <FillBar
              confirmed={counts.confirmed}
              capacity={counts.capacity}
              waiting={counts.waitlisted}
            />
            <dl className="counts">
              {figures.map((count) => (
                <div key={count}>
                  <dt>{t(`attendees.count.${count}`)}</dt>
                  <dd>{counts[count]}</dd>
                </div>
              ))}
            </dl>
          </section>

          {session.unlisted ? (
            <section className="panel" aria-labelledby="share-title">
              <h2 id="share-title">{t("unlisted.title")}</h2>
              <ShareLink url={session.url} />
            </section>
          ) : null}

          {session.requiresApproval || requests.open.length ? (
            <RequestList
              requests={requests.open}
              declined={requests.declined}
              expired={requests.expired}
              seatsLeft={Math.max(counts.capacity - counts.confirmed, 0)}
              decidable={!session.cancelled && !session.started}
            />
          ) : null}

          <Form method="get" className="search" role="search">
            <label htmlFor="zoek">{t("attendees.search")}</label>
            <div className="search-row">
              <input id="zoek" name="zoek" type="search" defaultValue={search} key={search} />
              <button type="submit" className="button">
                {t("attendees.searchSubmit")}
              </button>
              {search ? <Link to=".">{t("attendees.searchReset")}</Link> : null}
            </div>
          </Form>

          <section className="panel" aria-labelledby="confirmed-title">
            <h2 id="confirmed-title">
              {t("attendees.confirmedTitle", { count: attendees.confirmed.length })}
            </h2>
            {attendees.confirmed.length ? (
              <CardTable
                columns={[
                  { label: columns.name },
                  { label: columns.organisation },
                  { label: columns.present },
                  { label: columns.actions, hidden: true },
                ]}
              >
                {attendees.confirmed.map((a) => (
                  <tr key={a.id}>
                    <Cell title>
                      <strong>{a.name}</strong>
                      {a.email ? <div className="muted">{a.email}</div> : null}
                      {a.source === "organiser" ? (
                        <div className="muted">{t("attendees.byHand")}</div>
                      ) : null}
                      {a.source === "door" ? (
                        <div className="muted">{t("attendees.walkIn")}</div>
                      ) : null}
                      {a.calendarReply ? (
                        <div className="muted">
                          {t("attendees.calendarReply", { reply: a.calendarReply })}
                        </div>
                      ) : null}
                      <CameWith names={a.cameWith} />
                      <SelfUpdated at={a.detailsUpdatedAt} />
                      <Answers answers={a.answers} />
                    </Cell>
                    <Cell label={columns.organisation}>{a.organisation}</Cell>
                    <Cell actions>
                      <Form method="post" replace>
                        <input type="hidden" name="registrationId" value={a.id} />
                        <input
                          type="hidden"
                          name="intent"
                          value={a.checkedInAt ? "absent" : "present"}
                        />
                        <button
                          type="submit"
                          className={
                            a.checkedInAt
                              ? "button button-small"
                              : "button button-secondary button-small"
                          }
                          aria-pressed={Boolean(a.checkedInAt)}
                        >
                          {t(a.checkedInAt ? "attendees.present" : "attendees.markPresent")}
                        </button>
                      </Form>
                    </Cell>
                    <Cell actions>
                      <CancelAttendee attendee={a} />
                    </Cell>
                  </tr>
                ))}
              </CardTable>
            ) : (
              <p>{t("attendees.none")}</p>
            )}
          </section>

          <section className="panel" aria-labelledby="waitlist-title">
            <h2 id="waitlist-title">
              {t("attendees.waitlistTitle", { count: attendees.waitlisted.length })}
            </h2>
            {attendees.waitlisted.length ? (
              <CardTable
                columns={[
                  { label: columns.position },
                  { label: columns.name },
                  { label: columns.organisation },
                  { label: columns.actions, hidden: true },
                ]}
              >
                {attendees.waitlisted.map((a) => (
                  <tr key={a.id}>
                    <Cell label={columns.position}>{a.position}</Cell>
                    <Cell title>
                      <strong>{a.name}</strong>
                      <div className="muted">{a.email}</div>
                      <CameWith names={a.cameWith} />
                      <SelfUpdated at={a.detailsUpdatedAt} />
                      <Answers answers={a.answers} />
                    </Cell>
                    <Cell label={columns.organisation}>{a.organisation}</Cell>
                    <Cell actions>
                      <Form method="post" replace className="inline-actions">
                        <input type="hidden" name="registrationId" value={a.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="up"
                          className="button button-secondary button-small"
                          aria-label={t("attendees.moveUpLabel", { name: a.name })}
                        >
                          ↑ {t("attendees.moveUp")}
                        </button>
                        <button
                          type="submit"
                          name="intent"
                          value="down"
                          className="button button-secondary button-small"
                          aria-label={t("attendees.moveDownLabel", { name: a.name })}
                        >
                          ↓ {t("attendees.moveDown")}
                        </button>
                      </Form>
                      <CancelAttendee attendee={a} />
                    </Cell>
                  </tr>
                ))}
              </CardTable>
            ) : (
              <p>{t("attendees.none")}</p>
            )}
          </section>
        </div>

        <div>
          <section className="panel" aria-labelledby="export-title">
            <h2 id="export-title">{t("attendees.export")}</h2>
            <DownloadLinks href={exportUrl} />
          </section>
          {session.cancelled ? (
            // Why an add was refused: the page no longer shows the form (the session was cancelled).
            <FormRefusal result={actionData?.form === "add" ? actionData.result : undefined} />
          ) : (
            <AddAttendee
              // A new, empty form once someone was added.
              key={notice ? JSON.stringify(notice) : "add"}
              questions={questions}
              bypasses={session.requiresApproval || session.emailDomains.length > 0}
              lastResult={actionData?.form === "add" ? actionData.result : undefined}
            />
          )}
        </div>
      </div>
    </div>
  );
}

/** Signing a person out, confirmed or waiting: it takes a second click that names them. */
function CancelAttendee({ attendee }: { attendee: { id: number; name: string } }) {
  const { t } = useI18n();
  return (
    <ConfirmAction
      label={t("attendees.cancelAttendee")}
      confirmLabel={t("attendees.cancelAttendeeConfirm", { name: attendee.name })}
      intent="cancel"
      fields={{ registrationId: attendee.id }}
    />
  );
}

/**
 * Someone signed up by hand: the sign-up's own person form, with its own limits and messages,
 * and the session's questions, each of which may stay open. An organiser decides for
 * themselves: no request to approve, and any address (`bypasses` says so where the session has
 * either rule).
 */
function AddAttendee({
  questions,
  bypasses,
  lastResult,
}: {
  questions: AskedQuestion[];
  bypasses: boolean;
  lastResult: FormResult | undefined;
}) {
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(addAttendeeSchema({ questions }), lastResult, {
    id: "add-attendee",
    checkInBrowser: true,
  });
  return (
    <section className="panel" aria-labelledby="add-title">
      <h2 id="add-title">{t("attendees.addTitle")}</h2>
      <p className="hint">{t("attendees.addIntro")}</p>
      {bypasses ? <p className="hint">{t("access.byHand")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("attendees.add.errors.form")} />
        <input type="hidden" name="intent" value="add" />
        <Field meta={fields.name} label={t("signup.name")} autoComplete="off" />
        <EmailField meta={fields.email} label={t("signup.email")} />
        <Field meta={fields.organisation} label={t("signup.organisation")} />
        <Field
          meta={fields.enterpriseNumber}
          label={t("signup.enterpriseNumber")}
          hint={t("signup.enterpriseNumberHint")}
          inputMode="numeric"
        />
        {questions.length ? (
          <fieldset className="fieldset">
            <legend>{t("questions.byOrganiser.legend")}</legend>
            <p className="hint">{t("questions.byOrganiser.hint")}</p>
            <QuestionFields questions={questions} fields={fields} byOrganiser />
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          {t("attendees.addSubmit")}
        </button>
      </Form>
    </section>
  );
}

/** "Samen ingeschreven met …": the others of the same sign-up, where it brought colleagues. */
function CameWith({ names }: { names: readonly string[] }) {
  const { t, list } = useI18n();
  return names.length ? (
    <div className="muted">{t("attendees.group", { names: list([...names]) })}</div>
  ) : null;
}
