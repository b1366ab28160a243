/**
 * The service worker that keeps the check-in pages on the phone (docs/architecture.md,
 * "Check-in without a network"). The route `/inchecken-offline.js` sends this function's text
 * to the browser, called with the worker's global scope: everything it uses is inside it.
 *
 * It touches three kinds of request and lets every other one pass as if it were not there:
 * - opening a check-in list (`/beheer/sessies/<id>/inchecken`): from the network, keeping a copy
 *   with the scripts and styles it names; the copy when the network fails or keeps the person
 *   waiting; the copy goes when the server no longer shows the page (signed out, no access);
 * - opening a QR code's address (`/inchecken/<code>`) without a network: the kept list holding
 *   that code's hash, with `?scan=<hash>` (the page shows that person), since only the server
 *   knows whose the code is;
 * - the build's files (`/build/…`) the kept pages need.
 * The page asks it to keep the list it shows (`{ keep: path }`) and hears `{ kept: path }`.
 */

interface WorkerEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEventOfWorker extends WorkerEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventOfWorker extends WorkerEvent {
  data: unknown;
  source: { postMessage(message: unknown): void } | null;
}
interface WorkerScope {
  location: { origin: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: WorkerEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEventOfWorker) => void): void;
  addEventListener(type: "message", listener: (event: MessageEventOfWorker) => void): void;
}

