import type { NextFunction, Request, Response } from "express";
import { i18n, type MessageKey } from "../app/i18n";
import { clientAddressOf, isHost } from "../app/lib/client-address";
import { config } from "../app/lib/config.server";
import { localePath, splitLocalePath } from "../app/lib/locale-path";
import { hasControlCharacter } from "../app/lib/text";

/**
 * What every request must satisfy before the app reads it. A browser posting one of this
 * site's forms always passes; anything else gets a clear 4xx here instead of a 500 deeper down.
 */

type EdgeRefusal = "forbidden" | "tooLarge" | "unsupported" | "badRequest" | "error";

const STATUS: Record<EdgeRefusal, number> = {
  forbidden: 403,
  tooLarge: 413,
  unsupported: 415,
  badRequest: 400,
  error: 500,
};

const MESSAGES: Record<EdgeRefusal, [MessageKey, MessageKey]> = {
  forbidden: ["edge.forbidden.title", "edge.forbidden.body"],
  tooLarge: ["edge.tooLarge.title", "edge.tooLarge.body"],
  unsupported: ["edge.unsupported.title", "edge.unsupported.body"],
  badRequest: ["edge.badRequest.title", "edge.badRequest.body"],
  error: ["error.title", "error.body"],
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small page of its own, in the language of the address asked for: the app's layout is not
 * rendered for a request it never saw.
 */
function refuse(req: Request, res: Response, reason: EdgeRefusal, status = STATUS[reason]) {
  const { locale } = splitLocalePath(req.path);
  const { t } = i18n(locale);
  const [titleKey, bodyKey] = MESSAGES[reason];
  const title = t(titleKey);
  const body = t(bodyKey);
  // Whatever body the client was still sending is not read: close rather than drain it.
  if (req.method !== "GET" && req.method !== "HEAD") res.setHeader("Connection", "close");
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  if (req.accepts(["html", "text"]) === "html") {
    res
      .type("html")
      .send(
        `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="${localePath(locale, "/")}">${escapeHtml(t("edge.backHome"))}</a></p></html>`,
      );
  } else {
    res.type("text").send(`${title}\n\n${body}\n`);
  }
}

/** The first value of a header a proxy may have written as a list. */
const firstOf = (value: string | undefined) => value?.split(",")[0]?.trim();

/**
 * The host a browser on this site's pages addressed: behind a trusted proxy the first
 * X-Forwarded-Host (the proxy names the public host there), else Host. Remix builds the
 * request's URL from the same value, and the page cache keys on it.
 */
function addressedHost(req: Request, trustProxy: boolean): string | undefined {
  return (trustProxy && firstOf(req.get("x-forwarded-host"))) || req.get("host");
}

/**
 * Cross-site request forgery: a browser names the page a form came from in `Origin` (and
 * `null` when it will not say). Only a page of the scheme and host the request went to may
 * post. A client that sends neither Origin nor Sec-Fetch-Site is not a browser, so it cannot
 * have been tricked into posting.
 */
function isSameOrigin(req: Request, trustProxy: boolean): boolean {
  const origin = req.get("origin");
  if (origin !== undefined) {
    if (!URL.canParse(origin)) return false;
    const { host, protocol } = new URL(origin);
    return protocol === `${req.protocol}:` && host === addressedHost(req, trustProxy);
  }
  const site = req.get("sec-fetch-site");
  return site === undefined || site === "same-origin" || site === "none";
}

const FORM_TYPE = "application/x-www-form-urlencoded";

/** "Application/X-WWW-Form-Urlencoded; charset=utf-8" → "application/x-www-form-urlencoded" */
const mediaType = (contentType: string | undefined) =>
  contentType?.split(";")[0]?.trim().toLowerCase();

/** The only body this site's forms send; Remix's own `<Form>` and fetchers send it too. */
function isFormBody(contentType: string | undefined): boolean {
  return mediaType(contentType) === FORM_TYPE;
}

/** A URL whose decoded path and query hold no control character (and that decodes at all). */
export function isCleanUrl(url: string): boolean {
  try {
    return !hasControlCharacter(decodeURIComponent(url.replace(/\+/g, " ")));
  } catch {
    return false;
  }
}

/**
 * The one path that takes something other than a form: replies from calendars as raw mail
 * (app/routes/api.inbound-mail.ts), posted by a mail server, with a size limit of their own.
 * Its other checks stay: a browser on another site still cannot post to it (Origin), and the
 * length must be declared.
 */
const INBOUND_MAIL_PATH = "/api/inbound-mail";
const INBOUND_MAIL_TYPE = "message/rfc822";

/**
 * What every request must satisfy, whatever its method (refused with 400 when not). Without a
 * trusted proxy, it also drops X-Forwarded-Host. The kept pages answered before Express
 * (server/app.ts) pass the same checks.
 */
export function passesEveryRequestCheck(req: Request, trustProxy: boolean): boolean {
  // Remix builds the request's URL from the host and the scheme, and the page cache keys on
  // them: a host that is not just a host (a path, a query, a user in it) or a scheme that is
  // not http(s) would render one address and keep it under another. 400, never a 500.
  const host = req.get("host");
  if (!host || !isHost(host)) return false;
  if (trustProxy) {
    const forwardedHost = firstOf(req.get("x-forwarded-host"));
    if (forwardedHost !== undefined && !isHost(forwardedHost)) {
      return false;
    }
    const forwardedProto = firstOf(req.get("x-forwarded-proto"))?.toLowerCase();
    if (forwardedProto !== undefined && forwardedProto !== "http" && forwardedProto !== "https") {
      return false;
    }
    // The client the abuse limits count: what the proxy wrote must be an address.
    if (clientAddressOf(req.ip) === undefined) return false;
  } else {
    // Without a proxy in front, nobody may name another host: Remix would take its port.
    delete req.headers["x-forwarded-host"];
  }
  // No address of this site holds a control character; one would only reach the database.
  if (!isCleanUrl(req.originalUrl)) return false;
  return true;
}

/** Refuses what no page of this site sends, before any body is read. */
export function guardRequests({
  bodyLimit,
  trustProxy,
  inboundMailLimit = config().INBOUND_MAIL_LIMIT_BYTES,
}: {
  bodyLimit: number;
  /** Behind one reverse proxy (TRUST_PROXY=on): its X-Forwarded-* headers are read. */
  trustProxy: boolean;
  inboundMailLimit?: number;
}) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!passesEveryRequestCheck(req, trustProxy)) return refuse(req, res, "badRequest");
    if (req.method === "GET" || req.method === "HEAD") return next();
    // A browser on another site asks before it reads the public API with a header of its own
    // (If-None-Match): the preflight carries no body and changes nothing.
    if (req.method === "OPTIONS" && req.path.startsWith("/api/")) return next();

    if (!isSameOrigin(req, trustProxy)) return refuse(req, res, "forbidden");
    // A body without a declared length (chunked) could be any size: forms always declare it.
    const declared = req.get("content-length");
    if (declared === undefined) {
      return req.get("transfer-encoding")
        ? refuse(req, res, "unsupported", 411)
        : refuse(req, res, "unsupported");
    }
    if (req.path === INBOUND_MAIL_PATH) {
      if (Number(declared) > inboundMailLimit) return refuse(req, res, "tooLarge");
      if (mediaType(req.get("content-type")) !== INBOUND_MAIL_TYPE) {
        return refuse(req, res, "unsupported");
      }
      return next();
    }
    if (Number(declared) > bodyLimit) return refuse(req, res, "tooLarge");
    if (!isFormBody(req.get("content-type"))) return refuse(req, res, "unsupported");
    next();
  };
}

/** The last word on an error no route turned into a response: a 4xx stays a 4xx. */
export function handleErrors() {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      // The page was already on its way: all that is left is to end it.
      res.destroy();
      return;
    }
    const status =
      typeof error === "object" && error !== null && "status" in error
        ? Number((error as { status: unknown }).status)
        : 500;
    if (status >= 400 && status < 500) return refuse(req, res, "badRequest", status);
    console.error(error);
    refuse(req, res, "error");
  };
}
