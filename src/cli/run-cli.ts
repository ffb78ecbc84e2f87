import { parseArgs } from 'node:util';
import { loadStoreConfig } from '../config.js';
import { CliError } from './cli-error.js';
import { type Io, runExport, runImport, runMigrate } from './commands.js';
import { runMoveToWorkspace } from './move-to-workspace.js';

export const USAGE = `Usage: rapport <command>

Commands:
  export [--workspace T…]      write the data to standard output as JSON Lines (one document a line);
                               --workspace (repeatable) keeps only those installed workspaces' data
  import                       read such an export from standard input into an empty store
  migrate --to <MONGODB_URI>   copy an embedded deployment (DATA_DIR) into an empty MongoDB database
  move-to-workspace --team T…  move a single-token deployment's data into that team's collections,
                               before switching to distribution (a second run is refused)

The store is Rapport's own: MONGODB_URI, or DATA_DIR when that is empty (from the environment, then
.env). On the embedded store, stop Rapport first: the data folder serves one process at a time.
`;

const OPTIONS = {
  export: { workspace: { type: 'string', multiple: true } },
  import: {},
  migrate: { to: { type: 'string' } },
  'move-to-workspace': { team: { type: 'string' } },
} as const;

const isCommand = (name: string | undefined): name is keyof typeof OPTIONS =>
  name !== undefined && Object.hasOwn(OPTIONS, name);

/** Runs one command; resolves to the process's exit code (0 done, 1 refused or failed, 2 wrong usage). */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  try {
    if (!isCommand(command)) {
      throw new CliError(command === undefined ? 'a command is needed' : `unknown command: ${command}`, 2);
    }
    const { values } = parseOrRefuse(rest, OPTIONS[command]);
    const settings = loadStoreConfig(env);
    if (!settings.ok) throw new CliError(`fix these settings:\n  ${settings.problems.join('\n  ')}`);
    if (command === 'export') await runExport(settings.store, values.workspace ?? [], io);
    else if (command === 'import') await runImport(settings.store, io);
    else if (command === 'migrate') await runMigrate(settings.store, values.to ?? '', io);
    else await runMoveToWorkspace(settings.store, values.team ?? '', io);
    return 0;
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    io.stderr(`rapport: ${(error as Error).message}\n`);
    if (exitCode === 2) io.stderr(`\n${USAGE}`);
    return exitCode;
  }
}

type Options = (typeof OPTIONS)[keyof typeof OPTIONS];

function parseOrRefuse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }) as {
      values: { workspace?: string[]; to?: string; team?: string };
    };
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}
