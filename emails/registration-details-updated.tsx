import { inviteIcs } from "./ics";
import { RegistrationLayout, renderMail } from "./layout";
import {
  inviteInputOf,
  type MailContent,
  mailI18n,
  mailLinks,
  type RegistrationMailData,
} from "./message";

/**
 * Sent when someone with a seat corrects their name on their manage page: the invite again,
 * its ATTENDEE named anew. A name is no new time, so it goes at the same SEQUENCE with a newer
 * DTSTAMP (docs/calendars.md): calendars update the event without asking again, and the
 * person's answer stays in its PARTSTAT. Other corrections send nothing.
 */
export async function registrationDetailsUpdatedEmail(
  data: RegistrationMailData,
): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={t("email.detailsUpdated.intro", { title })}
      action={{ label: t("email.manage"), href: mailLinks(data).manageUrl }}
    />,
  );
  return {
    subject: t("email.detailsUpdated.subject", { title }),
    ...body,
    ics: { method: "REQUEST", content: inviteIcs(inviteInputOf(data)) },
  };
}
