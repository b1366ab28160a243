import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import { RegistrationLayout, renderMail } from "./layout";
import { type MailContent, mailI18n, type RegistrationMailData } from "./message";

/**
 * Plain text someone typed, as paragraphs and line breaks. React escapes it, so whatever markup
 * it holds reaches the reader as the characters they typed, never as HTML.
 */
export function PlainText({ text, muted = false }: { text: string; muted?: boolean }) {
  const paragraphs: ReactNode[] = [];
  let p = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const lines: ReactNode[] = [];
    let n = 0;
    for (const line of paragraph.trim().split("\n")) {
      if (n > 0) lines.push(<br key={`br${n}`} />);
      lines.push(line);
      n++;
    }
    paragraphs.push(
      <Text key={`p${p++}`} style={muted ? { color: "#4a4a48" } : undefined}>
        {lines}
      </Text>,
    );
  }
  return <>{paragraphs}</>;
}

export interface OrganiserMessage {
  audience: "confirmed" | "waitlisted" | "present";
  /** One line: the caller has already taken out line breaks. */
  subject: string;
  body: string;
}

/** A message an organiser writes to the attendees of a session: one mail per person. */
export async function organiserMessageEmail(
  data: RegistrationMailData,
  message: OrganiserMessage,
): Promise<MailContent> {
  const { t } = mailI18n(data);
  const title = data.session.title;
  const intro = t("email.organiserMessage.intro", { title });
  const body = await renderMail(
    <RegistrationLayout data={data} preview={message.subject} intro={intro}>
      <PlainText text={message.body} />
      <PlainText
        text={t("email.organiserMessage.signature", { audience: message.audience })}
        muted
      />
    </RegistrationLayout>,
  );
  return {
    subject: t("email.organiserMessage.subject", { subject: message.subject, title }),
    ...body,
  };
}
