import type { MessageKey } from "~/i18n";
import { metaI18n } from "~/web/use-i18n";

/** A workspace page's title in the browser tab: its own heading, then the workspace's name. */
export const adminMeta = (matches: Parameters<typeof metaI18n>[0], title: MessageKey) => {
  const { t } = metaI18n(matches);
  return [{ title: `${t(title)} · ${t("admin.title")}` }];
};
