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
 * Sent when someone signs up again with an address that already holds a registration (the
 * sign-up page looks the same either way, and only the owner of the mailbox learns that the
 * registration existed), and when their calendar asks for the latest version of the invite
 * (iTIP REFRESH). A confirmed seat gets its invite again as it stands: same UID, current
 * SEQUENCE, so a calendar that lost the event (a "Decline" by mistake) has it back. Also sent,
 * without the invite, when the view page (the link in calendars) asks for the manage link.
 */
export async function registrationReminderEmail(
  data: RegistrationMailData,
  trigger: "signUpAgain" | "calendarRefresh" | "manageLinkAsked" = "signUpAgain",
): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const confirmed = data.registration.status === "confirmed";
  const withInvite = confirmed && trigger !== "manageLinkAsked";
  const intro =
    trigger === "manageLinkAsked"
      ? t("email.manageLink.intro", { title })
      : !confirmed
        ? data.registration.status === "requested"
          ? t("email.reminder.intro.requested", { title })
          : t("email.reminder.intro.waitlisted", { title, position: data.waitlistPosition ?? 1 })
        : trigger === "calendarRefresh"
          ? t("email.refreshed.intro", { title })
          : t("email.reminder.intro.confirmedWithInvite", { title });
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.manage"), href: mailLinks(data).manageUrl }}
    />,
  );
  return {
    subject: t("email.reminder.subject", { title }),
    ...body,
    ics: withInvite ? { method: "REQUEST", content: inviteIcs(inviteInputOf(data)) } : undefined,
  };
}
