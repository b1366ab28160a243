import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";

/**
 * A script of test/support in a process of its own, as another instance or worker on the same
 * database: it loads, prints "ready", waits for its cue on stdin, does its work and prints what
 * it did as JSON on its last line. Starting is slow (loading the app through tsx); the cue lets a
 * test start the work of several processes at one moment.
 */
export async function cuedProcess(script: string, args: string[] = []) {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, script), ...args],
    { env: process.env, stdio: ["pipe", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, "exit");
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", () => {
      if (output.includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${script} ended (${code}): ${output}`)));
  });
  return {
    /** Gives the cue: the work starts. */
    go: () => child.stdin?.end("go\n"),
    /** What it did, once it has exited (and whether it exited cleanly). */
    async result<T>(): Promise<{ code: number | null; value: T }> {
      const [code] = (await exited) as [number | null];
      return { code, value: JSON.parse(output.trim().split("\n").at(-1) ?? "null") as T };
    },
  };
}
