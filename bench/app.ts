import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Starts the built app the way `npm start` runs it (`server.ts`), with the settings a benchmark
 * needs, and resolves once it listens. The caller stops it with `kill("SIGTERM")`.
 */
export async function startApp(
  env: Record<string, string>,
  nodeOptions: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeOptions, "--import", "tsx", "server.ts"], {
    env: { ...process.env, OUTBOX_WORKER: "off", SEED_ON_START: "on", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`app exited with ${code}`)));
  });
  return child;
}

const TEST_NETS = ["192.0.2", "198.51.100", "203.0.113"];

/**
 * A client address from the documentation ranges, for X-Forwarded-For (the app runs with
 * TRUST_PROXY=on): many clients played from one machine, no traffic to those addresses.
 */
export const someClient = () =>
  `${TEST_NETS[Math.floor(Math.random() * 3)]}.${1 + Math.floor(Math.random() * 254)}`;

/** Stops an app started by `startApp` and resolves once it has exited. */
export const stopApp = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

/** Signs an organiser in through the form, as a browser does; answers the session cookie. */
export async function signInOrganiser(
  base: string,
  email: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${base}/beheer/inloggen`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password, terug: "/beheer" }),
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`sign-in answered ${response.status}`);
  return cookie;
}

/** Milliseconds from the request to the last byte, and the size, of one 200 answer. */
export async function timedGet(url: string, cookie = "") {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return { ms: performance.now() - started, bytes: body.length, body };
}

/** The p-th percentile of ascending numbers (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/**
 * CPU time a process has used, in ms (user + system, from /proc): on a machine shared with other
 * work the wall-clock time of a request grows with the load, its CPU time much less.
 */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
