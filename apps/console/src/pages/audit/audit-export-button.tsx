import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { describeError } from "../../api/problem";
import { downloadCsv } from "../../components/download-csv";
import { fetchAllAuditEvents, type AuditFilters } from "./audit-query";

/** A browser download holds this many events at most; longer exports belong to the API. */
const MAX_EXPORT = 50_000;

export function AuditExportButton({ filters }: { filters: AuditFilters }) {
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    setProgress(0);
    try {
      const events = await fetchAllAuditEvents(filters, MAX_EXPORT, setProgress);
      downloadCsv(
        "audit-log.csv",
        ["time", "actor", "actorId", "action", "targetType", "targetId", "target", "ip", "details"],
        events.map((e) => [
          new Date(e.at).toISOString(),
          e.actorLabel,
          e.actorId,
          e.action,
          e.targetType ?? "",
          e.targetId ?? "",
          e.targetLabel ?? "",
          e.ip ?? "",
          e.details ? JSON.stringify(e.details) : "",
        ]),
      );
    } catch (error) {
      notifications.show({ color: "red", ...describeError(error) });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Button
      variant="default"
      onClick={() => void run()}
      loading={progress !== null}
      loaderProps={{ type: "dots" }}
    >
      {progress !== null ? `Exporting ${progress.toLocaleString()}…` : "Export CSV"}
    </Button>
  );
}
