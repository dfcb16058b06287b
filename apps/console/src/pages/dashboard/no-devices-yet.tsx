import { Button } from "@mantine/core";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state";

export function NoDevicesYet() {
  return (
    <EmptyState
      title="No devices yet"
      action={
        <Button component={Link} to="/users" variant="light">
          Go to users
        </Button>
      }
    >
      Devices appear here once they activate. Create a user, give them an activation password (it comes with a
      QR code), and have them activate their phone or computer with it.
    </EmptyState>
  );
}
