import { createHash, timingSafeEqual } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { receiveInboundMail } from "~/models/inbound-mail.server";
import { enforceApiLimit } from "~/web/api.server";

/**
 * Mail for the app over HTTP: a mail provider or the city's mail server posts each reply a
 * calendar sent to the ORGANIZER address, as the raw RFC 822 message
 * (`Content-Type: message/rfc822`, `Authorization: Bearer $INBOUND_MAIL_TOKEN`). The mail is
 * stored before anything reads it, and 202 says so; what it causes is the model's business
 * (app/models/inbound-mail.server.ts). Without a token configured the endpoint does not exist.
 * server/edge.ts lets this one path take such a body, up to INBOUND_MAIL_LIMIT_BYTES.
 */

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(`${text}\n`, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
    },
  });

/** Compared as hashes, in constant time: the answer tells nothing of how much was right. */
function tokenMatches(authorization: string | null, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

/** Mail only comes by POST; without a token the endpoint is not there at all. */
export function loader() {
  return config().INBOUND_MAIL_TOKEN
    ? plain(405, "Method Not Allowed", { Allow: "POST" })
    : plain(404, "Not Found");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { INBOUND_MAIL_TOKEN: token, INBOUND_MAIL_LIMIT_BYTES: limit } = config();
  if (!token) return plain(404, "Not Found");
  if (request.method !== "POST") return plain(405, "Method Not Allowed", { Allow: "POST" });
  if (!tokenMatches(request.headers.get("authorization"), token)) {
    // Guessing the token costs the client its API budget; the mail server that has it is
    // never counted.
    await enforceApiLimit(context);
    return plain(401, "Unauthorized", { "WWW-Authenticate": 'Bearer realm="inbound-mail"' });
  }
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "message/rfc822") return plain(415, "Send the raw message as message/rfc822");
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > limit) return plain(413, `At most ${limit} bytes`);
  const stored = await receiveInboundMail(raw, { via: "http" });
  if (!stored.ok) {
    return plain(400, stored.reason === "empty" ? "Empty message" : "Not a storable message");
  }
  return Response.json(
    { id: stored.id },
    { status: 202, headers: { "Cache-Control": "no-store" } },
  );
}
