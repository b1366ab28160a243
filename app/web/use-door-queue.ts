import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";
import {
  type DoorOperation,
  type DoorQueueAnswer,
  OPERATIONS_PER_REQUEST,
  operationSchema,
  type RefusalReason,
  type StoredDoorList,
  storedDoorListSchema,
} from "../lib/door-check-in";

/**
 * The check-in page's side of checking in without a network (app/lib/door-check-in.ts): the
 * door list and the queue kept in the phone's local storage, one of each per session, and the
 * sending of the queue whenever there may be a connection: when the page opens, after each tap,
 * when the browser says it is online again, and every little while as long as something waits.
 * Other tabs on the phone (a QR code opens one) share both through the storage.
 */

/** Where the server's answer left the sending: sent, no network, signed out, or refused for good. */
export type Connection = "online" | "offline" | "signedOut" | "stuck";

/** Someone the server will never check in as queued: shown once, then gone with the queue. */
export interface Refusal {
  id: string;
  name: string;
  reason: RefusalReason;
}

const LIST_PREFIX = "inchecken:lijst:";
const QUEUE_PREFIX = "inchecken:wachtrij:";
/** How long after its session's end a kept list stays on the phone (its queue stays until sent). */
const KEEP_AFTER_END_MS = 12 * 3_600_000;
/** While something waits, how often sending is tried again (a Wi-Fi that says it is up may not be). */
const RETRY_MS = 20_000;
/** How long one sending may take before it counts as no network. */
const SEND_TIMEOUT_MS = 20_000;

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(localStorage.getItem(key) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full or closed storage: the page goes on with what it holds in memory.
  }
}

/**
 * The queue kept for a session, operation by operation: one that cannot be read (a broken
 * storage, a change of shape) is left out rather than taking the others with it.
 */
