import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { type FormEvent, useEffect, useState } from "react";
import { EmailField, Field, FormProblem } from "~/components/field";
import {
  type DoorPerson,
  newOperationId,
  type ShownPerson,
  scannedPerson,
  searched,
  tapped,
  walkInSchema,
  withQueue,
} from "~/lib/door-check-in";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { checkInSchema } from "~/lib/session-form";
import { nowInstant } from "~/lib/time";
import { sessionIdOfRegistration, setCheckedIn } from "~/models/attendee.server";
import { doorSessions } from "~/models/door.server";
import { applyDoorQueue } from "~/models/door-check-in.server";
import { getSessionById } from "~/models/session.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSessionAccess } from "~/web/auth.server";
import { redirectWithNotice, takeNotice } from "~/web/flash.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { found, notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { answerCheckIn, doorListFor } from "~/web/session-admin.server";
import { type Connection, type Refusal, useDoorQueue, useKeptOffline } from "~/web/use-door-queue";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "checkin.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id, { door: true });
  const session = found(await getSessionById(sessionId));
  const { notice, headers } = await takeNotice(request);
  // A door volunteer gets names and check-in state only, and the links to their other lists.
  const door = organiser.role === "door";
  const doorSessionIds = organiser.scope.all ? [] : (organiser.scope.sessionIds ?? []);
  return data(
    {
      session: { id: session.id, title: session.title },
      door,
      mySessions: door && doorSessionIds.length > 1 ? await doorSessions(doorSessionIds) : [],
      search: new URL(request.url).searchParams.get("zoek")?.trim() ?? "",
      notice,
      list: await doorListFor(organiser, session),
      // The walk-in form's operation, so that the same form posted twice adds one person.
      walkInOperation: newOperationId(),
    },
    { headers },
  );
}

/** A refusal, of the walk-in form or (without `form`) of a tap on the list. */
interface ActionData {
  form?: "walkIn";
  result: FormResult;
}

/**
 * What the page posts without JavaScript: a tap on a name, or a walk-in. With JavaScript both go
 * into the phone's queue instead, and from there to the queue's own address (…/wachtrij).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id, { door: true });
  const formData = await request.formData();
  const by = { organiserId: organiser.id, clientAddress: clientOf(context) };
  const url = new URL(request.url);
  const backTo = `${url.pathname}${url.search}`;

  if (formData.get("intent") === "walkIn") {
    const submission = parseForm(formData, walkInSchema);
    if (submission.status !== "success") {
      return data<ActionData>({ form: "walkIn", result: submission.reply() }, { status: 400 });
    }
    const { operation, name, email } = submission.value;
    const now = nowInstant();
    const result = await applyDoorQueue(
      sessionId,
      {
        sentAt: now,
        operations: [{ id: operation, kind: "walkIn", name, email: email ?? null, at: now }],
      },
      by,
    );
    if (!result.ok) throw notFound();
    const [outcome] = result.outcomes;
    if (!outcome || outcome.applied) {
      return redirectWithNotice(request, backTo, { key: "checkin.walkIn.done", values: { name } });
    }
    const reply = submission.reply({
      formErrors: formMessage(`checkin.refused.${outcome.reason}`, { name }),
    });
    return data<ActionData>({ form: "walkIn", result: reply }, { status: 409 });
  }

  const submission = parseForm(formData, checkInSchema);
  if (submission.status !== "success") {
    return data<ActionData>({ result: submission.reply() }, { status: 400 });
  }
  const { registrationId, present } = submission.value;
  if ((await sessionIdOfRegistration(registrationId)) !== sessionId) throw notFound();
  const result = await setCheckedIn(registrationId, present, by);
  return answerCheckIn(request, result, { present, backTo, reply: submission.reply });
}

/**
 * The door list on a phone: one big tap per person, and a tap again to undo; someone who is not
 * on it is added below. With JavaScript, every tap is kept on the phone first and sent when
 * there is a connection, so the list works in a basement without Wi-Fi (app/lib/door-check-in.ts).
 */
