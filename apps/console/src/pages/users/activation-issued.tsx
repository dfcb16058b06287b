import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import type { IssuedActivation } from "../../api/types";
import { formatDateTime } from "../../components/format";

/** The new activation's password and QR code: shown once, ready to hand to the user. */
export function ActivationIssued({
  issued,
  userEmail,
  onClose,
}: {
  issued: IssuedActivation;
  userEmail: string;
  onClose: () => void;
}) {
  const [qr, setQr] = useState<string | null>(null);
  const canReadRelay = useCan("settings:read");
  // The relay status names the enrollment page; without settings:read the console says where to look.
  const enrollmentUrl = useQuery({
    queryKey: ["relay"],
    queryFn: () => unwrap(api.GET("/api/v1/relay")),
    enabled: canReadRelay,
  }).data?.appleEnrollmentUrl;
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(issued.qrPayload, { errorCorrectionLevel: "M", margin: 2, width: 220 })
      .then((url) => current && setQr(url))
      .catch(() => current && setQr(issued.qr));
    return () => {
      current = false;
    };
  }, [issued]);
  return (
    <Alert color="green" variant="light" title="Activation created" mb="md" withCloseButton onClose={onClose}>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
          <Text size="sm">
            Give <b>{userEmail}</b> this password, or let them scan the code with the Meridian app. It is
            shown only now and works until {formatDateTime(issued.expiresAt)}.
          </Text>
          <Group gap="xs">
            <Code fz="xl" px="md" py={6} data-testid="activation-password">
              {issued.password}
            </Code>
            <CopyButton value={issued.password}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            Address to enter on the device: {userEmail}
          </Text>
          {issued.activation.platforms.some((p) => p === "ios" || p === "macos") && (
            <Text size="xs" c="dimmed" data-testid="apple-enrollment">
              On an iPhone, iPad or Mac: open{" "}
              {enrollmentUrl ? <b>{enrollmentUrl}</b> : "the enrollment page of your organisation"} in Safari,
              enter this address and password, then install the profile the device downloads in Settings.
            </Text>
          )}
        </Stack>
        {qr && (
          <img
            src={qr}
            width={180}
            height={180}
            alt={`QR code that activates a device for ${userEmail}`}
            data-testid="activation-qr"
            style={{ background: "white", borderRadius: 8 }}
          />
        )}
      </Group>
    </Alert>
  );
}
