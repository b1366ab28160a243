import { SMTPServer } from "smtp-server";
import { config } from "../app/lib/config.server";
import { normalizeEmail } from "../app/lib/email-field";
import { processStoredMail, storeInboundMail } from "../app/models/inbound-mail.server";
import { organizerAddress } from "../app/models/registration.server";

/**
 * An SMTP listener for the replies calendars send to the ORGANIZER address, for a city whose
 * own mail server forwards that mailbox here (INBOUND_SMTP_PORT). It takes mail for that one
 * address only (any other recipient: 550), up to INBOUND_MAIL_LIMIT_BYTES (more: 552), keeps
 * the envelope sender, and answers 250 once the mail is stored; acting on it comes after (see
 * app/models/inbound-mail.server.ts). No AUTH and no TLS: it listens on INBOUND_SMTP_HOST,
 * the loopback address unless set, for a mail server on the same host or a private network.
 */

/** An SMTP refusal: smtp-server answers with the code in `responseCode`. */
function refusal(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export interface InboundSmtp {
  port: number;
  /** Stops taking connections; resolves once the mail under way is stored. */
  stop(): Promise<void>;
}

export async function startInboundSmtp({
  port,
  host = config().INBOUND_SMTP_HOST,
  limit = config().INBOUND_MAIL_LIMIT_BYTES,
}: {
  port: number;
  host?: string;
  limit?: number;
}): Promise<InboundSmtp> {
  const recipient = normalizeEmail(organizerAddress());
  const underWay = new Set<Promise<unknown>>();
  const server = new SMTPServer({
    name: "ondernemersagenda",
    banner: "Ondernemersagenda: replies to invites only",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    size: limit,
    rejectOversized: true,
    maxClients: 20,
    closeTimeout: 3000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (normalizeEmail(address.address) === recipient) return callback();
      callback(refusal(550, "No such mailbox here: this server takes replies to invites only"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let received = 0;
      stream.on("data", (chunk: Buffer) => {
        // Past the limit the mail is refused at its end: nothing more of it is kept meanwhile.
        received += chunk.length;
        if (received <= limit) chunks.push(chunk);
      });
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(refusal(552, `Message exceeds the limit of ${limit} bytes`));
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        const work = storeInboundMail(Buffer.concat(chunks), {
          via: "smtp",
          envelopeFrom: mailFrom ? mailFrom.address || null : null,
        })
          .then((stored) => {
            if (!stored.ok) {
              callback(refusal(554, "Message refused: empty or not storable"));
              return null;
            }
            callback();
            return stored.duplicate ? null : stored.id;
          })
          .catch((error) => {
            console.error("inbound mail over SMTP, not stored:", error);
            // The sending server keeps it and tries again later.
            callback(refusal(451, "Try again later"));
            return null;
          })
          // Stored and answered: acting on it now is a courtesy, the worker does it otherwise.
          .then((id) => (id === null ? null : processStoredMail(id)))
          .catch((error) => console.error("inbound mail over SMTP, left to the worker:", error))
          .finally(() => underWay.delete(work));
        underWay.add(work);
      });
    },
  });
  server.on("error", (error) => console.error("inbound SMTP listener:", error));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(underWay);
    },
  };
}
