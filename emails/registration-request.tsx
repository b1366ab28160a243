import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import { RegistrationLayout, renderMail } from "./layout";
import { type MailContent, mailI18n, mailLinks, type RegistrationMailData } from "./message";
import { PlainText } from "./organiser-message";

/**
 * The messages of a session that requires approval, before there is a seat: none carries an
 * invite, since nothing is in anyone's calendar until an organiser approves the request (the
 * approval is the usual confirmation, with its invite).
 */

const MESSAGES = {
  requested: { subject: "email.requested.subject", intro: "email.requested.intro" },
  requestDeclined: {
    subject: "email.requestDeclined.subject",
    intro: "email.requestDeclined.intro",
  },
  requestExpired: { subject: "email.requestExpired.subject", intro: "email.requestExpired.intro" },
} as const;

/** One of these messages: its subject and first paragraph, its one action, what else it says. */
async function requestMail(
  data: RegistrationMailData,
  message: keyof typeof MESSAGES,
  action: { label: string; href: string },
  children?: ReactNode,
): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const body = await renderMail(
    <RegistrationLayout data={data} intro={t(MESSAGES[message].intro, { title })} action={action}>
      {children}
    </RegistrationLayout>,
  );
  return { subject: t(MESSAGES[message].subject, { title }), ...body };
}

/** The sessions of the same city: where someone without a seat may look next. */
function otherSessions(data: RegistrationMailData) {
  return {
    label: mailI18n(data).t("email.sessionCancelled.otherSessions", {
      city: data.session.city.name,
    }),
    href: mailLinks(data).citySessionsUrl,
  };
}

/** Sent on a sign-up that is a request: received, and what happens next. */
export function registrationRequestedEmail(data: RegistrationMailData): Promise<MailContent> {
  return requestMail(data, "requested", {
    label: mailI18n(data).t("email.requested.manage"),
    href: mailLinks(data).manageUrl,
  });
}

/** Sent when an organiser declines a request, with their reason when they gave one. */
export function requestDeclinedEmail(
  data: RegistrationMailData & { reason: string | null },
): Promise<MailContent> {
  const reason = data.reason ? (
    <>
      <Text>
        <strong>{mailI18n(data).t("email.requestDeclined.reason")}</strong>
      </Text>
      <PlainText text={data.reason} />
    </>
  ) : null;
  return requestMail(data, "requestDeclined", otherSessions(data), reason);
}

/** Sent when a session began while a request was still open: it is closed, without a seat. */
export function requestExpiredEmail(data: RegistrationMailData): Promise<MailContent> {
  return requestMail(data, "requestExpired", otherSessions(data));
}
