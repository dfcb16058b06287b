import { Alert, Autocomplete, Button, Group, Select, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Device } from "../../api/types";
import { profilesQuery } from "../profiles/profiles-query";
import { generatePin, latestReportedProfiles, needsPin, type CommandInput } from "./command-payload";
import type { CommandChoice } from "./command-types";

/** The fields a command takes: a lock message, a Mac's PIN, a profile, a new name. */
export function CommandPayloadFields({
  choice,
  device,
  form,
}: {
  choice: CommandChoice;
  device: Device;
  form: UseFormReturnType<CommandInput>;
}) {
  return (
    <>
      {choice.type === "lock" && (
        <TextInput label="Message on the lock screen (optional)" {...form.getInputProps("message")} />
      )}
      {needsPin(choice, device.platform) && <PinField choice={choice} form={form} />}
      {choice.type === "install_profile" && <ProfileSelect form={form} />}
      {choice.type === "remove_profile" && <RemoveProfileField device={device} form={form} />}
      {choice.type === "set_device_name" && (
        <TextInput label="New name" placeholder={device.name} {...form.getInputProps("name")} />
      )}
    </>
  );
}

function PinField({ choice, form }: { choice: CommandChoice; form: UseFormReturnType<CommandInput> }) {
  const pin = form.values.pin;
  return (
    <>
      <Group align="flex-end" gap="xs">
        <TextInput
          label="PIN (six digits)"
          description={
            choice.type === "lock"
              ? "The Mac asks for it before it can be unlocked"
              : "The Mac asks for it once erased, before it can be set up again"
          }
          inputMode="numeric"
          maxLength={6}
          style={{ flex: 1 }}
          {...form.getInputProps("pin")}
        />
        <Button variant="default" onClick={() => form.setFieldValue("pin", generatePin())}>
          Generate
        </Button>
      </Group>
      {/^[0-9]{6}$/.test(pin) && (
        <Alert color="blue" variant="light" data-testid="mac-pin">
          <Text size="sm">
            Note this PIN and give it to the Mac&apos;s user: <b style={{ letterSpacing: 2 }}>{pin}</b>.
            Meridian shows it only here.
          </Text>
        </Alert>
      )}
    </>
  );
}

function ProfileSelect({ form }: { form: UseFormReturnType<CommandInput> }) {
  const profiles = useQuery(profilesQuery);
  return (
    <Select
      label="Profile"
      placeholder={profiles.isPending ? "Loading…" : "Choose a stored profile"}
      searchable
      nothingFoundMessage="No profile stored: upload one on the Profiles page"
      error={profiles.isError ? "The profiles could not be read." : undefined}
      data={(profiles.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.identifier})` }))}
      {...form.getInputProps("profileId")}
    />
  );
}

/** The profiles the device said it has, from its last acknowledged commands (newest first). */
async function reportedProfiles(deviceId: string) {
  const page = await unwrap(
    api.GET("/api/v1/devices/{id}/commands", {
      params: { path: { id: deviceId }, query: { state: "acknowledged", limit: 100 } },
    }),
  );
  return latestReportedProfiles(page.items);
}

/**
 * Which profile to remove: offered from what the device last reported and from the stored ones, or
 * typed (a profile installed by other means is removed by its identifier all the same).
 */
function RemoveProfileField({ device, form }: { device: Device; form: UseFormReturnType<CommandInput> }) {
  const reported = useQuery({
    queryKey: ["devices", device.id, "reported-profiles"],
    queryFn: () => reportedProfiles(device.id),
  });
  const stored = useQuery(profilesQuery);
  const options = new Map<string, string>();
  for (const p of reported.data ?? [])
    options.set(p.identifier, `${p.displayName ?? p.identifier} (${p.identifier}) on the device`);
  for (const p of stored.data?.items ?? [])
    if (!options.has(p.identifier)) options.set(p.identifier, `${p.name} (${p.identifier}) stored`);
  return (
    <Autocomplete
      label="Identifier of the installed profile"
      description={
        reported.data
          ? "What the device last reported, and the stored profiles; or type a PayloadIdentifier"
          : "The stored profiles, or type a PayloadIdentifier. Refresh inventory (profiles) to list the device's own."
      }
      placeholder="com.example.wifi"
      // The option sets the identifier itself; the list shows what each one is.
      data={[...options.keys()]}
      renderOption={({ option }) => <Text size="sm">{options.get(option.value) ?? option.value}</Text>}
      {...form.getInputProps("identifier")}
    />
  );
}
