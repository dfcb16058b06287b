import {
  Button,
  Card,
  FileButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import { ErrorAlert } from "../../components/error-alert";
import { readFileAsBase64 } from "../../components/read-file-base64";
import { pushCredentialsQuery } from "../dashboard/warnings";
import { TopicChangeModal } from "./topic-change-modal";

export type Service = "fcm" | "apns" | "wns";

const SERVICE_LABELS = [
  { value: "fcm", label: "FCM (Android)" },
  { value: "apns", label: "APNs (Apple)" },
  { value: "wns", label: "WNS (Windows)" },
] as const;

/**
 * Upload one service's credentials; the relay checks them and says in words what is wrong. `services`
 * are those this administrator may change: every one for the operator's, the organisation's own APNs
 * certificate for another tenant's.
 */
export function PushCredentialsForm({ services }: { services: readonly Service[] }) {
  const client = useQueryClient();
  const [service, setService] = useState<Service>(services[0] ?? "apns");
  const [topicChange, setTopicChange] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const set = (key: string) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setFields({ ...fields, [key]: event.currentTarget.value });
  const readFile = (key: string) => (file: File | null) => {
    if (file) void file.text().then((text) => setFields((current) => ({ ...current, [key]: text })));
  };
  const readBase64 = (key: string) => (file: File | null) => {
    if (file)
      void readFileAsBase64(file).then((text) => setFields((current) => ({ ...current, [key]: text })));
  };
  const save = useMutation({
    mutationFn: ({ confirmTopicChange }: { confirmTopicChange: boolean }) => {
      const body = { ...bodyFor(service, fields), ...(confirmTopicChange ? { confirmTopicChange } : {}) };
      return unwrap(api.PUT("/api/v1/push/credentials/{service}", { params: { path: { service } }, body }));
    },
    // The relay refuses a certificate for another topic until the administrator confirms the change.
    onError: (error) =>
      setTopicChange(
        error instanceof ApiError && error.code === "topic_change_unconfirmed" ? error.message : null,
      ),
    onSuccess: (saved) => {
      setTopicChange(null);
      setFields({});
      void client.invalidateQueries({ queryKey: pushCredentialsQuery.queryKey });
      notifications.show({
        color: "green",
        message: `${saved.service.toUpperCase()} credentials saved for ${saved.identity}.`,
      });
    },
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Text fw={600}>
          {services.length > 1 ? "Upload credentials" : "Upload your APNs push certificate"}
        </Text>
        {services.length > 1 && (
          <SegmentedControl
            value={service}
            onChange={(value) => {
              setService(value as Service);
              setFields({});
            }}
            data={SERVICE_LABELS.filter((s) => services.includes(s.value))}
            w="fit-content"
          />
        )}
        {service === "fcm" && (
          <>
            <Text size="sm" c="dimmed">
              The service account key file (JSON) of your Firebase project, from the Google Cloud console.
            </Text>
            <Group>
              <FileButton onChange={readFile("serviceAccount")} accept="application/json,.json">
                {(props) => (
                  <Button {...props} variant="default">
                    Choose key file
                  </Button>
                )}
              </FileButton>
              {fields.serviceAccount && <Text size="sm">Key file read.</Text>}
            </Group>
            <Textarea
              label="…or paste it"
              autosize
              minRows={3}
              maxRows={8}
              value={fields.serviceAccount ?? ""}
              onChange={set("serviceAccount")}
            />
          </>
        )}
        {service === "apns" && (
          <>
            <SegmentedControl
              size="xs"
              value={fields.apnsAuth ?? "token"}
              onChange={(value) => setFields({ apnsAuth: value })}
              data={[
                { value: "token", label: "Signing key (.p8)" },
                { value: "certificate", label: "Push certificate (.p12)" },
              ]}
              w="fit-content"
            />
            {(fields.apnsAuth ?? "token") === "token" ? (
              <>
                <Text size="sm" c="dimmed">
                  A token-signing key (.p8) from your Apple developer account, with its key ID, your team ID
                  and the app&apos;s bundle ID.
                </Text>
                <Group grow>
                  <TextInput label="Key ID" value={fields.keyId ?? ""} onChange={set("keyId")} />
                  <TextInput label="Team ID" value={fields.teamId ?? ""} onChange={set("teamId")} />
                  <TextInput label="Topic (bundle ID)" value={fields.topic ?? ""} onChange={set("topic")} />
                </Group>
                <FileButton onChange={readFile("privateKey")} accept=".p8">
                  {(props) => (
                    <Button {...props} variant="default" w="fit-content">
                      {fields.privateKey ? "Key read" : "Choose .p8 key"}
                    </Button>
                  )}
                </FileButton>
              </>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  The push certificate Apple issued, exported with its private key as a .p12 file. Its topic
                  is read from the certificate, and its end date is shown here once saved: renew it before
                  then, keeping the same topic.
                </Text>
                <Group align="end">
                  <FileButton onChange={readBase64("pfxBase64")} accept=".p12,.pfx,application/x-pkcs12">
                    {(props) => (
                      <Button {...props} variant="default">
                        {fields.pfxBase64 ? "Certificate read" : "Choose .p12 file"}
                      </Button>
                    )}
                  </FileButton>
                  <TextInput
                    label="Its password"
                    type="password"
                    value={fields.passphrase ?? ""}
                    onChange={set("passphrase")}
                  />
                </Group>
              </>
            )}
          </>
        )}
        {service === "wns" && (
          <Group grow>
            <TextInput
              label="Client ID (Package SID)"
              value={fields.clientId ?? ""}
              onChange={set("clientId")}
            />
            <TextInput
              label="Client secret"
              type="password"
              value={fields.clientSecret ?? ""}
              onChange={set("clientSecret")}
            />
          </Group>
        )}
        {save.isError && !topicChange && <ErrorAlert error={save.error} />}
        <Button
          w="fit-content"
          onClick={() => save.mutate({ confirmTopicChange: false })}
          loading={save.isPending && !topicChange}
        >
          Save at the relay
        </Button>
        <TopicChangeModal
          relayMessage={topicChange}
          saving={save.isPending}
          onConfirm={() => save.mutate({ confirmTopicChange: true })}
          onCancel={() => {
            setTopicChange(null);
            save.reset();
          }}
        />
      </Stack>
    </Card>
  );
}

function bodyFor(service: Service, fields: Record<string, string>): Record<string, unknown> {
  if (service === "fcm") {
    let serviceAccount: unknown;
    try {
      serviceAccount = JSON.parse(fields.serviceAccount ?? "");
    } catch {
      throw new Error("The service account key must be the JSON file Google gave you.");
    }
    return { serviceAccount };
  }
  if (service === "apns" && fields.apnsAuth === "certificate") {
    if (!fields.pfxBase64) throw new Error("Choose the push certificate's .p12 file first.");
    return {
      certificate: {
        pfxBase64: fields.pfxBase64,
        ...(fields.passphrase ? { passphrase: fields.passphrase } : {}),
      },
    };
  }
  if (service === "apns")
    return {
      token: { keyId: fields.keyId ?? "", teamId: fields.teamId ?? "", privateKey: fields.privateKey ?? "" },
      topic: fields.topic ?? "",
    };
  return { clientId: fields.clientId ?? "", clientSecret: fields.clientSecret ?? "" };
}
