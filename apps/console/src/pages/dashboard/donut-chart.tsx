import classes from "./charts.module.css";

export interface Slice {
  name: string;
  value: number;
  /** A Mantine colour and shade, such as "indigo.6". */
  color: string;
}

const RADIUS = 52;
const STROKE = 20;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** "indigo.6" as the CSS variable Mantine's theme defines for it. */
export const themeColor = (color: string) => `var(--mantine-color-${color.replace(".", "-")})`;

const percent = (value: number, total: number) =>
  total === 0 ? "0%" : `${Math.round((value / total) * 1000) / 10}%`;

/** Shares of a whole as a ring, with a legend that gives each share's count and percentage. */
export function DonutChart({ data, label }: { data: Slice[]; label: string }) {
  const slices = data.filter((d) => d.value > 0);
  const total = slices.reduce((sum, d) => sum + d.value, 0);
  let offset = 0;
  return (
    <div className={classes.donut}>
      <svg
        viewBox="0 0 144 144"
        width={144}
        height={144}
        role="img"
        aria-label={`${label}: ${slices.map((d) => `${d.name} ${d.value.toLocaleString()}`).join(", ")}`}
      >
        <circle
          cx={72}
          cy={72}
          r={RADIUS}
          fill="none"
          stroke="var(--mantine-color-gray-1)"
          strokeWidth={STROKE}
        />
        {slices.map((slice) => {
          const length = (slice.value / total) * CIRCUMFERENCE;
          const segment = (
            <circle
              key={slice.name}
              className={classes.slice}
              cx={72}
              cy={72}
              r={RADIUS}
              fill="none"
              stroke={themeColor(slice.color)}
              strokeWidth={STROKE}
              strokeDasharray={`${length} ${CIRCUMFERENCE - length}`}
              strokeDashoffset={-offset}
              transform="rotate(-90 72 72)"
            >
              <title>{`${slice.name}: ${slice.value.toLocaleString()} (${percent(slice.value, total)})`}</title>
            </circle>
          );
          offset += length;
          return segment;
        })}
      </svg>
      <ul className={classes.legend}>
        {slices.map((slice) => (
          <li key={slice.name}>
            <span className={classes.swatch} style={{ background: themeColor(slice.color) }} />
            <span className={classes.legendName}>{slice.name}</span>
            <span className={classes.legendValue}>
              {slice.value.toLocaleString()} · {percent(slice.value, total)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
