import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Ondernemersagenda <agenda@ondernemersagenda.local>"),
  CALENDAR_ORGANIZER: z.email().optional(),
  MAIL_DIR: z.string().default("data/mail"),
  OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** Messages one worker sends at once, and SMTP connections it keeps open at most. */
  OUTBOX_CONCURRENCY: z.coerce.number().int().positive().default(5),
  /**
   * Threads that render mail beside the sender (worker/render-pool.server.ts); 0 renders on the
   * sender's own thread. Default: the cores but one, at least 1.
   */
  MAIL_RENDER_THREADS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(() => Math.max(1, availableParallelism() - 1)),
  /** At most this many messages in any minute, all workers together; unset: no limit. */
  MAIL_RATE_PER_MINUTE: z.coerce.number().int().positive().optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SEED_ON_START: z.enum(["on", "off"]).optional(),
  /** Set by `remix dev` for the server it runs; never set it yourself. */
  REMIX_DEV_ORIGIN: z.url().optional(),
  /** Keep rendered public pages for anonymous visitors for up to a second (server/page-cache.ts). */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  /** Behind a reverse proxy: take the client address and the scheme from X-Forwarded-*. */
  TRUST_PROXY: z.enum(["on", "off"]).default("off"),
  /** Largest request body accepted, in bytes (forms are a few KB). */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  // Abuse limits; see docs/security.md for what each one protects.
  RATE_SIGNUPS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().positive().default(100),
  RATE_MAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(6),
  RATE_LOGINS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LOGIN_FAILURES_PER_ACCOUNT_CLIENT: z.coerce.number().int().positive().default(5),
  RATE_LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: z.coerce.number().int().positive().default(50),
  RATE_RESETS_PER_CLIENT_PER_HOUR: z.coerce.number().int().positive().default(20),
  RATE_INVITATIONS_PER_ORGANISER_PER_HOUR: z.coerce.number().int().positive().default(30),
  RATE_API_PER_CLIENT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Password hashes computed at once (each takes a core and 32 MiB for ~90 ms). */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().positive().default(1),
  /** Sign-ins that may wait for a hash slot; more get "busy, try again". */
  PASSWORD_HASH_QUEUE: z.coerce.number().int().nonnegative().default(100),
  // Who answers for personal data and accessibility: named on /privacy and /toegankelijkheid.
  PRIVACY_CONTROLLER: z.string().trim().min(1).default("Stad Leuven"),
  PRIVACY_CONTACT: z.email().default("privacy@leuven.be"),
  PRIVACY_DPO: z.email().default("dpo@leuven.be"),
  ACCESSIBILITY_CONTACT: z.email().default("ondernemen@leuven.be"),
  /** Registrations are anonymised this many months after their session ended. */
  RETENTION_MONTHS: z.coerce.number().int().positive().default(12),
  /** A sent mail loses its recipient and body this many days after it was sent. */
  OUTBOX_KEEP_DAYS: z.coerce.number().int().positive().default(30),
  /**
   * A person's pseudonym (which lets the report count people, not sign-ups) goes this many
   * months after their last session ended; never before their registrations are anonymised.
   */
  PSEUDONYM_MONTHS: z.coerce.number().int().positive().default(36),
  // Replies from calendars (iTIP over mail): see the README, "Replies from calendars".
  /** The worker listens for mail over SMTP on this port; unset: no listener. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address that listener binds to. */
  INBOUND_SMTP_HOST: z.string().default("127.0.0.1"),
  /** Bearer token of POST /api/inbound-mail; unset: that endpoint answers 404. */
  INBOUND_MAIL_TOKEN: z
    .string()
    .min(32, "INBOUND_MAIL_TOKEN must be at least 32 characters")
    .optional(),
  /** Largest inbound mail accepted, in bytes, over SMTP and HTTP alike. */
  INBOUND_MAIL_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  // Sign-in with the city's own accounts (OpenID Connect): see docs/security.md.
  /** The provider's issuer URL; unset: no button, password sign-in only. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The button's label, e.g. "Aanmelden met je account van Stad Leuven". */
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(80).optional(),
  /**
   * The city's own mail domains (comma-separated): the provider answers for their addresses (no
   * `email_verified` claim needed), and their password sign-in is switched off.
   */
  OIDC_DOMAINS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((domain) => domain.trim().toLowerCase())
        .filter((domain) => domain !== ""),
    )
    .default([]),
  /** "admins": admins of those domains keep their password, for when the provider is down. */
  OIDC_BREAK_GLASS: z.enum(["admins", "off"]).default("off"),
  /** Talk to a provider over plain http (a provider on this machine in tests); never in production. */
  OIDC_ALLOW_HTTP: z.enum(["on", "off"]).default("off"),
});

/**
 * The database settings, read on their own: scripts that only touch the database (migrations,
 * backups, seeds) need them without the web server's settings (a session secret).
 */
const databaseSchema = z.object({
  DATABASE_URL: z.string().default("file:data/ondernemersagenda.sqlite"),
  /** PostgreSQL connections per process. */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** How long a query waits for a lock before the request gets 503 "busy". */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
});

export type DatabaseSettings = z.infer<typeof databaseSchema>;

export type Config = z.infer<typeof schema> & { publicUrl: string; sessionSecret: string };

let cached: Config | undefined;

/** The environment checked against a schema; a wrong value stops the process and names it. */
function read<Schema extends z.ZodObject>(schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/** The database settings from the environment (read each time: tests point it elsewhere). */
export function databaseSettings(): DatabaseSettings {
  return read(databaseSchema);
}

/** Reads the environment once; a wrong value stops the process with a message that names it. */
export function config(): Config {
  if (cached) return cached;
  const env = read(schema);
  if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
    throw new Error(
      "Invalid configuration:\n  SESSION_SECRET must be set in production (32 or more random characters, e.g. `openssl rand -hex 32`)",
    );
  }
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new Error(
      "Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together or not at all",
    );
  }
  if (env.NODE_ENV === "production" && env.OIDC_ALLOW_HTTP === "on") {
    throw new Error("Invalid configuration:\n  OIDC_ALLOW_HTTP may not be on in production");
  }
  const settings: Config = {
    ...env,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    // Outside production a secret of the process's own will do: restarting signs organisers out.
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString("hex"),
  };
  cached = settings;
  return settings;
}
