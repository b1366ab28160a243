import { DateTime } from "luxon";
import { TIME_ZONE } from "../app/lib/time";
import { cancellationIcs, inviteIcs } from "./ics";
import { CalendarLinks, RegistrationLayout, renderMail } from "./layout";
import {
  inviteInputOf,
  type MailContent,
  mailI18n,
  mailLinks,
  type RegistrationMailData,
} from "./message";

/** Sent on sign-up with a free seat, and on promotion from the waiting list: carries the invite. */
export async function registrationConfirmedEmail(
  data: RegistrationMailData,
  variant: "confirmed" | "promoted" = "confirmed",
): Promise<MailContent> {
  const { t, shortDate } = mailI18n(data);
  const title = data.session.title;
  const subject =
    variant === "promoted"
      ? t("email.promoted.subject", { title })
      : t("email.confirmed.subject", { title, date: shortDate(data.session.starts_at) });
  const soon = variant === "promoted" ? startsSoon(data) : null;
  const intro = soon
    ? t("calendar.promoted.soon", { title, ...soon })
    : t(variant === "promoted" ? "email.promoted.intro" : "email.confirmed.intro", { title });
  const { manageUrl } = mailLinks(data);
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.manage"), href: manageUrl }}
    >
      <CalendarLinks data={data} />
    </RegistrationLayout>,
  );
  return { subject, ...body, ics: { method: "REQUEST", content: inviteIcs(inviteInputOf(data)) } };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A seat given less than a day before the start: the mail says plainly that it is today or
 * tomorrow, and at what time (in Brussels), since the person may have made other plans.
 */
function startsSoon(data: RegistrationMailData) {
  const { now, session } = data;
  const left = Date.parse(session.starts_at) - Date.parse(now);
  if (!(left > 0 && left < DAY_MS)) return null;
  const start = DateTime.fromISO(session.starts_at, { zone: TIME_ZONE });
  const today = DateTime.fromISO(now, { zone: TIME_ZONE });
  return {
    day: start.hasSame(today, "day") ? "today" : "tomorrow",
    time: mailI18n(data).time(session.starts_at),
  };
}

const CANCELLED = {
  confirmed: { subject: "email.cancelled.subject", intro: "email.cancelled.intro" },
  waitlisted: { subject: "email.waitlistLeft.subject", intro: "email.waitlistLeft.intro" },
  requested: { subject: "email.requestWithdrawn.subject", intro: "email.requestWithdrawn.intro" },
} as const;

/**
 * Sent when a registration is cancelled, or a request withdrawn. A confirmed attendee also gets
 * METHOD:CANCEL, which removes the event from their calendar; someone who was waiting, or only
 * asked, never had an invite.
 */
export async function registrationCancelledEmail(
  data: RegistrationMailData,
  previousStatus: keyof typeof CANCELLED,
): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const wasConfirmed = previousStatus === "confirmed";
  const intro = t(CANCELLED[previousStatus].intro, { title });
  const { sessionUrl } = mailLinks(data);
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.signUpAgain"), href: sessionUrl }}
    />,
  );
  return {
    subject: t(CANCELLED[previousStatus].subject, { title }),
    ...body,
    ics: wasConfirmed
      ? { method: "CANCEL", content: cancellationIcs(inviteInputOf(data)) }
      : undefined,
  };
}
