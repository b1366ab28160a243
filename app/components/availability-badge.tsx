import type { Availability } from "~/models/session.server";
import { useI18n } from "~/web/use-i18n";

/**
 * How the seats stand. A session that requires approval has no waiting list: once its seats are
 * given it is full, and requests are still taken (a seat may come free).
 */
export function AvailabilityBadge({
  availability,
  requiresApproval = false,
}: {
  availability: Availability;
  requiresApproval?: boolean;
}) {
  const { t, longDate } = useI18n();
  switch (availability.state) {
    case "open":
      return (
        <span className="badge badge-open">
          {t("availability.open", { seats: availability.seatsLeft })}
        </span>
      );
    case "waitlist":
      return (
        <span className="badge badge-waitlist">
          {t(requiresApproval ? "availability.full" : "availability.waitlist")}
        </span>
      );
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
