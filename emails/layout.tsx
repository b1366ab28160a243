import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  plainTextSelectors,
  Section,
  Text,
} from "@react-email/components";
import { compile } from "html-to-text";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { namedCalendarLinks, oneLinePlace } from "../app/lib/calendar-links";
import { type MailContent, mailI18n, mailLinks, type RegistrationMailData } from "./message";

const colors = {
  ink: "#1d1d1b",
  muted: "#4a4a48",
  brand: "#0b5cad",
  line: "#d9d9d6",
  bg: "#f4f4f2",
};

interface LayoutProps {
  data: RegistrationMailData;
  /** The line inbox lists show; the intro unless given. */
  preview?: string;
  intro: string;
  action?: { label: string; href: string };
  /** How the message offers the seat back to someone with one; the usual line unless given. */
  cancel?: { prompt: string; link: string };
  /** Sent after the session: there is no seat left to give back. */
  past?: boolean;
  children?: ReactNode;
}

/**
 * The frame of every registration message: greeting, what happened, the session's essentials
 * (Outlook shows the mail body, not the invite's description, so they belong here) and one action.
 * React escapes every value, so names and titles from users cannot add markup.
 */
export function RegistrationLayout({
  data,
  preview,
  intro,
  action,
  cancel,
  past = false,
  children,
}: LayoutProps) {
  const { t, dateTimeRange, list } = mailI18n(data);
  const { session } = data;
  const organisers = [
    t("session.cityOrganiser", { city: session.city.name }),
    ...session.partners.map((p) => p.name),
  ];
  const { sessionUrl, cancelUrl } = mailLinks(data);
  return (
    <Html lang={data.registration.locale}>
      <Head />
      <Preview>{preview ?? intro}</Preview>
      <Body
        style={{
          backgroundColor: colors.bg,
          color: colors.ink,
          fontFamily: "Arial, Helvetica, sans-serif",
        }}
      >
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Text style={{ fontSize: "14px", color: colors.brand, fontWeight: "bold", margin: 0 }}>
            {t("site.name")}
          </Text>
          <Heading as="h1" style={{ fontSize: "22px", lineHeight: "28px" }}>
            {session.title}
          </Heading>
          <Text>{t("email.greeting", { name: data.registration.name })}</Text>
          <Text>{intro}</Text>
          {children}
          <Section
            style={{
              borderTop: `1px solid ${colors.line}`,
              borderBottom: `1px solid ${colors.line}`,
            }}
          >
            <Text>
              <strong>{t("email.when")}</strong>
              <br />
              {dateTimeRange(session.starts_at, session.ends_at)}
            </Text>
            <Text>
              <strong>{t("email.where")}</strong>
              <br />
              {session.venue_name}
              <br />
              {session.venue_address}
            </Text>
            <Text>
              <strong>{t("email.organisers")}</strong>
              <br />
              {list(organisers)}
            </Text>
          </Section>
          {data.registration.status === "confirmed" && data.links.checkinCode ? (
            <Section style={{ paddingTop: "16px" }}>
              <Img
                src={`${data.publicUrl}/inchecken/${encodeURIComponent(data.links.checkinCode)}/qr.png`}
                width="160"
                height="160"
                alt={t("email.qrAlt")}
              />
              <Text style={{ marginTop: "4px", color: colors.muted, fontSize: "13px" }}>
                {t("email.qrHint")}
              </Text>
            </Section>
          ) : null}
          {action ? (
            <Section style={{ padding: "16px 0" }}>
              <Button
                href={action.href}
                style={{
                  backgroundColor: colors.brand,
                  color: "#ffffff",
                  padding: "12px 20px",
                  borderRadius: "4px",
                }}
              >
                {action.label}
              </Button>
            </Section>
          ) : null}
          {past || data.registration.status !== "confirmed" ? null : (
            <Text>
              {cancel?.prompt ?? t("email.cantCome")}{" "}
              <Link href={cancelUrl} style={{ color: colors.brand }}>
                {cancel?.link ?? t("email.cancelLink")}
              </Link>
            </Text>
          )}
          <Text>
            <Link href={sessionUrl} style={{ color: colors.brand }}>
              {t("email.sessionPage")}
            </Link>
          </Text>
          <Hr style={{ borderColor: colors.line }} />
          <Text style={{ fontSize: "12px", color: colors.muted }}>{t("email.footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/**
 * The session as links for web calendars (Google, Outlook.com, Microsoft 365): for those whose
 * mail app does not put the invite in their calendar. The text part gets them too, as
 * "Google Agenda (opent de website van Google) https://…".
 */
export function CalendarLinks({ data }: { data: RegistrationMailData }) {
  const { t } = mailI18n(data);
  const { session } = data;
  const items = namedCalendarLinks(t, {
    title: session.title,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    place: oneLinePlace(session),
    details: session.summary,
    url: mailLinks(data).sessionUrl,
  });
  return (
    <Section>
      <Text style={{ marginBottom: "4px" }}>{t("calendar.add.mailIntro")}</Text>
      {items.map((item) => (
        <Text key={item.label} style={{ margin: "2px 0" }}>
          <Link href={item.href} style={{ color: colors.brand }}>
            {item.label} {item.opens}
          </Link>
        </Text>
      ))}
    </Section>
  );
}

const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * React Email's toPlainText compiles its html-to-text converter again on every call, which
 * takes five times as long as converting a message. This compiles the same converter once, with
 * the options toPlainText uses, so the text is the same.
 */
const plainText = compile({ wordwrap: false, selectors: plainTextSelectors });

/**
 * The HTML and the plain-text body of a message. What React Email's `render` makes, for a
 * fifth of the time: the messages hold nothing asynchronous, so React's synchronous renderer
 * will do, and the text is made from that one HTML instead of rendering the tree again.
 */
export async function renderMail(element: ReactNode): Promise<{ html: string; text: string }> {
  const markup = renderToStaticMarkup(element);
  return { html: `${DOCTYPE}${markup}`, text: plainText(markup) };
}

/**
 * A registration message of one paragraph and one button, with its calendar part: the short
 * answers to what a person's calendar did (declined, proposed another time) or to a seat given back.
 */
export async function registrationNotice(
  data: RegistrationMailData,
  notice: {
    subject: string;
    intro: string;
    action: { label: string; href: string };
    ics: NonNullable<MailContent["ics"]>;
  },
): Promise<MailContent> {
  const body = await renderMail(
    <RegistrationLayout data={data} intro={notice.intro} action={notice.action} />,
  );
  return { subject: notice.subject, ...body, ics: notice.ics };
}
