import { Alert, Button, Stack, Text } from "@mantine/core";
import { ApiError, describeError } from "../api/problem";
import { ForbiddenPage } from "./forbidden-page";

/** An API error in words; a refusal by role becomes the missing-permission page when `page` is set. */
export function ErrorAlert({
  error,
  retry,
  page = false,
}: {
  error: unknown;
  retry?: () => void;
  page?: boolean;
}) {
  if (page && error instanceof ApiError && error.status === 403)
    return <ForbiddenPage permission={error.missingPermission} />;
  const { title, message } = describeError(error);
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {retry && (
          <Button size="xs" variant="white" color="red" w="fit-content" onClick={retry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
