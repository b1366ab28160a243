import type { z } from "zod";
import { parseForm } from "../../app/lib/forms";

/**
 * A form checked the way a route checks it (parseForm), read for a test: the data, or each
 * field's first message key ("partnerIds[1]" counts as "partnerIds").
 */
export function parsed<Schema extends z.ZodType>(
  schema: Schema,
  form: FormData | URLSearchParams,
): { ok: true; data: z.output<Schema> } | { ok: false; errors: Record<string, string> } {
  const submission = parseForm(form, schema);
  if (submission.status === "success") return { ok: true, data: submission.value };
  const errors: Record<string, string> = {};
  for (const [name, messages] of Object.entries(submission.error ?? {})) {
    const field = name.replace(/\[.*$/, "");
    const first = messages?.[0];
    if (first) errors[field] ??= first.key;
  }
  return { ok: false, errors };
}
