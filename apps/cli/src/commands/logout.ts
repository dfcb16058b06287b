import type { Command } from "commander";
import { ApiError, createApiClient, describeError } from "../api-client.js";
import { credentialsPath, deleteCredentials, readCredentials } from "../credentials.js";

export function registerLogout(program: Command): void {
  program
    .command("logout")
    .description("End the stored session on the server and forget it here")
    .action(async () => {
      const path = credentialsPath();
      const stored = await readCredentials(path);
      if (!stored) {
        process.stdout.write("Not signed in.\n");
        return;
      }
      let note = "";
      try {
        await createApiClient(stored.server, stored.token).post("/api/v1/auth/logout");
      } catch (error) {
        // The local copy goes in any case; say so when the server could not end the session itself.
        if (!(error instanceof ApiError && error.status === 401)) {
          note = ` here only: the server did not end the session (${describeError(error)}); it stays valid there until it expires`;
        }
      }
      await deleteCredentials(path);
      process.stdout.write(`Signed out of ${stored.server}${note}.\n`);
    });
}
