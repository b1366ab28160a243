import { i18n, type Locale } from "../i18n";
import type { FormErrors } from "../lib/forms";

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
