import { createHash, randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { matchesEtag, strongEtag } from "../app/lib/etag";
import { EMBED_FILTERS, HOME_FILTERS } from "../app/lib/home-filters";
import { splitLocalePath } from "../app/lib/locale-path";
import { securityHeadersFor } from "../app/web/headers.server";

/**
 * Rendered public pages (home and embed with their filters, a city, a session, a partner, the
 * privacy and accessibility statements), kept for everyone who is
 * not signed in, so that a rush of visitors costs a lookup instead of a render each.
 *
 * - What: only these addresses, only GET/HEAD without one of the app's cookies (an organiser's
 *   session, the thank-you page's flash), only a 200 without Set-Cookie that is not marked
 *   private (`PERSONAL_DATA` pages answer `private, no-store` and are never kept).
 * - How fresh: an entry holds while the database's change stamp is the one it was rendered at
 *   (see db/changes.ts: any commit here, any SQLite commit of another process, a PostgreSQL
 *   notification from another instance) and for at most a second, so seats left are never
 *   older than a second and usually as fresh as the last commit.
 * - Scripts: a kept page is served to many, so a nonce in its policy would be one anybody can
 *   read in advance. Its Content-Security-Policy names the hashes of its own inline scripts
 *   instead ('sha256-…', computed once when it is kept): only those exact scripts run, and the
 *   nonce left in the markup authorises nothing. A render identical to the kept one, nonce
 *   aside, keeps the kept page (and its ETag), so browsers and a CDN can revalidate with a 304.
 * - Stored compressed (gzip and brotli), with each answer's whole header block (the security
 *   headers too) written once when the page is kept: a hit costs a lookup and one write, and
 *   `answerKept` gives it before Express reads the request (server/app.ts).
 * - Checked, not rendered: when the stamp moves or the second is nearly up, the page's loaders
 *   run again (a few queries, asked for as the browser's data request) and the page is rendered
 *   only if their data changed. A sign-up for one session re-renders that session's page and
 *   the lists, not every other session's. The page's second then counts from that check: it
 *   shows the data of that moment.
 */

const FRESH_MS = 1000;
/** A page this old is rendered again in the background while the kept one is still served. */
const REFRESH_AFTER_MS = 700;
const MAX_ENTRIES = 500;
/**
 * The pages kept, by their path after the language's prefix (none for Dutch), each with the
 * filters it reads (any other query is rendered, not kept). A slug has no `.`:
 * `/sessies/x.data` is the browser asking for that page's data, never kept.
 */
const HOME = /^\/$/;
const NO_FILTERS = new Set<string>();
const PAGES: { path: RegExp; filters: ReadonlySet<string> }[] = [
  { path: HOME, filters: new Set(Object.values(HOME_FILTERS)) },
  { path: /^\/(?:steden|sessies|partners)\/[^/.]+$/, filters: NO_FILTERS },
  { path: /^\/(?:privacy|toegankelijkheid)$/, filters: NO_FILTERS },
  // A partner's site shows it in an iframe: its own policy (frame-ancestors) is kept with it.
  { path: /^\/embed$/, filters: new Set(Object.values(EMBED_FILTERS)) },
];
/** The app's own cookies (`oa_session`, `oa_flash`, `__Host-` prefixed on https sites). */
const APP_COOKIE = /(?:^|;)\s*(?:__Host-)?oa_/;

const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=1, must-revalidate";
const PUBLIC_VARY = "Accept-Encoding, Cookie";

const ENCODINGS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof ENCODINGS)[number];

/** One answer as it goes out: its header block (names and values in turn) and its body. */
interface Answer {
  headers: string[];
  body: Buffer;
}

interface Entry {
  stamp: number;
  /** When the page was last rendered or found to match the database's data. */
  checkedAt: number;
  status: number;
  etag: string;
  nonce: string;
  /** The body with the nonce taken out: two renders with the same content compare equal. */
  content: string;
  /** The loader data the page was rendered from: the same data renders the same page. */
  data: string | undefined;
  /** The page in each encoding a client may take, and the 304's headers. */
  answers: Record<Encoding, Answer>;
  notModified: string[];
}

export interface PageCacheOptions {
  build: ServerBuild;
  /** The database's change stamp (db/changes.ts). */
  stamp: () => number;
  loadContext: (req: Request) => AppLoadContext;
  /** The site is served over https (its security headers say so). */
  https: boolean;
}

