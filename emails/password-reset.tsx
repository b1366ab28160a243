import { Body, Button, Container, Head, Html, Preview, Text } from "@react-email/components";
import { i18n, type Locale } from "../app/i18n";
import { renderMail } from "./layout";
import type { MailContent } from "./message";

export interface PasswordLinkData {
  /** After "forgot password", to a new organiser an admin added, or to a door volunteer. */
  purpose: "reset" | "invitation" | "door";
  name: string;
  url: string;
  validMinutes: number;
  /** The mail's language; messages queued before there was a choice are Dutch. */
  locale?: Locale;
  /** A door volunteer's session, and whether their access covers that whole day. */
  door?: { session: string; wholeDay: boolean };
}

/** The one-time link to choose a password: sent only to an organiser's own address. */
export async function passwordLinkEmail({
  purpose,
  name,
  url,
  validMinutes,
  locale: language,
  door,
}: PasswordLinkData): Promise<MailContent> {
  const { t, locale } = i18n(language);
  const prefix =
    purpose === "reset" ? "reset.email" : purpose === "door" ? "door.email" : "invitation.email";
  const intro = t(`${prefix}.intro`, {
    minutes: validMinutes,
    hours: Math.round(validMinutes / 60),
    session: door?.session ?? "",
    wholeDay: door?.wholeDay ? "yes" : "no",
  });
  const body = await renderMail(
    <Html lang={locale}>
      <Head />
      <Preview>{intro}</Preview>
      <Body style={{ fontFamily: "Arial, Helvetica, sans-serif", color: "#1d1d1b" }}>
        <Container style={{ maxWidth: "560px", padding: "24px" }}>
          <Text>{t("email.greeting", { name })}</Text>
          <Text>{intro}</Text>
          <Button
            href={url}
            style={{
              backgroundColor: "#0b5cad",
              color: "#ffffff",
              padding: "12px 20px",
              borderRadius: "4px",
            }}
          >
            {t(`${prefix}.button`)}
          </Button>
          <Text>{t(`${prefix}.notYou`)}</Text>
        </Container>
      </Body>
    </Html>,
  );
  return { subject: t(`${prefix}.subject`), ...body };
}
