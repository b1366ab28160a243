import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { config } from "../app/lib/config.server";

export interface MailTransport {
  send(message: SendMailOptions): Promise<{ id: string }>;
  /**
   * Resolves when the mail server answers (and accepts the login, if any); rejects if not.
   * A transport without it is taken to be always there.
   */
  verify?(): Promise<void>;
  close(): void;
}

/**
 * Delivers through the SMTP server at `url`, over a pool of up to `maxConnections` connections
 * that stay open between messages. The timeouts end a send the server stopped answering
 * (nodemailer waits 10 minutes by default), so its message is soon tried again.
 */
export function smtpTransport(
  url: string,
  { pool = true, maxConnections = config().OUTBOX_CONCURRENCY } = {},
): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool,
    maxConnections,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      const info = await transporter.sendMail(message);
      return { id: info.messageId };
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

/** Writes each message as an .eml file: what would have been sent, ready to open in a mail app. */
function fileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  return {
    async send(message) {
      const info = await transporter.sendMail(message);
      await mkdir(directory, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const path = resolve(
        join(directory, `${stamp}-${Math.random().toString(36).slice(2, 8)}.eml`),
      );
      await writeFile(path, info.message as Buffer);
      console.log(`mail to ${[message.to].flat().length} recipient(s) written to ${path}`);
      return { id: info.messageId };
    },
    async verify() {},
    close() {},
  };
}

/** SMTP_URL when set; otherwise the local mail folder (MAIL_DIR), so nothing needs a mail server. */
export function transportFromConfig(): MailTransport {
  const { SMTP_URL, MAIL_DIR } = config();
  return SMTP_URL ? smtpTransport(SMTP_URL) : fileTransport(MAIL_DIR);
}
