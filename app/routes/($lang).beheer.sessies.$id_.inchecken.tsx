import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { FormProblem } from "~/components/field";
import type { FormAnswer } from "~/lib/forms";
import { checkInSchema } from "~/lib/session-form";
import { type Attendee, sessionIdOfRegistration, setCheckedIn } from "~/models/attendee.server";
import { doorSessions } from "~/models/door.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSessionAccess } from "~/web/auth.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { answerCheckIn, loadAttendeeList, readForm } from "~/web/session-admin.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "checkin.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, session, attendees, search, notice, headers } = await loadAttendeeList(
    request,
    params.id,
    { door: true },
  );
  // A door volunteer gets names and check-in state only, and the links to their other lists.
  const door = organiser.role === "door";
  const doorSessionIds = organiser.scope.all ? [] : (organiser.scope.sessionIds ?? []);
  return data(
    {
      session: { id: session.id, title: session.title },
      door,
      mySessions: door && doorSessionIds.length > 1 ? await doorSessions(doorSessionIds) : [],
      search,
      notice,
      counts: attendees.counts,
      people: attendees.confirmed.map((a) => ({
        id: a.id,
        name: a.name,
        organisation: door ? null : a.organisation,
        present: Boolean(a.checkedInAt),
      })),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id, { door: true });
  const form = await readForm(request, checkInSchema);
  if (form.refused) return form.refused;
  const { registrationId, present } = form.submission.value;
  if ((await sessionIdOfRegistration(registrationId)) !== sessionId) throw notFound();
  const result = await setCheckedIn(registrationId, present, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  const url = new URL(request.url);
  return answerCheckIn(request, result, {
    present,
    backTo: `${url.pathname}${url.search}`,
    reply: form.submission.reply,
  });
}

/** The door list on a phone: one big tap per person, and a tap again to undo. */
export default function CheckIn() {
  const inLocale = useLocalePath();
  const { session, door, mySessions, counts, people, search, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<FormAnswer>();
  const { t, time } = useI18n();
  // Without JavaScript a tap is a page of its own: a refusal says here why nothing changed.
  const [form] = useSchemaForm(checkInSchema, actionData?.result, { id: "check-in" });
  const [filter, setFilter] = useState(search);
  const needle = filter.trim().toLocaleLowerCase("nl-BE");
  const shown = needle
    ? people.filter((p) =>
        `${p.name} ${p.organisation ?? ""}`.toLocaleLowerCase("nl-BE").includes(needle),
      )
    : people;
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
        <h1>{t("checkin.title")}</h1>
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
        <p className="big-number" aria-live="polite">
          {t("checkin.counts", { present: counts.present, confirmed: counts.confirmed })}
        </p>
        <p className="visually-hidden" role="status">
          {notice ? t(notice.key, notice.values) : ""}
        </p>
        <FormProblem form={form} summary={t("edge.badRequest.body")} />
        <Form method="get" role="search" className="search-row">
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
      <ul className="checkin-list">
        {shown.map((person) => (
          <CheckInRow key={person.id} person={person} />
        ))}
      </ul>
      {shown.length ? null : <p className="wrap">{t("checkin.none")}</p>}
    </div>
  );
}

function CheckInRow({
  person,
}: {
  person: Pick<Attendee, "id" | "name" | "organisation"> & { present: boolean };
}) {
  const fetcher = useFetcher<FormAnswer>();
  const { t } = useI18n();
  const refusal = fetcher.state === "idle" ? fetcher.data?.result.error?.[""]?.[0] : undefined;
  // Shown as done at once; the list reloads with the stored state when the answer comes.
  const present = fetcher.formData ? fetcher.formData.get("present") === "true" : person.present;
  return (
    <li>
      <fetcher.Form method="post">
        <input type="hidden" name="registrationId" value={person.id} />
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
          </span>
          <span className="checkin-state">{t(present ? "checkin.present" : "checkin.notYet")}</span>
        </button>
      </fetcher.Form>
      {refusal ? (
        <p className="error" role="alert">
          {t(refusal.key, refusal.values)}
        </p>
      ) : null}
    </li>
  );
}
