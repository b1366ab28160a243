import { Body, Button, Container, Head, Html, Preview, Text } from "@react-email/components";
import { i18n } from "../app/i18n";
import { renderMail } from "./layout";
import type { MailContent } from "./message";

interface PasswordResetData {
  name: string;
  url: string;
  validMinutes: number;
}

/** The one-time link to set a new password: sent only to an organiser's own address. */
export async function passwordResetEmail({
  name,
  url,
  validMinutes,
}: PasswordResetData): Promise<MailContent> {
  const { t, locale } = i18n();
  const body = await renderMail(
    <Html lang={locale}>
      <Head />
      <Preview>{t("reset.email.intro", { minutes: validMinutes })}</Preview>
      <Body style={{ fontFamily: "Arial, Helvetica, sans-serif", color: "#1d1d1b" }}>
        <Container style={{ maxWidth: "560px", padding: "24px" }}>
          <Text>{t("email.greeting", { name })}</Text>
          <Text>{t("reset.email.intro", { minutes: validMinutes })}</Text>
          <Button
            href={url}
            style={{
              backgroundColor: "#0b5cad",
              color: "#ffffff",
              padding: "12px 20px",
              borderRadius: "4px",
            }}
          >
            {t("reset.email.button")}
          </Button>
          <Text>{t("reset.email.notYou")}</Text>
        </Container>
      </Body>
    </Html>,
  );
  return { subject: t("reset.email.subject"), ...body };
}
