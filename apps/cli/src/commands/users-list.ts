import type { Command } from "commander";
import { positiveInteger } from "../arguments.js";
import { printable } from "../printable.js";
import { connect, withConnectionOptions, type ConnectionOptions } from "../connection.js";
import { listUsers, type User } from "../users.js";

interface ListOptions extends ConnectionOptions {
  search?: string;
  limit: number;
  all?: boolean;
  json?: boolean;
}

function table(users: User[]): string {
  const rows = [
    ["EMAIL", "DISPLAY NAME", "SOURCE", "ID"],
    ...users.map((u) => [u.email, u.displayName, u.source, u.id].map(printable)),
  ];
  const widths = [0, 1, 2].map((column) => Math.min(60, Math.max(...rows.map((row) => row[column]!.length))));
  return (
    rows
      .map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join("  "))
      .join("\n") + "\n"
  );
}

export function registerUsersList(users: Command): void {
  withConnectionOptions(
    users
      .command("list")
      .description("List users, sorted by email")
      .option("--search <text>", "only users whose email or name contains this text")
      .option("--limit <n>", "show at most this many users", positiveInteger, 50)
      .option("--all", "show every matching user, however many")
      .option("--json", "print the users as a JSON array"),
  ).action(async (options: ListOptions) => {
    const api = await connect(options);
    const found: User[] = [];
    let more = false;
    for await (const page of listUsers(api, {
      text: options.search,
      max: options.all ? undefined : options.limit,
    })) {
      found.push(...page.items);
      more = page.nextCursor !== undefined;
    }
    if (options.json) process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
    else if (found.length === 0)
      process.stdout.write(options.search ? `No user matches "${options.search}".\n` : "No users yet.\n");
    else process.stdout.write(table(found));
    if (more)
      process.stderr.write(
        `Showing the first ${found.length}; there are more (use --all or a larger --limit).\n`,
      );
  });
}
