import { cancellationIcs } from "./ics";
import { RegistrationLayout, renderMail } from "./layout";
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
export async function backOnWaitlistEmail(data: RegistrationMailData): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const intro = t("email.backOnWaitlist.intro", { title, position: data.waitlistPosition ?? 1 });
  const { manageUrl } = mailLinks(data);
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.manage"), href: manageUrl }}
    />,
  );
  return {
    subject: t("email.backOnWaitlist.subject", { title }),
    ...body,
    ics: {
      method: "CANCEL",
      content: cancellationIcs(inviteInputOf(data)),
    },
  };
}