function readOperations(key: string): DoorOperation[] {
  const stored = read(key, z.array(z.unknown())) ?? [];
  return stored.flatMap((item) => {
    const parsed = operationSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Forgets the kept lists of sessions that ended a while ago; their queues stay until sent. */
function forgetEndedLists(now: number) {
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(LIST_PREFIX)) continue;
    const list = read(key, storedDoorListSchema);
    if (!list || Date.parse(list.endsAt) + KEEP_AFTER_END_MS < now) localStorage.removeItem(key);
  }
}

/** Every session's queue on this phone, by the address its operations go to. */
function queuesOnPhone(): { key: string; sendTo: string }[] {
  return Object.keys(localStorage).flatMap((key) => {
    const sessionId = key.startsWith(QUEUE_PREFIX) ? key.slice(QUEUE_PREFIX.length) : "";
    return /^\d+$/.test(sessionId)
      ? [{ key, sendTo: `/beheer/sessies/${sessionId}/inchecken/wachtrij` }]
      : [];
  });
}

/** How many check-ins, undos and walk-ins this phone holds that the server has not applied. */
function waitingOnPhone(): number {
  try {
    return queuesOnPhone().reduce((sum, { key }) => sum + readOperations(key).length, 0);
  } catch {
    // No storage (a browser that refuses it): nothing can have been queued either.
    return 0;
  }
}

type Sent =
  | { connection: "online"; answer: DoorQueueAnswer }
  | { connection: Exclude<Connection, "online"> };

/** Posts part of the queue as the form the server reads, and says what came of it. */
async function post(to: string, operations: DoorOperation[]): Promise<Sent> {
  let response: Response;
  try {
    response = await fetch(to, {
      method: "POST",
      body: new URLSearchParams({
        sentAt: new Date().toISOString(),
        operations: JSON.stringify(operations),
      }),
      headers: { Accept: "application/json" },
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { connection: "offline" };
  }
  // Sent to sign in: the cookie is gone. The queue waits for the next sign-in.
  if (response.type === "opaqueredirect") return { connection: "signedOut" };
  // This list is not theirs (any more), or the queue cannot be read: sending again will not help.
  if ([400, 403, 404].includes(response.status)) return { connection: "stuck" };
  if (!response.ok) return { connection: "offline" };
  return { connection: "online", answer: (await response.json()) as DoorQueueAnswer };
}

/**
 * Sends what every session's queue holds, as the check-in page would, and says how many are
 * left: those the server refused stay too, for the list to say why (its own sending drops them).
 */
async function sendEverythingWaiting(): Promise<number> {
  for (const { key, sendTo } of queuesOnPhone()) {
    for (;;) {
      const batch = readOperations(key).slice(0, OPERATIONS_PER_REQUEST);
      if (!batch.length) break;
      const sent = await post(sendTo, batch);
      if (sent.connection !== "online") break;
      const applied = new Set(sent.answer.applied);
      if (!applied.size) break;
      write(
        key,
        readOperations(key).filter((operation) => !applied.has(operation.id)),
      );
    }
  }
  return waitingOnPhone();
}

/**
 * Signing out empties the phone (Clear-Site-Data), queue included, so the workspace's sign-out
 * form waits for the queue first: with a network it sends what waits and then signs out; what
 * is still waiting after that (no network, or refused) stops the sign-out with `waiting` set,
 * for the page to say how many and to go back online first. `discard()` signs out all the same,
 * when the person says so: a phone whose list is no longer theirs would stay signed in forever.
 * The queue only exists with JavaScript; without it the form simply posts.
 */
export function useSignOutGuard(submit: (form: HTMLFormElement) => void) {
  const [waiting, setWaiting] = useState(0);
  const [checking, setChecking] = useState(false);
  const form = useRef<HTMLFormElement | null>(null);
  const discarding = useRef(false);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      if (discarding.current || !waitingOnPhone()) return;
      event.preventDefault();
      const signOutForm = event.currentTarget;
      form.current = signOutForm;
      setChecking(true);
      void (navigator.onLine ? sendEverythingWaiting() : Promise.resolve(waitingOnPhone()))
        // An answer that cannot be read: what is left is what the storage still holds.
        .catch(() => waitingOnPhone())
        .then((left) => {
          setWaiting(left);
          if (!left) submit(signOutForm);
        })
        .finally(() => setChecking(false));
    },
    [submit],
  );

  // Back online while the sign-out waits: send, and say what is left (nothing: the warning goes).
  useEffect(() => {
    if (!waiting) return;
    const online = () =>
      void sendEverythingWaiting()
        .catch(() => waitingOnPhone())
        .then(setWaiting);
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [waiting]);

  const discard = useCallback(() => {
    if (!form.current) return;
    discarding.current = true;
    setWaiting(0);
    submit(form.current);
  }, [submit]);

  return { onSubmit, waiting, checking, discard };
}

export function useDoorQueue({
  sessionId,
  list,
  sendTo,
}: {
  sessionId: number;
  /** The list as the page's loader gave it. */
  list: StoredDoorList;
  /** The address the queue goes to. */
  sendTo: string;
}) {
  const listKey = `${LIST_PREFIX}${sessionId}`;
  const queueKey = `${QUEUE_PREFIX}${sessionId}`;
  const [kept, setKept] = useState(list);
  const [queue, setQueue] = useState<DoorOperation[]>([]);
  const [connection, setConnection] = useState<Connection>("online");
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const sending = useRef(false);

  const readQueue = useCallback(() => readOperations(queueKey), [queueKey]);

  /** The newer of the list kept and this one: a page served from the phone's copy is older. */
  const keepList = useCallback(
    (candidate: StoredDoorList) => {
      const stored = read(listKey, storedDoorListSchema);
      const newest = stored && stored.savedAt > candidate.savedAt ? stored : candidate;
      if (newest === candidate) write(listKey, candidate);
      setKept(newest);
    },
    [listKey],
  );

  const changeQueue = useCallback(
    (change: (queue: DoorOperation[]) => DoorOperation[]) => {
      const next = change(readQueue());
      write(queueKey, next);
      setQueue(next);
    },
    [queueKey, readQueue],
  );

  const send = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (;;) {
        const batch = readQueue().slice(0, OPERATIONS_PER_REQUEST);
        if (!batch.length) break;
        const sent = await post(sendTo, batch);
        setConnection(sent.connection);
        if (sent.connection !== "online") break;
        const { applied, refused, list: fresh } = sent.answer;
        const done = new Set([...applied, ...refused.map((refusal) => refusal.id)]);
        const nameOf = (id: string) => {
          const operation = batch.find((o) => o.id === id);
          if (operation?.kind === "walkIn") return operation.name;
          return fresh.people.find((p) => p.id === operation?.registrationId)?.name ?? "";
        };
        if (refused.length) {
          const named = refused.map((refusal) => ({ ...refusal, name: nameOf(refusal.id) }));
          setRefusals((earlier) => [...earlier, ...named]);
        }
        changeQueue((queue) => queue.filter((operation) => !done.has(operation.id)));
        keepList(fresh);
        // Nothing taken off: the same part would go again, and again.
        if (!done.size) break;
      }
    } finally {
      sending.current = false;
    }
  }, [changeQueue, keepList, readQueue, sendTo]);

  // On opening: the kept list if it is newer than the page, the queue, and a first sending.
  useEffect(() => {
    forgetEndedLists(Date.now());
    keepList(list);
    setQueue(readQueue());
    if (!navigator.onLine) setConnection("offline");
    void send();
  }, [list, keepList, readQueue, send]);

  // The browser's word on the network, other tabs' taps, and trying again while something waits.
  useEffect(() => {
    const offline = () => setConnection("offline");
    const online = () => {
      setConnection("online");
      void send();
    };
    const shared = (event: StorageEvent) => {
      if (event.key === queueKey) setQueue(readQueue());
      if (event.key === listKey) setKept(read(listKey, storedDoorListSchema) ?? list);
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    window.addEventListener("storage", shared);
    const retry = window.setInterval(() => {
      if (readQueue().length) void send();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      window.removeEventListener("storage", shared);
      window.clearInterval(retry);
    };
  }, [list, listKey, queueKey, readQueue, send]);

  /** A change made at the door: queued at once, then sent if there is a connection. */
  const queueChange = useCallback(
    (change: (queue: DoorOperation[]) => DoorOperation[]) => {
      changeQueue(change);
      void send();
    },
    [changeQueue, send],
  );

  return { kept, queue, connection, refusals, queueChange };
}

/**
 * Asks the service worker (`/inchecken-offline.js`) to keep this page on the phone, and says
 * once it has: from then on the list opens without a network too.
 */
export function useKeptOffline(path: string): boolean {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const workers = navigator.serviceWorker;
    const heard = (event: MessageEvent) => {
      const data = event.data as { kept?: unknown; ok?: unknown } | null;
      if (data?.kept === path) setKept(data.ok === true);
    };
    workers.addEventListener("message", heard);
    // Offline the check for a newer worker fails; the one there keeps working.
    workers.register("/inchecken-offline.js", { scope: "/" }).catch(() => undefined);
    void workers.ready.then((registration) => registration.active?.postMessage({ keep: path }));
    return () => workers.removeEventListener("message", heard);
  }, [path]);
  return kept;
}
