import { Alert, Button, Card, FileButton, Group, Progress, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { usersFromCsv, type ImportRow } from "./csv";
import { ImportReport } from "./import-report";
import { runImport, type RowResult } from "./run-import";

export default function ImportUsersPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; rows: ImportRow[] } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [results, setResults] = useState<RowResult[]>([]);
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    setResults([]);
    setDone(0);
    setFailure(null);
    const parsed = usersFromCsv(await chosen.text());
    if ("error" in parsed) {
      setFile(null);
      setFileError(parsed.error);
    } else {
      setFileError(null);
      setFile({ name: chosen.name, rows: parsed.rows });
    }
  };

  const start = async () => {
    if (!file) return;
    abort.current = new AbortController();
    setRunning(true);
    setResults([]);
    setFailure(null);
    try {
      await runImport(
        file.rows,
        (batch, count) => {
          setResults((previous) => [...previous, ...batch]);
          setDone(count);
        },
        abort.current.signal,
      );
    } catch (error) {
      if (!abort.current.signal.aborted) setFailure(error);
    } finally {
      setRunning(false);
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    }
  };

  const total = file?.rows.length ?? 0;
  const created = results.filter((r) => r.status === "created").length;
  const failed = results.filter((r) => r.status === "failed");
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title="Import users"
        description="Create many users from a CSV file: a header line, then one user a line."
        actions={
          <Button variant="default" component={Link} to="/users">
            Back to users
          </Button>
        }
      />
      <Card withBorder>
        <Stack gap="sm">
          <Text size="sm">
            Columns: <b>email</b> (required), <b>displayName</b>, <b>givenName</b> (or first_name),{" "}
            <b>familyName</b> (or last_name). Rows that fail are listed below with the reason; the others are
            created.
          </Text>
          <Group>
            <FileButton onChange={(f) => void choose(f)} accept=".csv,text/csv">
              {(props) => (
                <Button variant="default" {...props} disabled={running}>
                  Choose a CSV file
                </Button>
              )}
            </FileButton>
            {file && (
              <Text size="sm" data-testid="import-file">
                {file.name}: {total.toLocaleString()} rows
              </Text>
            )}
            <Button onClick={() => void start()} disabled={!file || total === 0 || running} loading={running}>
              Import
            </Button>
            {running && (
              <Button variant="subtle" color="red" onClick={() => abort.current?.abort()}>
                Stop
              </Button>
            )}
          </Group>
          {fileError && (
            <Alert color="red" title="This file cannot be imported">
              {fileError}
            </Alert>
          )}
          {(running || done > 0) && (
            <Stack gap={4}>
              <Progress
                value={total ? (done / total) * 100 : 0}
                animated={running}
                aria-label="Import progress"
              />
              <Text size="sm" data-testid="import-progress">
                {done.toLocaleString()} of {total.toLocaleString()} rows sent · {created.toLocaleString()}{" "}
                created · {failed.length.toLocaleString()} failed
              </Text>
            </Stack>
          )}
          {failure !== null && <ErrorAlert error={failure} />}
        </Stack>
      </Card>
      {failed.length > 0 && <ImportReport failed={failed} />}
    </Stack>
  );
}