/** The key of a request the cache may answer, or undefined when it must be rendered for it. */
function cacheKeyOf(req: Request): string | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  const cookie = req.headers.cookie;
  if (cookie && APP_COOKIE.test(cookie)) return undefined;
  if (req.headers.authorization) return undefined;
  const url = req.originalUrl;
  const question = url.indexOf("?");
  const path = question < 0 ? url : url.slice(0, question);
  const page = splitLocalePath(path).path;
  const kept = PAGES.find((candidate) => candidate.path.test(page));
  if (!kept) return undefined;
  let query = "";
  if (question >= 0) {
    const params = new URLSearchParams(url.slice(question + 1));
    const filters = new Map<string, string>();
    for (const [name, value] of params) {
      // The page reads the first of a repeated filter: two orders are two pages, not kept.
      if (!kept.filters.has(name) || filters.has(name)) return undefined;
      filters.set(name, `${name}=${encodeURIComponent(value)}`);
    }
    query = [...filters.values()].sort().join("&");
  }
  return `${renderedUrl(req).origin}${path}?${query}`;
}

export function pageCache({ build, stamp, loadContext, https }: PageCacheOptions) {
  const handleRequest = createRequestHandler(build, build.mode);
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, { stamp: number; entry: Promise<Entry | undefined> }>();

  /**
   * The loader data of the page (root and route), as Remix answers the browser's data request
   * for it: a few queries and no render. Undefined when the loaders did not answer 200.
   */
  async function loaderData(req: Request): Promise<string | undefined> {
    const request = remixRequest(req);
    const response = await handleRequest(
      new Request(dataUrlOf(new URL(request.url)), request),
      loadContext(req),
    );
    if (response.status !== 200 || response.headers.has("Set-Cookie")) return undefined;
    return response.text();
  }

  async function render(req: Request, key: string, at: number) {
    // Unchanged data (a commit elsewhere, or the page's second is up): the kept page still
    // holds, without a render.
    const data = await loaderData(req);
    const kept = entries.get(key);
    if (data !== undefined && kept?.data === data) {
      const renewed = { ...kept, stamp: at, checkedAt: Date.now() };
      entries.set(key, renewed);
      return { entry: renewed, response: undefined, body: kept.answers.identity.body };
    }
    const context = loadContext(req);
    const response = await handleRequest(remixRequest(req), context);
    const body = Buffer.from(await response.arrayBuffer());
    const cacheControl = response.headers.get("Cache-Control") ?? "";
    const keepable =
      response.status === 200 &&
      !response.headers.has("Set-Cookie") &&
      !/private|no-store/i.test(cacheControl) &&
      (response.headers.get("Content-Type") ?? "").startsWith("text/html");
    const nonce = String(context.cspNonce ?? "");
    const text = body.toString("utf8");
    const content = nonce ? text.split(nonce).join("") : text;
    const previous = entries.get(key);
    if (keepable && previous && previous.content === content && previous.status === 200) {
      // Nothing changed but the nonce: keep the page as it was, with its nonce and ETag.
      const renewed = { ...previous, stamp: at, checkedAt: Date.now(), data };
      entries.set(key, renewed);
      return { entry: renewed, response: undefined, body };
    }
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name === "content-length" || name === "cache-control" || name === "vary") return;
      headers.push([
        name,
        name === "content-security-policy" ? byHashes(value, nonce, text) : value,
      ]);
    });
    const etag = strongEtag(body);
    const bodies: Record<Encoding, Buffer> = {
      br: brotliCompressSync(body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: 5,
          [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzip: gzipSync(body, { level: 6 }),
      identity: body,
    };
    const answer = (encoding: Encoding): Answer => ({
      headers: headerBlock(headers, etag, https, { encoding, length: bodies[encoding].length }),
      body: bodies[encoding],
    });
    const entry: Entry = {
      stamp: at,
      checkedAt: Date.now(),
      status: response.status,
      etag,
      nonce,
      content,
      data,
      answers: { br: answer("br"), gzip: answer("gzip"), identity: answer("identity") },
      notModified: headerBlock(headers, etag, https),
    };
    if (keepable) {
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    }
    return { entry: keepable ? entry : undefined, response, body };
  }

  /** One render per page and stamp: whoever asks meanwhile waits for it. */
  function renderOnce(req: Request, key: string, at: number) {
    const started = render(req, key, at);
    const shared = started.then(
      (outcome) => outcome.entry,
      () => undefined,
    );
    rendering.set(key, { stamp: at, entry: shared });
    const forget = () => {
      if (rendering.get(key)?.entry === shared) rendering.delete(key);
    };
    started.then(forget, forget);
    return started;
  }

  /**
   * The kept page for this key while it holds (same stamp, under a second old); one nearly a
   * second old is rendered again in the background, so that nobody waits when it expires.
   */
  function keptFor(req: Request, key: string): Entry | undefined {
    const current = stamp();
    const kept = entries.get(key);
    if (!kept || kept.stamp !== current) return undefined;
    const age = Date.now() - kept.checkedAt;
    if (age >= FRESH_MS) return undefined;
    if (age >= REFRESH_AFTER_MS && !rendering.has(key)) {
      renderOnce(req, key, current).catch((error) => console.error(error));
    }
    return kept;
  }

  /**
   * Answers the request from a kept page if one holds for it, before Express: the caller has
   * passed it through the edge's checks. False leaves the request untouched, for Express.
   */
  function answerKept(req: Request, res: ServerResponse): boolean {
    let kept: Entry | undefined;
    try {
      const key = cacheKeyOf(req);
      kept = key ? keptFor(req, key) : undefined;
    } catch {
      // An address the middleware fails on too: Express answers it as it answers any error.
      return false;
    }
    if (!kept) return false;
    send(req, res, kept);
    return true;
  }

  async function middleware(req: Request, res: Response, next: NextFunction) {
    const key = cacheKeyOf(req);
    if (!key) return next();
    try {
      const kept = keptFor(req, key);
      if (kept) return send(req, res, kept);
      const current = stamp();
      const inFlight = rendering.get(key);
      if (inFlight && inFlight.stamp === current) {
        const entry = await inFlight.entry;
        if (entry) return send(req, res, entry);
        return next();
      }
      const outcome = await renderOnce(req, key, current);
      if (outcome.entry) return send(req, res, outcome.entry);
      // Not a page to keep (a 404, an error page): answer it as rendered.
      const { response, body } = outcome;
      if (!response) return next();
      res.status(response.status);
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie" && name !== "content-length") res.setHeader(name, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader("Set-Cookie", cookies);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      next(error);
    }
  }

  return { middleware, answerKept };
}

