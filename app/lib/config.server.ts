import { randomBytes } from "node:crypto";
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
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
});

export type Config = z.infer<typeof schema> & { publicUrl: string; sessionSecret: string };

let cached: Config | undefined;

/** Reads the environment once; a wrong value stops the process with a message that names it. */
export function config(): Config {
  if (cached) return cached;
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
    throw new Error(
      "Invalid configuration:\n  SESSION_SECRET must be set in production (32 or more random characters, e.g. `openssl rand -hex 32`)",
    );
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
