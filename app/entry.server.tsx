import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import {
  contentSecurityPolicy,
  holdsPersonalData,
  isEmbeddable,
  PRIVATE_HEADERS,
} from "~/web/headers.server";
import { hasKnownLanguage } from "~/web/locale.server";
import { NonceProvider } from "~/web/nonce";
import { notFound } from "~/web/not-found.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const frameable = isEmbeddable(remixContext);
  // The page's own policy, with its scripts' nonce; server/app.ts adds the rest of the site's
  // protection (and leaves X-Frame-Options off an embed, which any site may frame).
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, { frameable }));
  if (holdsPersonalData(remixContext)) {
    for (const [name, value] of Object.entries(PRIVATE_HEADERS)) responseHeaders.set(name, value);
  }
  // Bots and no-JS readers get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * The browser's data requests (single fetch: `/sessies/x.data`, `/_root.data` for the home
 * page, the form's post to the same address) are never cached unless a route's `headers` says
 * so (a loader's own headers reach the answer only through its route's `headers`, as for the
 * page). A page's data asked for under a prefix that is no language (`/de/sessies/x.data`) is a
 * 404, as that page is: the browser may ask for one route's data alone (`?_routes=`), without the
 * root's loader, which refuses it for the page.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { params }) => {
  if (!hasKnownLanguage(params)) return notFound(PRIVATE_HEADERS);
  if (!response.headers.has("Cache-Control")) {
    response.headers.set("Cache-Control", PRIVATE_HEADERS["Cache-Control"]);
  }
  return response;
};