/**
 * The Fetch request Remix renders from, as @remix-run/express builds it (the host as Express
 * reads it, so behind a trusted proxy the forwarded one). Always a GET: a HEAD is answered from
 * the same kept page.
 */
function remixRequest(req: Request): globalThis.Request {
  const url = renderedUrl(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(url, { method: "GET", headers });
}

/**
 * The URL Remix renders a request from, as @remix-run/express builds it: `req.hostname` follows
 * the "trust proxy" setting, the port comes from X-Forwarded-Host or Host. A kept page is keyed
 * on the same origin it was rendered for (the edge refuses a host that is more than a host).
 */
function renderedUrl(req: Request): URL {
  const portOf = (host: string | undefined) => {
    const port = Number.parseInt(host?.split(":")[1] ?? "", 10);
    return Number.isSafeInteger(port) ? port : undefined;
  };
  const port = portOf(req.get("x-forwarded-host")) ?? portOf(req.get("host"));
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

/**
 * Where the browser asks for a page's loader data (single fetch): the page's path with `.data`,
 * `/_root.data` for `/`, the query kept.
 */
function dataUrlOf(url: URL): URL {
  const data = new URL(url);
  data.pathname = url.pathname === "/" ? "/_root.data" : `${url.pathname.replace(/\/$/, "")}.data`;
  return data;
}

/**
 * The header block of one answer of a kept page, in the order the answer always had: the page's
 * own headers, caching, the ETag, the encoding and length (none in a 304), then the security
 * headers the page does not set itself, as server/app.ts adds them to every answer.
 */
function headerBlock(
  page: [string, string][],
  etag: string,
  https: boolean,
  body?: { encoding: Encoding; length: number },
): string[] {
  const headers: [string, string][] = [
    ...page,
    ["Cache-Control", PUBLIC_CACHE_CONTROL],
    ["Vary", PUBLIC_VARY],
    ["ETag", etag],
  ];
  if (body && body.encoding !== "identity") headers.push(["Content-Encoding", body.encoding]);
  if (body) headers.push(["Content-Length", String(body.length)]);
  const set = new Set(headers.map(([name]) => name.toLowerCase()));
  const policy = page.find(([name]) => name === "content-security-policy")?.[1];
  for (const [name, value] of Object.entries(
    securityHeadersFor({ contentSecurityPolicy: policy }, { https }),
  )) {
    if (!set.has(name.toLowerCase())) headers.push([name, value]);
  }
  return headers.flat();
}

function send(req: Request, res: ServerResponse, entry: Entry) {
  if (matchesEtag(req.headers["if-none-match"], entry.etag)) {
    res.writeHead(304, entry.notModified);
    res.end();
    return;
  }
  const encoding = req.acceptsEncodings(...ENCODINGS);
  const answer = entry.answers[encoding === "br" || encoding === "gzip" ? encoding : "identity"];
  res.writeHead(entry.status, answer.headers);
  res.end(req.method === "HEAD" ? undefined : answer.body);
}

/**
 * A kept page's policy: the render's nonce replaced by the hashes of the page's inline scripts
 * (a script with `src` is allowed by 'self', as before).
 */
function byHashes(policy: string, nonce: string, html: string): string {
  const hashes = new Set<string>();
  for (const [, attributes = "", code = ""] of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(code, "utf8").digest("base64")}'`);
  }
  return policy.replace(` 'nonce-${nonce}'`, hashes.size ? ` ${[...hashes].join(" ")}` : "");
}

/** A fresh nonce for each render: the Content-Security-Policy lets only scripts carrying it run. */
export const newNonce = () => randomBytes(16).toString("base64");
