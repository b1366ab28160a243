import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, Worker } from "node:worker_threads";
import { config } from "../app/lib/config.server";
import type { MailContent } from "../emails/message";
import { parseSnapshot, renderSnapshot } from "../emails/render.server";

/**
 * Renders queued messages on threads of their own (MAIL_RENDER_THREADS), so that rendering
 * (React's renderer and the invite, about 2.5 ms a message) runs beside the sender's own work
 * (claims, SQLite, SMTP) instead of on its one core. A thread only renders: it is handed the
 * kind and snapshot of a claimed message and answers with the content; the claim, the lease,
 * the send budget and the row stay with the sender (worker/outbox.server.ts), so the order per
 * registration and the pace are what they are without threads. A render that throws, or a
 * thread that dies under it, fails that one message, which is retried as any failed render;
 * the other messages go to the other threads, or to a new one.
 */

export interface MailRenderer {
  render(kind: string, data: string): Promise<MailContent>;
  /** Where the next message is rendered: on render threads, or in this thread. */
  mode(): "threads" | "this thread";
  /** Starts the threads now instead of at the first message (each loads the message modules). */
  warm(): Promise<void>;
  /** Ends the threads; messages still waiting for one are rendered in this thread. */
  close(): Promise<void>;
}

type RenderRequest = { id: number; kind: string; data: string };
type RenderReply =
  | { ready: true }
  | { id: number; content: MailContent }
  | { id: number; error: { message: string; stack?: string } };

const renderHere = (kind: string, data: string) => renderSnapshot(parseSnapshot(kind, data));

/**
 * Answers render requests on this thread's port with `render` (by default the renderer of
 * emails/render.server.ts) and tells the pool it is ready. Run by worker/render-thread.ts.
 */
