import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  envelopeTo: string[];
  /** When the server accepted it (Date.now()). */
  receivedAt: number;
}

/**
 * How the server answers a message it has read, before it keeps it: `null` takes it, a code
 * refuses it with that SMTP reply (421 "try later", 550 "refused"...), `"hang"` never answers
 * (as a server that stalls after DATA: the message is not accepted).
 */
type Answer = { code: number; message: string } | "hang" | null;

export interface MailboxOptions {
  answer?: (mail: { raw: string; envelopeTo: string[]; attempt: number }) => Answer;
}

export interface Mailbox {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Every DATA the server was sent, accepted or not, with the recipients it was for. */
  attempts: { envelopeTo: string[]; at: number }[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Resolves once `check` holds, looked at whenever a message or an attempt comes in. */
  waitUntil(check: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port that keeps every message it accepts. */
export async function startMailbox(port = 0, options: MailboxOptions = {}): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  const attempts: Mailbox["attempts"] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Closing does not wait for a connection the test left hanging.
    closeTimeout: 500,
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
      attempts.push({ envelopeTo, at: Date.now() });
      for (const wake of waiters) wake();
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const answer = options.answer?.({ raw, envelopeTo, attempt: attempts.length }) ?? null;
        if (answer === "hang") return;
        if (answer) {
          const refusal = new Error(answer.message) as Error & { responseCode: number };
          refusal.responseCode = answer.code;
          callback(refusal);
          return;
        }
        const receivedAt = Date.now();
        const parsed = await simpleParser(raw);
        messages.push({ raw, parsed, envelopeTo, receivedAt });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  // A client that dies mid-message (a killed worker) resets its connection: nothing to report.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;

  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    attempts,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    waitUntil(check, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const look = () => {
          if (!check()) return false;
          waiters.delete(look);
          clearTimeout(timer);
          resolve();
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`not so within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        if (!look()) waiters.add(look);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The calendar parts of a message: nodemailer's icalEvent adds a text/calendar alternative
 * and the same object as an .ics attachment; mailparser lists both as attachments.
 */
export function calendarParts(mail: ReceivedMail) {
  return mail.parsed.attachments
    .filter(
      (part) => part.contentType === "text/calendar" || part.contentType === "application/ics",
    )
    .map((part) => {
      const header = part.headers.get("content-type") as
        | { params?: Record<string, string> }
        | undefined;
      return {
        method: header?.params?.method ?? null,
        filename: part.filename ?? null,
        content: part.content.toString("utf8"),
      };
    });
}
