import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { config } from "./config.server";

// scrypt is memory-hard: N = 2^15 with r = 8 needs 32 MiB per hash, ~50 ms here, which makes
// guessing from a stolen table slow on any hardware. The parameters are stored with the hash,
// so they can be raised later without breaking existing passwords.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** Thrown when too many hashes wait already: the caller answers "busy, try again" at once. */
export class PasswordHashingBusy extends Error {
  constructor() {
    super("too many password hashes waiting");
  }
}

/**
 * A flood of sign-ins must not take every core: hashes run a few at a time (one by default,
 * leaving the other core to render pages), and only so many may wait for their turn.
 */
const slots = {
  running: 0,
  waiting: [] as (() => void)[],
};

let started = 0;

/** How busy hashing is: hashes started since the process began, running now, waiting now. */
export function hashingState() {
  return { started, running: slots.running, waiting: slots.waiting.length };
}

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  const { PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE } = config();
  if (slots.running >= PASSWORD_HASH_CONCURRENCY) {
    if (slots.waiting.length >= PASSWORD_HASH_QUEUE) throw new PasswordHashingBusy();
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
  } else {
    slots.running++;
  }
  try {
    started++;
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = slots.waiting.shift();
    if (next) next();
    else slots.running--;
  }
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return inHashSlot(() => scryptKey(password, salt, n, r, p));
}

function scryptKey(password: string, salt: Buffer, n: number, r: number, p: number) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(
    password,
    Buffer.from(salt, "base64url"),
    Number(n),
    Number(r),
    Number(p),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;

/** A hash of a random password: checked against when an address is unknown, so timing tells nothing. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}
