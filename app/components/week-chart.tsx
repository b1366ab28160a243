import { useI18n } from "~/web/use-i18n";

interface Week {
  weekStart: string;
  count: number;
}

/** Sign-ups per week as a small bar chart; the table beneath it carries the same numbers for screen readers. */
export function WeekChart({ weeks }: { weeks: Week[] }) {
  const { t, shortDate } = useI18n();
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const barWidth = 36;
  const gap = 12;
  const height = 120;
  // Room above the tallest bar for its number.
  const top = 16;
  const width = weeks.length * (barWidth + gap);
  return (
    <figure className="week-chart">
      <svg
        viewBox={`0 0 ${width} ${top + height + 36}`}
        role="img"
        aria-labelledby="week-chart-caption"
        width="100%"
      >
        <title>{t("dashboard.perWeekCaption", { weeks: weeks.length })}</title>
        {weeks.map((week, i) => {
          const barHeight = Math.round((week.count / max) * height);
          const x = i * (barWidth + gap) + gap / 2;
          const label = shortDate(`${week.weekStart}T12:00:00Z`).replace(/^\S+\s/, "");
          return (
            <g key={week.weekStart}>
              <rect
                x={x}
                y={top + height - barHeight}
                width={barWidth}
                height={barHeight}
                rx={3}
                className="bar"
              />
              <text
                x={x + barWidth / 2}
                y={top + height - barHeight - 4}
                textAnchor="middle"
                className="bar-value"
              >
                {week.count}
              </text>
              <text
                x={x + barWidth / 2}
                y={top + height + 18}
                textAnchor="middle"
                className="bar-label"
              >
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="week-chart-caption">
        {t("dashboard.perWeekCaption", { weeks: weeks.length })}
      </figcaption>
      <table className="visually-hidden">
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">
                {t("dashboard.weekOf", { date: shortDate(`${week.weekStart}T12:00:00Z`) })}
              </th>
              <td>{week.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