export function checkInWorker(scope: WorkerScope) {
  const CACHE = "inchecken-offline-1";
  /** How long the network may take before the phone's copy of a list is shown instead. */
  const PATIENCE_MS = 4000;
  const CHECK_IN_LIST = /^(?:\/(?:fr|en))?\/beheer\/sessies\/\d+\/inchecken$/;
  const QR_CODE = /^(?:(?:\/(?:fr|en))?\/beheer)?\/inchecken\/([A-Za-z0-9_-]{8,64})$/;
  /** The build's files a page names: scripts, module preloads, styles. */
  const BUILD_FILE = /\/build\/[^"'\s<>\\]+/g;
  const { origin } = scope.location;

  const pathOf = (url: string) => new URL(url, origin).pathname;
  const isList = (request: Request) => CHECK_IN_LIST.test(pathOf(request.url));
  const listKey = (url: string) => origin + pathOf(url);
  /** The cache, made if it is not there: for keeping a list, and nothing else. */
  const open = () => caches.open(CACHE);
  /**
   * The cache if it is there. Signing out empties the site's storage (Clear-Site-Data) while
   * this worker still serves the page that signed out, which goes on to load the sign-in page's
   * files: `caches.open` there would make the cache again, empty, and leave it on the phone.
   */
  const existing = async () => ((await caches.has(CACHE)) ? caches.open(CACHE) : undefined);

  const buildFilesOf = (html: string) => new Set(html.match(BUILD_FILE) ?? []);
  /** When each list was last kept: the page asking right after its own load needs no second copy. */
  const keptAt = new Map<string, number>();
  const FRESH_MS = 10_000;

  /** Drops the build's files no kept list names any more (those of an older release). */
  async function dropUnusedFiles(cache: Cache) {
    const keys = await cache.keys();
    const used = new Set<string>();
    for (const key of keys.filter(isList)) {
      const html = (await (await cache.match(key))?.text()) ?? "";
      for (const file of buildFilesOf(html)) used.add(origin + file);
    }
    const unused = keys.filter(
      (key) => pathOf(key.url).startsWith("/build/") && !used.has(key.url),
    );
    await Promise.all(unused.map((key) => cache.delete(key)));
  }

  /** Keeps a list page as the server sent it, with the build's files it names. */
  async function keepList(url: string, response: Response) {
    const cache = await open();
    const html = await response.clone().text();
    await cache.put(listKey(url), response);
    for (const file of buildFilesOf(html)) {
      if (!(await cache.match(file))) await cache.add(file).catch(() => undefined);
    }
    await dropUnusedFiles(cache);
  }

  /** What the server answered for a list: kept when it is the page, forgotten when it is refused. */
  async function noteList(url: string, response: Response): Promise<boolean> {
    const isPage =
      response.ok && (response.headers.get("Content-Type") ?? "").startsWith("text/html");
    if (isPage) {
      await keepList(url, response.clone());
      keptAt.set(listKey(url), Date.now());
    } else if (response.type === "opaqueredirect" || [401, 403, 404].includes(response.status)) {
      await (await existing())?.delete(listKey(url));
    }
    return isPage;
  }

  const keptList = async (url: string) =>
    (await existing())?.match(listKey(url), { ignoreVary: true, ignoreSearch: true });

  /**
   * The network's answer, or `fallback` when the network fails, or when it is still silent
   * after a while and there is a fallback: a door queue does not wait on a dead connection.
   */
  function networkOr(network: Promise<Response>, fallback: () => Promise<Response | undefined>) {
    return new Promise<Response>((resolve) => {
      let done = false;
      // Cleared once there is an answer: nothing looks at the copies after that.
      const patience = setTimeout(async () => {
        const kept = await fallback();
        if (kept) answer(kept);
      }, PATIENCE_MS);
      function answer(response: Response) {
        if (!done) resolve(response);
        done = true;
        clearTimeout(patience);
      }
      network.then(answer, async () => answer((await fallback()) ?? Response.error()));
    });
  }

  /** base64url SHA-256 of a check-in code: how the server and the kept lists know it. */
  async function hashOf(code: string) {
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code)),
    );
    return btoa(String.fromCharCode(...digest))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  }

  /** The kept list a scanned code belongs to (or any kept list, to say it is not on it). */
  async function listOfCode(code: string): Promise<Response | undefined> {
    const hash = await hashOf(code);
    const cache = await existing();
    if (!cache) return undefined;
    const lists = (await cache.keys()).filter(isList);
    for (const list of lists) {
      const html = (await (await cache.match(list))?.text()) ?? "";
      if (html.includes(hash)) return Response.redirect(`${list.url}?scan=${hash}`, 303);
    }
    return lists[0] ? Response.redirect(`${lists[0].url}?scan=${hash}`, 303) : undefined;
  }

  scope.addEventListener("install", (event) => event.waitUntil(scope.skipWaiting()));
  scope.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
        await scope.clients.claim();
      })(),
    );
  });

  scope.addEventListener("fetch", (event) => {
    const { request } = event;
    if (request.method !== "GET" || !request.url.startsWith(`${origin}/`)) return;
    const path = pathOf(request.url);
    if (request.mode === "navigate" && CHECK_IN_LIST.test(path)) {
      const network = fetch(request).then(async (response) => {
        await noteList(request.url, response);
        return response;
      });
      // The copy may answer first; the network's answer still updates it.
      event.waitUntil(network.catch(() => undefined));
      event.respondWith(networkOr(network, () => keptList(request.url)));
      return;
    }
    const code = request.mode === "navigate" ? QR_CODE.exec(path)?.[1] : undefined;
    if (code) {
      event.respondWith(networkOr(fetch(request), () => listOfCode(code)));
      return;
    }
    if (path.startsWith("/build/")) {
      event.respondWith(
        existing()
          .then((cache) => cache?.match(request))
          .then((kept) => kept ?? fetch(request)),
      );
    }
  });

  scope.addEventListener("message", (event) => {
    const path = (event.data as { keep?: unknown } | null)?.keep;
    if (typeof path !== "string" || !CHECK_IN_LIST.test(path)) return;
    if (Date.now() - (keptAt.get(listKey(path)) ?? 0) < FRESH_MS) {
      event.source?.postMessage({ kept: path, ok: true });
      return;
    }
    event.waitUntil(
      fetch(path, { credentials: "same-origin", redirect: "manual" })
        .then((response) => noteList(path, response))
        // No network: what counts is whether a copy is there.
        .catch(async () => Boolean(await keptList(path)))
        .then((kept) => event.source?.postMessage({ kept: path, ok: kept })),
    );
  });
}
