import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";

/**
 * Apple devices enrolled with one push topic answer pushes on that topic only: a certificate for
 * another topic cuts every one of them off until it enrols again. The relay refuses such an upload
 * until it is confirmed; this asks, quoting the relay.
 */
export function TopicChangeModal({
  relayMessage,
  saving,
  onConfirm,
  onCancel,
}: {
  relayMessage: string | null;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened={relayMessage !== null} onClose={onCancel} title="Change the APNs push topic?">
      <Stack>
        <Alert color="red" variant="light" title="The relay says">
          {relayMessage}
        </Alert>
        <Text size="sm">
          Every enrolled iPhone, iPad and Mac will stop receiving commands, and each must enrol again before
          Meridian can manage it. Renewing a certificate keeps its topic: if you meant to renew, cancel and
          renew the existing certificate with Apple instead.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red" loading={saving} onClick={onConfirm}>
            Change the topic
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
