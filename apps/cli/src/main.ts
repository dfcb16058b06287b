import { Command, CommanderError } from "commander";
import { describeError } from "./api-client.js";
import { registerActivationsCreate } from "./commands/activations-create.js";
import { registerEmulate } from "./commands/emulate.js";
import { registerLogin } from "./commands/login.js";
import { registerLogout } from "./commands/logout.js";
import { registerRelay } from "./commands/relay.js";
import { registerSim } from "./commands/sim.js";
import { registerStart } from "./commands/start.js";
import { registerUsersCreate } from "./commands/users-create.js";
import { registerUsersImport } from "./commands/users-import.js";
import { registerUsersList } from "./commands/users-list.js";

const program = new Command()
  .name("meridian")
  .description("Meridian unified endpoint management: run it, and administer it over its API.")
  .version("0.1.0")
  .showHelpAfterError("(run meridian --help for usage)");

registerStart(program);
registerRelay(program);
registerSim(program);
registerEmulate(program);
registerLogin(program);
registerLogout(program);

const users = program.command("users").description("List, create and import users");
registerUsersList(users);
registerUsersCreate(users);
registerUsersImport(users);

const activations = program
  .command("activations")
  .description("Activation passwords with which users enrol their devices");
registerActivationsCreate(activations);

// A relay forked this process to hold push channels (MERIDIAN_PUSH_CHANNEL_WORKERS); the name is
// repeated here so that other commands need not load the relay to read it.
if (process.env.MERIDIAN_PUSH_CHANNEL_WORKER) {
  const { runPushChannelWorker } = await import("@meridian/relay");
  runPushChannelWorker();
} else {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    // Errors are shown in words the user can act on; a stack trace helps nobody at this prompt.
    process.stderr.write(`meridian: ${describeError(error)}\n`);
    process.exit(1);
  }
}
