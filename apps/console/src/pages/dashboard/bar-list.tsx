import { themeColor } from "./donut-chart";
import classes from "./charts.module.css";

/** Counts side by side as horizontal bars, each labelled and numbered, the longest filling the width. */
export function BarList({
  data,
  color,
  label,
}: {
  data: Array<{ name: string; value: number }>;
  /** A Mantine colour and shade, such as "teal.6". */
  color: string;
  label: string;
}) {
  const largest = Math.max(1, ...data.map((d) => d.value));
  return (
    <ul className={classes.bars} aria-label={label}>
      {data.map((bar) => (
        <li key={bar.name} className={classes.bar}>
          <span className={classes.barName} title={bar.name}>
            {bar.name}
          </span>
          <span className={classes.barTrack}>
            <svg width="100%" height="100%" preserveAspectRatio="none" viewBox="0 0 100 1" aria-hidden>
              <rect width={(bar.value / largest) * 100} height={1} fill={themeColor(color)} />
            </svg>
          </span>
          <span className={classes.barValue}>{bar.value.toLocaleString()}</span>
        </li>
      ))}
    </ul>
  );
}
