import { Button, Group, Select, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import type { AuditFilters } from "./audit-query";

const ACTIONS = [
  { value: "auth", label: "Sign-ins" },
  { value: "user", label: "Users" },
  { value: "group", label: "Groups" },
  { value: "device", label: "Devices" },
  { value: "command", label: "Commands" },
  { value: "activation", label: "Activations" },
  { value: "administrator", label: "Administrators" },
  { value: "role", label: "Roles" },
  { value: "audit", label: "Audit settings" },
];

export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (f: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  const canSeeAdmins = useCan("admins:read");
  const admins = useQuery({
    queryKey: ["administrators"],
    queryFn: () => unwrap(api.GET("/api/v1/administrators", { params: { query: { limit: 500 } } })),
    enabled: canSeeAdmins,
  });
  const set = (key: keyof AuditFilters) => (value: string | null) =>
    setDraft({ ...draft, [key]: value || undefined });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onChange(draft);
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap" data-testid="audit-filters">
        <Select
          label="Administrator"
          placeholder="Anyone"
          clearable
          searchable
          data={admins.data?.items.map((a) => ({ value: a.id, label: a.email })) ?? []}
          value={draft.actor ?? null}
          onChange={set("actor")}
          w={200}
        />
        <Select
          label="What"
          placeholder="Everything"
          clearable
          data={ACTIONS}
          value={draft.action ?? null}
          onChange={set("action")}
          w={160}
        />
        <TextInput
          label="Object id"
          placeholder="user, device… id"
          value={draft.target ?? ""}
          onChange={(e) => set("target")(e.currentTarget.value.trim())}
          w={170}
        />
        <TextInput
          label="From"
          type="date"
          value={draft.fromDate ?? ""}
          onChange={(e) => set("fromDate")(e.currentTarget.value)}
          w={140}
        />
        <TextInput
          label="To"
          type="date"
          value={draft.toDate ?? ""}
          onChange={(e) => set("toDate")(e.currentTarget.value)}
          w={140}
        />
        <Button type="submit">Apply</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setDraft({});
            onChange({});
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