export default function CheckIn() {
  const inLocale = useLocalePath();
  const { session, door, mySessions, list, search, notice, walkInOperation } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t, time } = useI18n();
  const path = inLocale(`/beheer/sessies/${session.id}/inchecken`);
  const { kept, queue, connection, refusals, queueChange } = useDoorQueue({
    sessionId: session.id,
    list,
    sendTo: `${path}/wachtrij`,
  });
  const keptOffline = useKeptOffline(path);
  // Without JavaScript a tap is a page of its own: a refusal says here why nothing changed.
  const [checkInForm] = useSchemaForm(
    checkInSchema,
    actionData && actionData.form !== "walkIn" ? actionData.result : undefined,
    { id: "check-in" },
  );
  const [filter, setFilter] = useState(search);
  const scanned = useScannedPerson(kept.people);
  const everyone = withQueue(kept.people, queue);
  const shown = searched(everyone, filter);
  const tap = (person: ShownPerson) =>
    queueChange((waiting) => tapped(waiting, person, new Date().toISOString()));
  const scannedPersonId = scanned?.person?.id;
  const scannedRow = everyone.find((p) => p.registrationId === scannedPersonId);
  return (
    <div className="checkin">
      <div className="checkin-head">
        {door ? (
          <p className="breadcrumb">{session.title}</p>
        ) : (
          <p className="breadcrumb">
            <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
            {" · "}
            <Link to={inLocale(`/beheer/sessies/${session.id}/deur`)}>{t("door.link")}</Link>
          </p>
        )}
        {/* The title and the count share a line where they fit: the list starts high on a phone. */}
        <div className="checkin-title">
          <h1>{t("checkin.title")}</h1>
          <p className="big-number" aria-live="polite">
            {t("checkin.counts", {
              present: everyone.filter((person) => person.present).length,
              confirmed: everyone.length,
            })}
          </p>
        </div>
        {mySessions.length ? (
          <nav aria-label={t("door.mySessions")}>
            <ul className="plain-list">
              {mySessions.map((other) => (
                <li key={other.id}>
                  <Link
                    to={inLocale(`/beheer/sessies/${other.id}/inchecken`)}
                    aria-current={other.id === session.id ? "page" : undefined}
                  >
                    {time(other.startsAt)} {other.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <p className="visually-hidden" role="status">
          {notice ? t(notice.key, notice.values) : ""}
        </p>
        <QueueBanner
          connection={connection}
          waiting={queue.length}
          refusals={refusals}
          backTo={path}
        />
        <FormProblem form={checkInForm} summary={t("edge.badRequest.body")} />
        <Form
          method="get"
          role="search"
          className="search-row"
          // The list filters as one types; offline, a search sent to the server would fail.
          onSubmit={(event) => event.preventDefault()}
        >
          <label htmlFor="zoek" className="visually-hidden">
            {t("checkin.search")}
          </label>
          <input
            id="zoek"
            name="zoek"
            type="search"
            placeholder={t("checkin.search")}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            autoComplete="off"
          />
        </Form>
      </div>
      {scanned ? (
        <section className="checkin-scanned" aria-labelledby="scanned-title">
          <h2 id="scanned-title">{t("checkin.scan.found")}</h2>
          {scannedRow ? (
            <CheckInRow person={scannedRow} onTap={tap} />
          ) : (
            <p className="notice">{t("checkin.scan.unknown")}</p>
          )}
        </section>
      ) : null}
      <ul className="checkin-list">
        {shown.map((person) => (
          <li key={person.key}>
            <CheckInRow person={person} onTap={tap} />
          </li>
        ))}
      </ul>
      {shown.length ? null : <p className="wrap">{t("checkin.none")}</p>}
      {keptOffline ? <p className="checkin-offline-ready">{t("checkin.offlineReady")}</p> : null}
      <WalkInForm
        operation={walkInOperation}
        lastResult={actionData?.form === "walkIn" ? actionData.result : undefined}
        onQueue={(walkIn) =>
          queueChange((waiting) => [
            ...waiting,
            { id: newOperationId(), kind: "walkIn", at: new Date().toISOString(), ...walkIn },
          ])
        }
      />
    </div>
  );
}

/**
 * The person a QR code opened this page for (`?scan=<hash of the code>`): the service worker
 * sends a scanned code here when there is no network to ask whose it is. Read once the page
 * runs in the browser, from the list the phone keeps.
 */
function useScannedPerson(people: DoorPerson[]) {
  const [hash, setHash] = useState<string | null>(null);
  useEffect(() => setHash(new URLSearchParams(window.location.search).get("scan")), []);
  return hash === null ? null : { person: scannedPerson(people, hash) };
}

/**
 * Says plainly what the phone holds that the server has not: offline and how many wait,
 * sending, signed out, or refused; and who was not checked in after all.
 */
function QueueBanner({
  connection,
  waiting,
  refusals,
  backTo,
}: {
  connection: Connection;
  waiting: number;
  refusals: Refusal[];
  backTo: string;
}) {
  const { t } = useI18n();
  const inLocale = useLocalePath();
  const message =
    connection === "offline"
      ? t("checkin.queue.offline", { count: waiting })
      : connection === "signedOut"
        ? t("checkin.queue.signedOut", { count: waiting })
        : connection === "stuck"
          ? t("checkin.queue.stuck", { count: waiting })
          : waiting
            ? t("checkin.queue.sending", { count: waiting })
            : "";
  return (
    <div className="checkin-banner-area" role="status">
      {message ? (
        <p className={`checkin-banner checkin-banner-${connection}`}>
          {message}
          {connection === "signedOut" ? (
            <>
              {" "}
              <a href={`${inLocale("/beheer/inloggen")}?terug=${encodeURIComponent(backTo)}`}>
                {t("checkin.queue.signIn")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {refusals.map((refusal) => (
        <p key={refusal.id} className="error">
          {t(`checkin.refused.${refusal.reason}`, { name: refusal.name })}
        </p>
      ))}
    </div>
  );
}

function CheckInRow({
  person,
  onTap,
}: {
  person: ShownPerson;
  onTap: (person: ShownPerson) => void;
}) {
  const { t } = useI18n();
  const { present } = person;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onTap(person);
  };
  return (
    <Form method="post" onSubmit={submit}>
      <input type="hidden" name="registrationId" value={person.registrationId ?? ""} />
      <input type="hidden" name="present" value={String(!present)} />
      <button
        type="submit"
        className={`checkin-row${present ? " is-present" : ""}`}
        aria-pressed={present}
        aria-label={t(present ? "checkin.tapToUndo" : "checkin.tapToMark", { name: person.name })}
      >
        <span className="checkin-name">
          {person.name}
          {person.organisation ? <small>{person.organisation}</small> : null}
          {person.walkIn ? <small>{t("checkin.walkInMark")}</small> : null}
        </span>
        <span className="checkin-state">
          {t(present ? "checkin.present" : "checkin.notYet")}
          {person.waiting ? <small>{t("checkin.waiting")}</small> : null}
        </span>
      </button>
    </Form>
  );
}

/**
 * Someone at the door who is not on the list. Without JavaScript the form is posted and the
 * person added; with it, the walk-in is queued like a tap and the form empties for the next.
 */
function WalkInForm({
  operation,
  lastResult,
  onQueue,
}: {
  operation: string;
  lastResult: FormResult | undefined;
  onQueue: (walkIn: { name: string; email: string | null }) => void;
}) {
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(walkInSchema, lastResult, {
    id: "walk-in",
    checkInBrowser: true,
    onValid: (value, event) => {
      event.preventDefault();
      onQueue({ name: value.name, email: value.email ?? null });
      // Empty for the next one (the form's own reset: conform's would be a second submit).
      event.currentTarget.reset();
    },
  });
  return (
    <section className="panel checkin-walk-in" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title">{t("checkin.walkIn.title")}</h2>
      <p className="hint">{t("checkin.walkIn.hint")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("checkin.walkIn.errors.form")} />
        <input type="hidden" name="intent" value="walkIn" />
        <input type="hidden" name="operation" value={operation} />
        <Field meta={fields.name} label={t("checkin.walkIn.name")} autoComplete="off" />
        <EmailField meta={fields.email} label={t("checkin.walkIn.email")} autoComplete="off" />
        <button type="submit" className="button">
          {t("checkin.walkIn.submit")}
        </button>
      </Form>
    </section>
  );
}
