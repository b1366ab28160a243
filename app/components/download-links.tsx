import { useI18n } from "~/web/use-i18n";

/** The three ways a table downloads: CSV for a Belgian Excel, plain CSV, XLSX. */
export function DownloadLinks({ href }: { href: (format: string) => string }) {
  const { t } = useI18n();
  return (
    <ul className="plain-list">
      <li>
        <a href={href("csv")} download>
          {t("attendees.exportCsv")}
        </a>
      </li>
      <li>
        <a href={href("csv-comma")} download>
          {t("attendees.exportCsvComma")}
        </a>
      </li>
      <li>
        <a href={href("xlsx")} download>
          {t("attendees.exportXlsx")}
        </a>
      </li>
    </ul>
  );
}
