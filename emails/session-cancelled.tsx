import { Text } from "@react-email/components";
import { cancellationIcs } from "./ics";
import { RegistrationLayout, renderMail } from "./layout";
import {
  inviteInputOf,
  type MailContent,
  mailI18n,
  mailLinks,
  type RegistrationMailData,
} from "./message";
import { PlainText } from "./organiser-message";

/**
 * Sent to everyone on a session the organiser cancels. Confirmed attendees also get
 * METHOD:CANCEL (SEQUENCE raised), which takes the event out of their calendar; people who
 * were waiting, or whose request was open, never had an invite. The registrations themselves stay as they were.
 */
export async function sessionCancelledEmail(
  data: RegistrationMailData,
  { note }: { note: string | null },
): Promise<MailContent> {
  const { t, longDate, shortDate } = mailI18n(data);
  const { session, registration } = data;
  const values = { title: session.title, date: longDate(session.starts_at) };
  const hadSeat = registration.status === "confirmed";
  const intro = t(
    hadSeat
      ? "email.sessionCancelled.intro.confirmed"
      : registration.status === "requested"
        ? "email.sessionCancelled.intro.requested"
        : "email.sessionCancelled.intro.waitlisted",
    values,
  );
  const body = await renderMail(
    <RegistrationLayout
      // The layout offers a confirmed attendee the link to cancel; here nothing is left to cancel.
      data={{ ...data, registration: { ...registration, status: "cancelled" } }}
      intro={intro}
      action={{
        label: t("email.sessionCancelled.otherSessions", { city: session.city.name }),
        href: mailLinks(data).citySessionsUrl,
      }}
    >
      {note ? (
        <>
          <Text>
            <strong>{t("email.sessionCancelled.note")}</strong>
          </Text>
          <PlainText text={note} />
        </>
      ) : null}
    </RegistrationLayout>,
  );
  return {
    subject: t("email.sessionCancelled.subject", {
      title: session.title,
      date: shortDate(session.starts_at),
    }),
    ...body,
    ics: hadSeat
      ? {
          method: "CANCEL",
          content: cancellationIcs(inviteInputOf(data)),
        }
      : undefined,
  };
}
