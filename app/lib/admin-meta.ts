import { i18n, type MessageKey } from "~/i18n";

/** A workspace page's title in the browser tab: its own heading, then the workspace's name. */
export const adminMeta = (title: MessageKey) => [
  { title: `${i18n().t(title)} · ${i18n().t("admin.title")}` },
];
