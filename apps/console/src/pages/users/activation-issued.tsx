import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
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
            // The API does not tell the console the tenant's device host, so no address is made up here.
            <Text size="xs" c="dimmed" data-testid="apple-enrollment">
              On an iPhone, iPad or Mac: open the enrollment page of your organisation in Safari, enter this
              address and password, then install the profile the device downloads in Settings.
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
