import { Button, Card, FileButton, Stack, Text } from "@mantine/core";

/** Where the APNs certificate will be uploaded; the server does not accept one yet. */
export function PushCertificateSection() {
  return (
    <Card withBorder data-testid="push-certificates">
      <Stack gap="sm">
        <Text fw={600}>Apple push certificate (APNs)</Text>
        <Text size="sm">
          Apple devices enrolled through Apple MDM are woken with your organisation&apos;s MDM push
          certificate. Uploading it here, and a warning on the dashboard before it expires, arrive with Apple
          MDM support.
        </Text>
        <Text size="sm" c="dimmed">
          Until then, Meridian agent devices are woken through the relay&apos;s own push channel and need no
          certificate.
        </Text>
        <FileButton onChange={() => undefined} accept=".pem,.p12">
          {(props) => (
            <Button {...props} variant="default" w="fit-content" disabled>
              Upload certificate (not available yet)
            </Button>
          )}
        </FileButton>
      </Stack>
    </Card>
  );
}
