import { Button, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { PLATFORM_LABELS } from "../../components/format";
import type { DeviceFilterValues } from "./device-filters";

const PLATFORMS = Object.entries(PLATFORM_LABELS).map(([value, label]) => ({ value, label }));
const STATES = ["enrolling", "active", "inactive", "lost", "wiped", "retired"];
const COMPLIANCE = [
  { value: "compliant", label: "Compliant" },
  { value: "not_compliant", label: "Not compliant" },
  { value: "not_reported", label: "Not reported" },
];
const OWNERSHIPS = [
  { value: "corporate", label: "Corporate" },
  { value: "personal", label: "Personal" },
  { value: "unknown", label: "Unknown" },
];

/** Text fields apply after a pause in typing; the selects at once. */
export function DeviceFilterBar({
  filters,
  onChange,
}: {
  filters: DeviceFilterValues;
  onChange: (f: DeviceFilterValues) => void;
}) {
  const [text, setText] = useState({
    q: filters.q ?? "",
    osVersion: filters.osVersion ?? "",
    ownerEmail: filters.ownerEmail ?? "",
  });
  const applyText = useDebouncedCallback((next: typeof text) => {
    onChange({
      ...filters,
      q: next.q.trim() || undefined,
      osVersion: next.osVersion.trim() || undefined,
      ownerEmail: next.ownerEmail.trim() || undefined,
    });
  }, 250);
  const typed = (key: keyof typeof text) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const next = { ...text, [key]: event.currentTarget.value };
    setText(next);
    applyText(next);
  };
  const canReadGroups = useCan("groups:read");
  const groups = useQuery({
    queryKey: ["groups", "tree", "flat"],
    queryFn: () => unwrap(api.GET("/api/v1/groups/tree")),
    enabled: canReadGroups,
  });
  const choose =
    (key: "platform" | "state" | "ownership" | "compliance" | "group") => (value: string | null) =>
      onChange({ ...filters, [key]: value ?? undefined });
  const clear = () => {
    setText({ q: "", osVersion: "", ownerEmail: "" });
    onChange({});
  };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="device-filters">
      <TextInput
        label="Search"
        placeholder="Name, model, serial, IMEI"
        value={text.q}
        onChange={typed("q")}
        w={220}
      />
      <Select
        label="Platform"
        placeholder="Any"
        data={PLATFORMS}
        value={filters.platform ?? null}
        onChange={choose("platform")}
        clearable
        w={130}
      />
      <TextInput
        label="OS version"
        placeholder="e.g. 17"
        value={text.osVersion}
        onChange={typed("osVersion")}
        w={110}
      />
      <Select
        label="State"
        placeholder="Any"
        data={STATES}
        value={filters.state ?? null}
        onChange={choose("state")}
        clearable
        w={130}
      />
      <Select
        label="Compliance"
        placeholder="Any"
        data={COMPLIANCE}
        value={filters.compliance ?? null}
        onChange={choose("compliance")}
        clearable
        w={150}
      />
      <Select
        label="Ownership"
        placeholder="Any"
        data={OWNERSHIPS}
        value={filters.ownership ?? null}
        onChange={choose("ownership")}
        clearable
        w={130}
      />
      <TextInput
        label="Owner"
        placeholder="user@example.com"
        value={text.ownerEmail}
        onChange={typed("ownerEmail")}
        w={200}
      />
      {canReadGroups && (
        <Select
          label="Group"
          placeholder="Any"
          title="Devices of the group's users, and of the users in the groups nested in it"
          data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={filters.group ?? null}
          onChange={choose("group")}
          searchable
          clearable
          w={170}
        />
      )}
      <Button variant="subtle" onClick={clear}>
        Clear
      </Button>
    </Group>
  );
}
