import { describe, expect, it, vi } from "vitest";
import {
  hashingState,
  hashPassword,
  PasswordHashingBusy,
  verifyPassword,
} from "../app/lib/password.server";

// One hash at a time, two waiting: a small queue, so that overflowing it is quick to show.
vi.hoisted(() => {
  process.env.PASSWORD_HASH_CONCURRENCY = "1";
  process.env.PASSWORD_HASH_QUEUE = "2";
});

describe("password hashing under load", () => {
  it("runs one hash at a time, lets two wait, and refuses the rest at once", async () => {
    const stored = await hashPassword("een-lang-wachtwoord");
    let mostRunning = 0;
    const watch = setInterval(() => {
      mostRunning = Math.max(mostRunning, hashingState().running);
    }, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        verifyPassword("fout-wachtwoord", stored).then(
          () => "checked",
          (error) => (error instanceof PasswordHashingBusy ? "busy" : "error"),
        ),
      ),
    );
    clearInterval(watch);
    expect(outcomes.filter((o) => o === "checked")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(3);
    expect(mostRunning).toBe(1);
    expect(hashingState()).toMatchObject({ running: 0, waiting: 0 });
  });
});
