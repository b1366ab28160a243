import { type ChildProcess, spawn } from "node:child_process";

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
