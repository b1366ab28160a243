import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { i18n } from "~/i18n";
import { requireSessionAccess } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
import { parseRowId } from "~/lib/session-form";
import { useI18n } from "~/lib/use-i18n";
import {
  type Attendee,
  listAttendees,
  sessionIdOfRegistration,
  setCheckedIn,
} from "~/models/attendee.server";
import { getSessionById } from "~/models/session.server";

export const meta: MetaFunction = () => [
  { title: `${i18n().t("checkin.title")} · ${i18n().t("admin.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = await requireSessionAccess(request, params.id);
  const search = new URL(request.url).searchParams.get("zoek")?.trim() ?? "";
  const [session, attendees] = await Promise.all([
    getSessionById(sessionId),
    listAttendees(sessionId, { search }),
  ]);
  if (!session || !attendees) throw new Response("Not Found", { status: 404 });
  return {
    session: { id: session.id, title: session.title },
    search,
    counts: attendees.counts,
    people: attendees.confirmed.map((a) => ({
      id: a.id,
      name: a.name,
      organisation: a.organisation,
      present: Boolean(a.checkedInAt),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const form = await request.formData();
  const registrationId = parseRowId(form.get("registrationId"));
  if (registrationId === null || (await sessionIdOfRegistration(registrationId)) !== sessionId) {
    throw new Response("Not Found", { status: 404 });
  }
  const result = await setCheckedIn(registrationId, form.get("present") === "true", {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  return Response.json(result, { status: result.ok ? 200 : 409 });
}

/** The door list on a phone: one big tap per person, and a tap again to undo. */
export default function CheckIn() {
  const { session, counts, people, search } = useLoaderData<typeof loader>();
  const { t } = useI18n();
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
        <p className="breadcrumb">
          <Link to={`/beheer/sessies/${session.id}`}>{session.title}</Link>
        </p>
        <h1>{t("checkin.title")}</h1>
        <p className="big-number" aria-live="polite">
          {t("checkin.counts", { present: counts.present, confirmed: counts.confirmed })}
        </p>
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
  const fetcher = useFetcher<typeof action>();
  const { t } = useI18n();
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
    </li>
  );
}
