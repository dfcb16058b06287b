import { Button, Group, SegmentedControl, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import { ErrorAlert } from "../../components/error-alert";

/** Adds a user (by exact email) or a group (by exact name) as a direct member. */
export function AddMemberForm({ groupId }: { groupId: string }) {
  const queryClient = useQueryClient();
  const [type, setType] = useState<"user" | "group">("user");
  const [value, setValue] = useState("");
  const add = useMutation({
    mutationFn: async () => {
      const wanted = value.trim();
      let id: string | undefined;
      if (type === "user") {
        id = (await unwrap(api.GET("/api/v1/users", { params: { query: { email: wanted, limit: 1 } } })))
          .items[0]?.id;
      } else {
        const found = await unwrap(
          api.GET("/api/v1/groups", { params: { query: { q: wanted, limit: 50 } } }),
        );
        id = found.items.find((g) => g.name.toLowerCase() === wanted.toLowerCase())?.id;
      }
      if (!id)
        throw new ApiError(404, {
          detail: type === "user" ? `No user has the email ${wanted}.` : `No group is called ${wanted}.`,
        });
      return unwrap(
        api.POST("/api/v1/groups/{id}/members", { params: { path: { id: groupId } }, body: { type, id } }),
      );
    },
    onSuccess: async () => {
      setValue("");
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) add.mutate();
      }}
    >
      <Group gap="xs" mt="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={type}
          onChange={(v) => setType(v as "user" | "group")}
          data={[
            { value: "user", label: "User" },
            { value: "group", label: "Group" },
          ]}
        />
        <TextInput
          size="xs"
          placeholder={type === "user" ? "jane@example.com" : "Group name"}
          aria-label={type === "user" ? "User's email" : "Group name"}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 180 }}
        />
        <Button size="xs" type="submit" loading={add.isPending}>
          Add member
        </Button>
      </Group>
      {add.isError && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={add.error} />
        </div>
      )}
    </form>
  );
}
