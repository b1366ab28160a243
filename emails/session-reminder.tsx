import { Text } from "@react-email/components";
import type { ReminderKind } from "../db/schema";
import { RegistrationLayout, renderMail } from "./layout";
import { type MailContent, mailI18n, mailLinks, type RegistrationMailData } from "./message";

/**
 * The reminder a confirmed attendee gets before their session: at 09:00 the day before, or two
 * hours before the start (app/models/reminder.server.ts decides when). It repeats the practical
 * details and offers the seat back, so someone who cannot come lets the waiting list move. It
 * carries no invite: the calendar already holds the event.
 */
export async function sessionReminderEmail(
  data: RegistrationMailData,
  reminder: ReminderKind,
): Promise<MailContent> {
  const { t, time } = mailI18n(data);
  const { session } = data;
  const values = {
    title: session.title,
    time: time(session.starts_at),
    venue: session.venue_name,
    address: session.venue_address,
  };
  const intro = t(
    reminder === "dayBefore"
      ? "email.sessionReminder.intro.dayBefore"
      : "email.sessionReminder.intro.twoHours",
    values,
  );
  const { manageUrl } = mailLinks(data);
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.manage"), href: manageUrl }}
      cancel={{
        prompt: t("email.sessionReminder.cantCome"),
        link: t("email.sessionReminder.cancelLink"),
      }}
    >
      {data.links.checkinCode ? <Text>{t("email.sessionReminder.checkIn")}</Text> : null}
    </RegistrationLayout>,
  );
  return {
    subject: t(
      reminder === "dayBefore"
        ? "email.sessionReminder.subject.dayBefore"
        : "email.sessionReminder.subject.twoHours",
      values,
    ),
    ...body,
  };
}
