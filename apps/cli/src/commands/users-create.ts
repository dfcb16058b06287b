import type { Command } from "commander";
import { connect, withConnectionOptions, type ConnectionOptions } from "../connection.js";
import { printable } from "../printable.js";
import type { User } from "../users.js";

interface CreateOptions extends ConnectionOptions {
  email: string;
  givenName?: string;
  familyName?: string;
  displayName?: string;
  json?: boolean;
}

export function registerUsersCreate(users: Command): void {
  withConnectionOptions(
    users
      .command("create")
      .description("Create a local user")
      .requiredOption("--email <email>", "the user's email address")
      .option("--given-name <name>", "first name")
      .option("--family-name <name>", "last name")
      .option("--display-name <name>", "name shown in lists (default: given and family name)")
      .option("--json", "print the created user as JSON"),
  ).action(async (options: CreateOptions) => {
    const api = await connect(options);
    const user = await api.post<User>("/api/v1/users", {
      email: options.email,
      givenName: options.givenName,
      familyName: options.familyName,
      displayName: options.displayName,
    });
    if (options.json) process.stdout.write(`${JSON.stringify(user, null, 2)}\n`);
    else
      process.stdout.write(`${printable(`Created ${user.email} (${user.displayName}), id ${user.id}.`)}\n`);
  });
}
