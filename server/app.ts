import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Request } from "express";
import onHeaders from "on-headers";
import { clientAddressOf } from "../app/lib/client-address";
import { config } from "../app/lib/config.server";
import { securityHeadersFor } from "../app/web/headers.server";
import { database } from "../db/client";
import { guardRequests, handleErrors, passesEveryRequestCheck } from "./edge";
import { newNonce, pageCache } from "./page-cache";
import { takeTurns } from "./turns";

/**
 * The HTTP application: the checks every request passes, static files, then Remix. `server.ts`
 * listens with it (`http.createServer`); the tests send it real requests.
 */
export function createApp(build: ServerBuild): RequestListener {
  const settings = config();
  const app = express();
  app.disable("x-powered-by");
  // Behind one reverse proxy, its X-Forwarded-For entry is the client and X-Forwarded-Proto the scheme.
  const trustProxy = settings.TRUST_PROXY === "on";
  app.set("trust proxy", trustProxy ? 1 : false);

  const https = settings.publicUrl.startsWith("https://");
  // Every answer, whichever part of the stack makes it, leaves with the site's protection.
  app.use((_req, res, next) => {
    onHeaders(res, () => {
      const policy = res.getHeader("Content-Security-Policy");
      const headers = securityHeadersFor(
        { contentSecurityPolicy: typeof policy === "string" ? policy : undefined },
        { https },
      );
      for (const [name, value] of Object.entries(headers)) {
        if (!res.hasHeader(name)) res.setHeader(name, value);
      }
    });
    next();
  });
  app.use(guardRequests({ bodyLimit: settings.BODY_LIMIT_BYTES, trustProxy }));
  const loadContext = (req: Request): AppLoadContext => ({
    // The edge refused any request whose proxy named no readable address.
    clientAddress: clientAddressOf(req.ip ?? req.socket.remoteAddress) ?? "unknown",
    // A fresh one per render: the Content-Security-Policy lets only scripts carrying it run.
    cspNonce: newNonce(),
  });
  // Public pages for visitors who are not signed in, kept for at most a second (page-cache.ts).
  const changes = settings.PAGE_CACHE === "on" ? database().changes : undefined;
  const keptPages = changes
    ? pageCache({ build, stamp: changes.version, loadContext, https })
    : undefined;
  if (keptPages) app.use(keptPages.middleware);
  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  // In a rush, requests that are rendered start in the order they arrived (turns.ts).
  app.all(
    "*",
    takeTurns(),
    createRequestHandler({ build, mode: build.mode, getLoadContext: loadContext }),
  );
  app.use(handleErrors());
  if (!keptPages) return app;

  /**
   * A kept page, answered before Express's stack: most of a small page's cost was the stack,
   * not the bytes. The request is read as Express reads it (the same prototype, so its host,
   * scheme and client address follow "trust proxy"), passes the edge's checks, and gets the
   * kept answer with every header it would have had. Anything else (a miss, a cookie, a
   * request the edge refuses, a post) goes on to Express.
   */
  return (incoming: IncomingMessage, res: ServerResponse) => {
    if (incoming.method === "GET" || incoming.method === "HEAD") {
      const req: Request = Object.setPrototypeOf(incoming, app.request);
      req.originalUrl = req.url;
      if (passesEveryRequestCheck(req, trustProxy) && keptPages.answerKept(req, res)) return;
    }
    app(incoming, res);
  };
}