export function serveRenders(
  render: (kind: string, data: string) => Promise<MailContent> = renderHere,
): void {
  const port = parentPort;
  if (!port) throw new Error("serveRenders runs on a worker thread");
  port.on("message", async ({ id, kind, data }: RenderRequest) => {
    let reply: RenderReply;
    try {
      reply = { id, content: await render(kind, data) };
    } catch (error) {
      const { message, stack } =
        error instanceof Error ? error : { message: String(error), stack: undefined };
      reply = { id, error: { message, stack } };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies RenderReply);
}

/**
 * The thread's module, as a path from the project's root: `../worker/…` from this file and from
 * the build (build/index.js), which both sit one folder down. Threads load it from the sources
 * under tsx, as `npm run worker` does, whether the sender runs from the sources or the build.
 */
const THREAD_MODULE = new URL("../worker/render-thread.ts", import.meta.url);

// A thread starts as plain Node: it loads tsx's API first, and the module through it (tsx's
// hooks of this thread, if any, do not reach a worker thread's first module).
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.module, workerData.tsx));
`;

/**
 * The ESM entry of tsx's API, as tsx's package.json maps it: `require.resolve` would give the
 * CommonJS one, and `import.meta.resolve` is not there in every runner (vitest).
 */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: { "./esm/api": { import: { default: string } } };
  };
  return pathToFileURL(join(dirname(manifest), exports["./esm/api"].import.default)).href;
}

/**
 * A render that has not answered by then has its thread ended: the message fails as a render
 * that threw (and is tried again later), instead of holding its registration's place, and its
 * lease, for ever. A render takes milliseconds.
 */
const RENDER_TIMEOUT_MS = 30_000;

interface Task extends RenderRequest {
  resolve: (content: MailContent) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  /** Why it was ended, when it was ended for it. */
  ended?: Error;
  deadline?: NodeJS.Timeout;
}

/**
 * A pool of `size` render threads, started as messages come (or at `warm`). With 0, or once a
 * thread could not even start (tsx or the module missing: logged), it renders in this thread.
 * Idle threads do not keep the process alive.
 */
export function renderPool(
  size: number,
  {
    module = THREAD_MODULE,
    renderTimeoutMs = RENDER_TIMEOUT_MS,
  }: { module?: URL; renderTimeoutMs?: number } = {},
): MailRenderer {
  const threads = new Set<Thread>();
  const queue: Task[] = [];
  let nextId = 1;
  let inThisThread = size <= 0;
  let closed = false;
  let announced = false;

  function cannotStart(reason: string): void {
    console.error(`mail render threads cannot start (${reason}): rendering in this thread`);
    inThisThread = true;
  }

  function start(): void {
    let worker: Worker;
    try {
      worker = new Worker(BOOTSTRAP, {
        eval: true,
        workerData: { tsx: tsxApi(), module: module.href },
      });
    } catch (error) {
      cannotStart(error instanceof Error ? error.message : String(error));
      return;
    }
    const thread: Thread = { worker, ready: false, task: null };
    threads.add(thread);
    let crash: unknown;
    thread.worker.on("message", (reply: RenderReply) => {
      if ("ready" in reply) {
        thread.ready = true;
        if (!announced) {
          announced = true;
          console.log(`mail is rendered on threads (up to ${size})`);
        }
      } else {
        const task = thread.task;
        thread.task = null;
        clearTimeout(thread.deadline);
        if (task?.id === reply.id) {
          if ("content" in reply) task.resolve(reply.content);
          else task.reject(Object.assign(new Error(reply.error.message), reply.error));
        }
      }
      dispatch();
    });
    thread.worker.on("error", (error) => {
      crash = error;
    });
    thread.worker.on("exit", (code) => {
      threads.delete(thread);
      clearTimeout(thread.deadline);
      const cause = thread.ended ?? crash;
      const reason = cause instanceof Error ? cause.message : `exit code ${code}`;
      thread.task?.reject(new Error(`the render thread stopped: ${reason}`));
      // It never started: no other would either. Mail goes on, rendered here.
      if (!thread.ready && !closed) cannotStart(reason);
      dispatch();
    });
  }

  function dispatch(): void {
    if (inThisThread) {
      for (const task of queue.splice(0))
        renderHere(task.kind, task.data).then(task.resolve, task.reject);
      return;
    }
    for (const thread of threads) {
      if (thread.ready && !thread.task && queue.length > 0) {
        const task = queue.shift() as Task;
        thread.task = task;
        thread.worker.postMessage({ id: task.id, kind: task.kind, data: task.data });
        thread.deadline = setTimeout(() => {
          thread.ended = new Error(`no answer in ${renderTimeoutMs / 1000} s`);
          thread.worker.terminate();
        }, renderTimeoutMs);
        thread.deadline.unref();
      }
    }
    if (!closed) {
      const starting = [...threads].filter((thread) => !thread.ready).length;
      for (let i = starting; i < queue.length && threads.size < size && !inThisThread; i++) {
        start();
      }
      if (inThisThread) {
        dispatch();
        return;
      }
    }
    // A thread keeps the process alive while it starts (a second or two) and while it renders;
    // an idle one does not.
    for (const thread of threads) {
      if (thread.task || !thread.ready) thread.worker.ref();
      else thread.worker.unref();
    }
  }

  return {
    render(kind, data) {
      if (inThisThread || closed) return renderHere(kind, data);
      return new Promise<MailContent>((resolve, reject) => {
        queue.push({ id: nextId++, kind, data, resolve, reject });
        dispatch();
      });
    },
    mode: () => (inThisThread || closed ? "this thread" : "threads"),
    async warm() {
      if (inThisThread || closed) return;
      while (threads.size < size) start();
      // Ready when all are (or when they cannot start).
      await Promise.all(
        [...threads].map(
          (thread) =>
            new Promise<void>((resolve) => {
              if (thread.ready) return resolve();
              const check = () => {
                if (thread.ready || !threads.has(thread)) {
                  thread.worker.off("message", check);
                  resolve();
                }
              };
              thread.worker.on("message", check);
              thread.worker.once("exit", () => resolve());
            }),
        ),
      );
    },
    async close() {
      closed = true;
      const waiting = queue.splice(0);
      await Promise.all([...threads].map((thread) => thread.worker.terminate()));
      for (const task of waiting) renderHere(task.kind, task.data).then(task.resolve, task.reject);
    },
  };
}

/** Renders in this thread, always. */
export const renderingHere: MailRenderer = renderPool(0);

let shared: MailRenderer | undefined;

/** The process's render pool, MAIL_RENDER_THREADS threads (0: rendered in this thread). */
export function mailRenderer(): MailRenderer {
  shared ??= renderPool(config().MAIL_RENDER_THREADS);
  return shared;
}
