import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n, type Locale } from "../i18n";
import { sessionExportSchema } from "../lib/export-form";
import { type FormErrors, parseForm } from "../lib/forms";
import { requireSessionAccess } from "./auth.server";
import { localeOf, requireKnownLanguage } from "./locale.server";

/**
 * A download that cannot be made, answered as plain text: the browser shows it in place of the
 * file. A resource route has no page to render a message on, so this is where it is worded.
 */
export function exportRefusal(
  status: 400 | 404,
  errors: Record<string, FormErrors | null> | null | undefined,
  locale?: Locale,
): Response {
  const first = Object.values(errors ?? {}).find((messages) => messages?.length)?.[0];
  const { t } = i18n(locale);
  return new Response(t(first?.key ?? "export.error.choose", first?.values), {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * A download of one session's table (`?formaat=csv|csv-comma|xlsx`), as its route reads it: the
 * organiser who may see the session and the format, or the refusal to answer with.
 */
export async function readSessionExport(request: Request, params: LoaderFunctionArgs["params"]) {
  requireKnownLanguage(params);
  const locale = localeOf(request);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const submission = parseForm(new URL(request.url).searchParams, sessionExportSchema);
  if (submission.status !== "success") {
    return { refusal: exportRefusal(400, submission.error, locale) } as const;
  }
  return { organiser, sessionId, locale, format: submission.value.formaat } as const;
}
