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
 * Sent when the person's calendar declined their invite (iTIP REPLY, PARTSTAT=DECLINED) and
 * their seat was given up for it. Outlook, Gmail and Apple take the event out of the calendar
 * the moment someone declines, so to the person declining is cancelling: this mail says that
 * the app understood it so, and how to sign up again. The METHOD:CANCEL (SEQUENCE raised)
 * closes the invite in any calendar that kept it.
 */
export function registrationDeclinedEmail(data: RegistrationMailData): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  return registrationNotice(data, {
    subject: t("email.declined.subject", { title }),
    intro: t("email.declined.intro", { title }),
    action: { label: t("email.signUpAgain"), href: mailLinks(data).sessionUrl },
    ics: { method: "CANCEL", content: cancellationIcs(inviteInputOf(data)) },
  });
}
