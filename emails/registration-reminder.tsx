import { RegistrationLayout, renderMail } from "./layout";
import { type MailContent, mailI18n, mailLinks, type RegistrationMailData } from "./message";

/**
 * Sent when someone signs up again with an address that already holds a registration:
 * the sign-up page looks the same either way, and only the owner of the mailbox learns
 * that the registration existed.
 */
export async function registrationReminderEmail(data: RegistrationMailData): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const intro =
    data.registration.status === "waitlisted"
      ? t("email.reminder.intro.waitlisted", { title, position: data.waitlistPosition ?? 1 })
      : t("email.reminder.intro.confirmed", { title });
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.manage"), href: mailLinks(data).manageUrl }}
    />,
  );
  return { subject: t("email.reminder.subject", { title }), ...body };
}
