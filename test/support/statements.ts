import { database } from "../../db/client";

/** Every statement the app's database handle runs while `work` does, lower-cased on one line. */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const listeners = database().queryListeners;
  if (!listeners) throw new Error("the handle hears no statements");
  const heard: string[] = [];
  const listener = ({ sql }: { sql: string }) =>
    heard.push(sql.replace(/\s+/g, " ").trim().toLowerCase());
  listeners.add(listener);
  try {
    await work();
  } finally {
    listeners.delete(listener);
  }
  return heard;
}
