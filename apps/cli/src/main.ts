import { Command, CommanderError } from "commander";
import { registerStart } from "./commands/start.js";

const program = new Command()
  .name("meridian")
  .description("Meridian unified endpoint management: run it, and administer it over its API.")
  .version("0.1.0")
  .showHelpAfterError("(run meridian --help for usage)");

registerStart(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.stderr.write(`meridian: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
