import { cancellationIcs } from "./ics";
import { registrationNotice } from "./layout";
import {
  inviteInputOf,
  type MailContent,
  mailI18n,
  mailLinks,
  type RegistrationMailData,
} from "./message";

/**
 * Sent when an organiser lowers the capacity below the number of people confirmed and this
 * person, among the last to get a seat, goes back to the front of the waiting list. The invite
 * is withdrawn (METHOD:CANCEL, SEQUENCE raised); a later promotion sends a new one.
 */
export function backOnWaitlistEmail(data: RegistrationMailData): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  return registrationNotice(data, {
    subject: t("email.backOnWaitlist.subject", { title }),
    intro: t("email.backOnWaitlist.intro", { title, position: data.waitlistPosition ?? 1 }),
    action: { label: t("email.manage"), href: mailLinks(data).manageUrl },
    ics: { method: "CANCEL", content: cancellationIcs(inviteInputOf(data)) },
  });
}
