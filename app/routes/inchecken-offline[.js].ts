import { checkInWorker } from "~/web/check-in-worker";

/** The service worker's script, once per process: the function's text, called with its scope. */
const SCRIPT = `"use strict";\n(${checkInWorker.toString()})(self);\n`;

/**
 * The service worker that keeps the check-in pages on the phone (app/web/check-in-worker.ts).
 * At the site's root, so that it may answer for the QR codes' addresses too; the browser asks
 * for it again on every visit (no-cache), so a new release reaches the phones. Its policy lets
 * it fetch from this site and nothing else: a worker takes its Content-Security-Policy from its
 * own script, and the site's closed policy for answers that are no page would stop it fetching.
 */
export function loader() {
  return new Response(SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
      "Content-Security-Policy": "default-src 'none'; connect-src 'self'; frame-ancestors 'none'",
    },
  });
}
