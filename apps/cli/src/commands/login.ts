import { Option, type Command } from "commander";
import { read } from "read";
import { createApiClient } from "../api-client.js";
import { UsageError, normaliseServerUrl } from "../connection.js";
import { credentialsPath, writeCredentials } from "../credentials.js";

interface LoginOptions {
  server?: string;
  email: string;
  password?: string;
  tenant?: string;
}

interface LoginResponse {
  token: string;
  expiresAt: number;
  administrator: { email: string; displayName: string; roleId: string };
}

async function passwordFrom(options: LoginOptions): Promise<string> {
  if (options.password) return options.password;
  if (!process.stdin.isTTY)
    throw new UsageError(
      "No password: pass --password, set MERIDIAN_PASSWORD, or run meridian login in a terminal.",
    );
  const password = await read({
    prompt: `Password for ${options.email}: `,
    silent: true,
    replace: "",
    output: process.stderr,
  });
  process.stderr.write("\n");
  return password;
}

export function registerLogin(program: Command): void {
  program
    .command("login")
    .description("Sign in to a Meridian server and remember the session for the other commands")
    .addOption(
      new Option("--server <url>", "Meridian server, e.g. https://mdm.example.com")
        .env("MERIDIAN_SERVER")
        .makeOptionMandatory(),
    )
    .requiredOption("--email <email>", "administrator email")
    .addOption(
      new Option(
        "--password <password>",
        "password (else MERIDIAN_PASSWORD, else asked for without echo)",
      ).env("MERIDIAN_PASSWORD"),
    )
    .option("--tenant <slug>", "tenant, when the email administers several")
    .action(async (options: LoginOptions & { server: string }) => {
      const server = normaliseServerUrl(options.server);
      const password = await passwordFrom(options);
      const api = createApiClient(server);
      const session = await api.post<LoginResponse>("/api/v1/auth/login", {
        email: options.email,
        password,
        ...(options.tenant ? { tenant: options.tenant } : {}),
      });
      const path = credentialsPath();
      await writeCredentials({ server, token: session.token, expiresAt: session.expiresAt }, path);
      process.stdout.write(
        `Signed in to ${server} as ${session.administrator.email} (${session.administrator.roleId}).\n` +
          `Session valid until ${new Date(session.expiresAt).toLocaleString()}; saved in ${path}.\n`,
      );
    });
}
