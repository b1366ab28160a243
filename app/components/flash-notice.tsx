import type { FormMessage } from "~/lib/forms";
import { useI18n } from "~/web/use-i18n";

/**
 * What the last post did, said on the page it redirected to (see flash.server's
 * redirectWithNotice), announced to a screen reader. Nothing when there is no notice.
 */
export function FlashNotice({
  notice,
  className = "success",
}: {
  notice: FormMessage | null | undefined;
  className?: string;
}) {
  const { t } = useI18n();
  return notice ? (
    <p className={className} role="status">
      {t(notice.key, notice.values)}
    </p>
  ) : null;
}
