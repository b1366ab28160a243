import { useI18n } from "~/web/use-i18n";

/**
 * The mark beside a person that they corrected their own details on their manage page, and
 * when: what an organiser printed or exported before may no longer be what is stored.
 */
export function SelfUpdated({ at }: { at: string | null }) {
  const { t, shortDate, time } = useI18n();
  return at ? (
    <div className="muted">
      <time dateTime={at}>
        {t("attendees.selfUpdated", { date: shortDate(at), time: time(at) })}
      </time>
    </div>
  ) : null;
}
