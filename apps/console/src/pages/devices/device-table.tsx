import { Anchor, Group, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import type { Device } from "../../api/types";
import { formatRelative, PLATFORM_LABELS } from "../../components/format";
import { StateBadge } from "../../components/state-badge";
import classes from "./device-table.module.css";

type Sort = "name" | "lastSeenAt" | "enrolledAt";
const ROW_HEIGHT = 44;

/**
 * Only the rows in view (and a few around them) are in the page, however many are loaded; the next
 * page is asked for while the reader is still some way from the end.
 */
export function DeviceTable(props: {
  devices: Device[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  sort: Sort;
  order: "asc" | "desc";
  onSort: (sort: Sort, order: "asc" | "desc") => void;
}) {
  const { devices, hasMore, loadingMore, loadMore } = props;
  const scroller = useRef<HTMLDivElement>(null);
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
          {items.map((item) => {
            const device = devices[item.index];
            return (
              <div
                key={item.key}
                className={classes.row}
                role="row"
                data-testid={device ? "device-row" : undefined}
                data-state={device?.state}
                style={{
                  position: "absolute",
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {device ? (
                  <>
                    <div className={classes.cell}>
                      <Anchor component={Link} to={`/devices/${device.id}`} size="sm">
                        {device.name}
                      </Anchor>
                    </div>
                    <div className={classes.cell}>{PLATFORM_LABELS[device.platform]}</div>
                    <div className={classes.cell}>{device.osVersion ?? "—"}</div>
                    <div className={classes.cell}>{device.model ?? "—"}</div>
                    <div>
                      <StateBadge state={device.state} />
                    </div>
                    <div className={classes.cell}>{formatRelative(device.lastSeenAt)}</div>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    Loading more devices…
                  </Text>
                )}
              </div>
            );
          })}
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
