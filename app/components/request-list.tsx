import { Form } from "@remix-run/react";
import { useId } from "react";
import { SESSION_LIMITS } from "~/lib/session-form";
import { useI18n } from "~/web/use-i18n";
import type { AnswerView } from "./answers";
import { SelfUpdated } from "./self-updated";

/** One open request as the page shows it (see app/models/request.server.ts). */
interface RequestView {
  id: number;
  name: string;
  email: string;
  organisation: string | null;
  enterpriseNumber: string | null;
  requestedAt: string;
  /** What they answered to the session's questions, as it reads. */
  answers: AnswerView[];
  /** When the person last corrected their own details; null: never. */
  detailsUpdatedAt: string | null;
}

interface RequestListProps {
  requests: RequestView[];
  /** Closed requests, for the count under the list. */
  declined: number;
  expired: number;
  /** Seats still free: approving takes one. */
  seatsLeft: number;
  /** A cancelled or begun session takes no decision any more. */
  decidable: boolean;
}

/**
 * The requests of a session that requires approval, the first to ask first, each with the
 * person's details and the two decisions: approve (a seat and the invite) or decline (a mail,
 * with a reason if one is typed). Cards rather than a table: they read on a phone.
 */
export function RequestList({
  requests,
  declined,
  expired,
  seatsLeft,
  decidable,
}: RequestListProps) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="requests-title">
      <h2 id="requests-title">{t("requests.title", { count: requests.length })}</h2>
      <p className="hint">{t("requests.intro", { seats: seatsLeft })}</p>
      {requests.length ? (
        <ol className="request-list">
          {requests.map((request) => (
            <RequestCard key={request.id} request={request} decidable={decidable} />
          ))}
        </ol>
      ) : (
        <p>{t("requests.none")}</p>
      )}
      {declined || expired ? (
        <p className="muted">{t("requests.closed", { declined, expired })}</p>
      ) : null}
    </section>
  );
}

function RequestCard({ request, decidable }: { request: RequestView; decidable: boolean }) {
  const { t, shortDate, time } = useI18n();
  const reasonId = useId();
  // What the organiser weighs, label by label: the person's details, then their answers to the
  // session's own questions.
  const details = [
    [t("export.column.email"), request.email],
    [t("export.column.organisation"), request.organisation],
    [t("export.column.enterpriseNumber"), request.enterpriseNumber],
    [t("requests.requestedAt"), `${shortDate(request.requestedAt)} ${time(request.requestedAt)}`],
    ...request.answers.map((answer) => [answer.label, answer.text]),
  ].filter((entry): entry is [string, string] => Boolean(entry[1]));
  return (
    <li className="request-card">
      <h3>{request.name}</h3>
      <SelfUpdated at={request.detailsUpdatedAt} />
      <dl className="request-details">
        {details.map(([label, value], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two questions may share a label
          <div key={i}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {decidable ? (
        <div className="inline-actions">
          <Form method="post" replace>
            <input type="hidden" name="registrationId" value={request.id} />
            <button
              type="submit"
              name="intent"
              value="approve"
              className="button button-small"
              aria-label={t("requests.approveLabel", { name: request.name })}
            >
              {t("requests.approve")}
            </button>
          </Form>
          <details className="confirm-inline">
            <summary>{t("requests.decline")}</summary>
            <Form method="post" replace>
              <input type="hidden" name="registrationId" value={request.id} />
              <div className="field">
                <label htmlFor={reasonId}>{t("requests.reason")}</label>
                <p className="hint" id={`${reasonId}-hint`}>
                  {t("requests.reasonHint")}
                </p>
                <textarea
                  id={reasonId}
                  name="reason"
                  rows={3}
                  maxLength={SESSION_LIMITS.declineReason}
                  aria-describedby={`${reasonId}-hint`}
                />
              </div>
              <button
                type="submit"
                name="intent"
                value="decline"
                className="button button-danger button-small"
              >
                {t("requests.declineConfirm", { name: request.name })}
              </button>
            </Form>
          </details>
        </div>
      ) : null}
    </li>
  );
}
