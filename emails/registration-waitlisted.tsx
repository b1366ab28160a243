import { RegistrationLayout, renderMail } from "./layout";
import { type MailContent, mailI18n, mailLinks, type RegistrationMailData } from "./message";

/** Sent when someone signs up for a full session: no invite, since there is no seat yet. */
export async function registrationWaitlistedEmail(
  data: RegistrationMailData,
): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const intro = t("email.waitlisted.intro", { title, position: data.waitlistPosition ?? 1 });
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.manage"), href: mailLinks(data).manageUrl }}
    />,
  );
  return { subject: t("email.waitlisted.subject", { title }), ...body };
}
