import { Group, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useLayoutEffect, useRef, type CSSProperties } from "react";
import { Link } from "react-router";
import type { Device } from "../../api/types";
import { formatRelative, PLATFORM_LABELS, STATE_COLORS } from "../../components/format";
import classes from "./device-table.module.css";

type Sort = "name" | "lastSeenAt" | "enrolledAt";
const ROW_HEIGHT = 44;

/**
 * Only the rows in view (and a few around them) are in the page, however many are loaded; the next
 * page is asked for while the reader is still some way from the end.
 */
export function DeviceTable(props: {
  /** Changes when the filters or the order do: the list starts again from its top. */
  listKey: string;
  devices: Device[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  sort: Sort;
  order: "asc" | "desc";
  onSort: (sort: Sort, order: "asc" | "desc") => void;
}) {
  const { devices, hasMore, loadingMore, loadMore, listKey } = props;
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [listKey]);
  const virtualizer = useVirtualizer({
    count: devices.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && last >= devices.length - 50) loadMore();
  }, [last, hasMore, loadingMore, devices.length, loadMore]);

  const header = (label: string, sort?: Sort) =>
    sort ? (
      <button
        type="button"
        className={classes.sort}
        onClick={() => props.onSort(sort, props.sort === sort && props.order === "asc" ? "desc" : "asc")}
      >
        {label} {props.sort === sort ? (props.order === "asc" ? "↑" : "↓") : ""}
      </button>
    ) : (
      label
    );

  return (
    <div>
      <div ref={scroller} className={classes.scroller} data-testid="device-scroller">
        <div className={classes.head} role="row">
          <div>{header("Name", "name")}</div>
          <div>Platform</div>
          <div>OS</div>
          <div>Model</div>
          <div>State</div>
          <div>{header("Last contact", "lastSeenAt")}</div>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => (
            <DeviceRow key={item.key} device={devices[item.index]} start={item.start} />
          ))}
        </div>
      </div>
      <Group justify="flex-end" mt={6}>
        <Text size="xs" c="dimmed" data-testid="device-count">
          {devices.length.toLocaleString()} loaded{hasMore ? ", more as you scroll" : ""}
        </Text>
      </Group>
    </div>
  );
}

/**
 * One row, in plain elements: a screenful of Mantine components costs more to render than a scroll
 * frame allows. Rows keep their index as they scroll, so a row already shown is not rendered again.
 */
const DeviceRow = memo(function DeviceRow({ device, start }: { device: Device | undefined; start: number }) {
  return (
    <div
      className={classes.row}
      role="row"
      data-testid={device ? "device-row" : undefined}
      data-state={device?.state}
      style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}
    >
      {device ? (
        <>
          <div className={classes.cell}>
            <Link to={`/devices/${device.id}`} className={classes.link}>
              {device.name}
            </Link>
          </div>
          <div className={classes.cell}>{PLATFORM_LABELS[device.platform]}</div>
          <div className={classes.cell}>{device.osVersion ?? "—"}</div>
          <div className={classes.cell}>{device.model ?? "—"}</div>
          <div>
            <span className={classes.badge} data-state={device.state} style={badgeColors(device.state)}>
              {device.state}
            </span>
          </div>
          <div className={classes.cell}>{formatRelative(device.lastSeenAt)}</div>
        </>
      ) : (
        <span className={classes.loadingMore}>Loading more devices…</span>
      )}
    </div>
  );
});

/** The colours of Mantine's light badge (components/state-badge.tsx) for a state. */
function badgeColors(state: string): CSSProperties {
  const color = STATE_COLORS[state] ?? "gray";
  return {
    "--badge-bg": `var(--mantine-color-${color}-light)`,
    "--badge-color": `var(--mantine-color-${color}-light-color)`,
  } as CSSProperties;
}
