import { useI18n } from "~/web/use-i18n";

/** How full a session is, as a bar people read at a glance, with the numbers beside it. */
export function FillBar({
  confirmed,
  capacity,
  waiting,
}: {
  confirmed: number;
  capacity: number;
  waiting: number;
}) {
  const { t } = useI18n();
  const percent = capacity > 0 ? Math.min(100, Math.round((confirmed / capacity) * 100)) : 100;
  const level = percent >= 100 ? "full" : percent >= 80 ? "high" : "ok";
  return (
    <div className="fill">
      <div
        className={`fill-bar fill-${level}`}
        role="img"
        aria-label={t("dashboard.fillLabel", { percent })}
      >
        {/* An SVG width, not an inline style: the Content-Security-Policy allows no inline styles. */}
        <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect width={percent} height="1" />
        </svg>
      </div>
      <span className="fill-text">
        {t("dashboard.fill", { confirmed, capacity })} ·{" "}
        {t("dashboard.waiting", { count: waiting })}
      </span>
    </div>
  );
}
