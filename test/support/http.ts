import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { installGlobals } from "@remix-run/node";
import { afterAll } from "vitest";

/**
 * The built app (`npm run build`) behind the same Express stack `server.ts` runs, listening on
 * a free port of this process: tests send it real HTTP requests, so Express, the request
 * guards, Remix's own body parsing and headers are all on the path, as in production.
 */
installGlobals({ nativeFetch: true });

let started: Promise<string> | undefined;

/**
 * The bundle `npm run build` makes (server/index.ts): the app with the Express stack, the page
 * cache and the data layer it runs on, as `server.ts` loads it. A path in a variable keeps tsc
 * and Vite from needing the build.
 */
export async function builtServer(): Promise<typeof import("../../server/index")> {
  const bundlePath = "../../build/index.js";
  return import(/* @vite-ignore */ bundlePath);
}

async function start(): Promise<string> {
  const { build, createApp } = await builtServer();
  const server = createServer(createApp(build)).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The base URL of the app for this test file, started on first use. */
export function appUrl(): Promise<string> {
  started ??= start();
  return started;
}

const TEST_NETS = ["192.0.2", "198.51.100", "203.0.113"];
let clients = 0;
/**
 * A client address of its own (sent as X-Forwarded-For), so tests do not share budgets. Taken
 * from the documentation ranges: 762 a test file, each file having a database of its own.
 */
export function newClient(): string {
  const n = clients++ % (TEST_NETS.length * 254);
  return `${TEST_NETS[Math.floor(n / 254)]}.${(n % 254) + 1}`;
}

export interface Sent {
  /** A form body, sent as application/x-www-form-urlencoded, the way a browser posts one. */
  form?: Record<string, string> | URLSearchParams;
  method?: string;
  headers?: Record<string, string>;
  /** The client address; a new one each request unless given. */
  client?: string;
  cookie?: string;
}

/**
 * One request as a browser on this site would send it (same-origin `Origin` on posts), without
 * following redirects. Override any header to play someone else.
 */
export async function send(path: string, sent: Sent = {}): Promise<Response> {
  const base = await appUrl();
  const method = sent.method ?? (sent.form ? "POST" : "GET");
  const headers: Record<string, string> = {
    "X-Forwarded-For": sent.client ?? newClient(),
    Accept: "text/html",
  };
  // A browser on one of the app's pages names that page's origin.
  if (method !== "GET" && method !== "HEAD") headers.Origin = base;
  if (sent.cookie) headers.Cookie = sent.cookie;
  let body: string | undefined;
  if (sent.form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(sent.form).toString();
  }
  Object.assign(headers, sent.headers);
  for (const [name, value] of Object.entries(headers)) if (value === "") delete headers[name];
  return fetch(`${base}${path}`, { method, headers, body, redirect: "manual" });
}

/**
 * The address Remix's client asks for a page's data at, and posts the page's forms to (single
 * fetch): `/x` → `/x.data`, `/` → `/_root.data`, the query kept. `routes` asks for those
 * routes' loaders alone (`_routes`), as a fetcher's load does.
 */
export function dataPath(path: string, routes?: string[]): string {
  const question = path.indexOf("?");
  const pathname = question < 0 ? path : path.slice(0, question);
  const search = question < 0 ? "" : path.slice(question);
  const only = routes ? `${search ? "&" : "?"}_routes=${encodeURIComponent(routes.join(","))}` : "";
  return `${pathname === "/" ? "/_root" : pathname.replace(/\/$/, "")}.data${search}${only}`;
}

/** The cookie a response sets, as the next request sends it back ("name=value"). */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * A raw request, for what fetch will not send: a chunked body, a Host of one's own, a header a
 * proxy would write. Nothing is added but what is given (and Host, unless given).
 */
export function rawRequest(
  path: string,
  {
    method = "GET",
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  return appUrl().then(
    (base) =>
      new Promise((resolve, reject) => {
        const { port } = new URL(base);
        const req = httpRequest(
          { host: "127.0.0.1", port, path, method, headers, setHost: !("Host" in headers) },
          (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (chunk) => {
              text += chunk;
            });
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, text }),
            );
          },
        );
        req.on("error", reject);
        if (body !== undefined) req.write(body);
        req.end();
      }),
  );
}
