import type { Availability } from "~/models/session.server";
import { useI18n } from "~/web/use-i18n";

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const { t, longDate } = useI18n();
  switch (availability.state) {
    case "open":
      return (
        <span className="badge badge-open">
          {t("availability.open", { seats: availability.seatsLeft })}
        </span>
      );
    case "waitlist":
      return <span className="badge badge-waitlist">{t("availability.waitlist")}</span>;
    case "notYetOpen":
      return (
        <span className="badge badge-muted">
          {t("availability.notYetOpen", { date: longDate(availability.opensAt) })}
        </span>
      );
    default:
      return <span className="badge badge-muted">{t(`availability.${availability.state}`)}</span>;
  }
}
