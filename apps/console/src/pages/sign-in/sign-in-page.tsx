import { Alert, Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Navigate, useLocation } from "react-router";
import { api, unwrap } from "../../api/client";
import { describeError } from "../../api/problem";
import { sessionEndReason, startSession, useSession } from "../../api/session";

export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/dashboard";
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (v.trim().length >= 3 ? null : "Enter your email address"),
      password: (v) => (v.length > 0 ? null : "Enter your password"),
    },
  });
  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      unwrap(
        api.POST("/api/v1/auth/login", { body: { email: values.email.trim(), password: values.password } }),
      ),
    onSuccess: (result) =>
      startSession({
        token: result.token,
        expiresAt: result.expiresAt,
        email: result.administrator.email,
        displayName: result.administrator.displayName,
      }),
  });
  if (session) return <Navigate to={from} replace />;
  const ended = sessionEndReason();
  const failure = signIn.error ? describeError(signIn.error) : null;
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Card withBorder shadow="sm" padding="xl" w={400} maw="100%">
        <form onSubmit={form.onSubmit((values) => signIn.mutate(values))}>
          <Stack>
            <div>
              <Title order={2}>Meridian</Title>
              <Text c="dimmed" size="sm">
                Sign in to manage your organisation&apos;s devices.
              </Text>
            </div>
            {ended && !failure && (
              <Alert color="blue" variant="light" data-testid="session-ended">
                {ended}
              </Alert>
            )}
            {failure && (
              <Alert color="red" variant="light" title={failure.title} role="alert">
                {failure.message}
              </Alert>
            )}
            <TextInput label="Email" autoComplete="username" autoFocus {...form.getInputProps("email")} />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
