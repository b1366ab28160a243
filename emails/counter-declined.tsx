import { declineCounterIcs } from "./ics";
import { registrationNotice } from "./layout";
import {
  inviteInputOf,
  type MailContent,
  mailI18n,
  mailLinks,
  type RegistrationMailData,
} from "./message";

/**
 * Sent when the person's calendar proposed another time for their session (iTIP COUNTER, as
 * Outlook's "Propose new time" does): METHOD:DECLINECOUNTER, since a session's time is set by
 * its organisers for everyone. The seat and the invite stay as they were.
 */
export function counterDeclinedEmail(data: RegistrationMailData): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  return registrationNotice(data, {
    subject: t("email.counterDeclined.subject", { title }),
    intro: t("email.counterDeclined.intro", { title }),
    action: { label: t("email.manage"), href: mailLinks(data).manageUrl },
    ics: {
      method: "DECLINECOUNTER",
      content: declineCounterIcs(inviteInputOf(data), t("email.counterDeclined.comment")),
    },
  });
}
