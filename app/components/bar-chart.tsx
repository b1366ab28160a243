/** One row of the chart: its label and one value per series. */
export interface BarChartRow {
  key: string;
  label: string;
  values: readonly number[];
}

const LABEL_WIDTH = 144;
const BAR_AREA = 204;
const VALUE_ROOM = 52;
const WIDTH = LABEL_WIDTH + BAR_AREA + VALUE_ROOM;
const BAR = 12;
const ROW_GAP = 10;
/** Each series' name on a line of its own above the bars. */
const LEGEND_LINE = 17;
/** Longer labels are cut in the drawing; the table beside it has them whole. */
const MAX_LABEL = 18;

const cut = (label: string) =>
  label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label;

/**
 * A horizontal bar chart drawn on the server: a bar per series in each row, its value written
 * after it, a legend above. An image to a screen reader (`role="img"`), named by its title and
 * described by its description; the table that goes with it carries the figures.
 */
export function BarChart({
  id,
  title,
  description,
  series,
  rows,
  format,
}: {
  id: string;
  title: string;
  description: string;
  /** The series' names, in the order of each row's values (two at most: two colours). */
  series: readonly string[];
  rows: readonly BarChartRow[];
  format: (value: number) => string;
}) {
  const max = Math.max(1, ...rows.flatMap((row) => row.values));
  const rowHeight = series.length * BAR + ROW_GAP;
  const legend = series.length * LEGEND_LINE + 6;
  const height = legend + rows.length * rowHeight;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {series.map((name, index) => (
        <g key={name} transform={`translate(${LABEL_WIDTH} ${index * LEGEND_LINE})`}>
          <rect width={BAR} height={BAR} className={`series-${index}`} />
          <text x={BAR + 5} y={BAR - 2} className="bar-chart-legend">
            {name}
          </text>
        </g>
      ))}
      {rows.map((row, rowIndex) => {
        const top = legend + rowIndex * rowHeight;
        return (
          <g key={row.key}>
            <text
              x={LABEL_WIDTH - 8}
              y={top + (series.length * BAR) / 2 + 4}
              textAnchor="end"
              className="bar-chart-label"
            >
              {cut(row.label)}
            </text>
            {row.values.map((value, index) => {
              const width = Math.round((value / max) * BAR_AREA);
              const y = top + index * BAR;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: one bar per series, in its order
                <g key={index}>
                  <rect
                    x={LABEL_WIDTH}
                    y={y}
                    width={width}
                    height={BAR - 1}
                    className={`series-${index}`}
                  />
                  <text x={LABEL_WIDTH + width + 4} y={y + BAR - 2} className="bar-chart-value">
                    {format(value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
