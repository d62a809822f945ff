/**
 * The subtier command: a second shell over the same pure core as the app. Dispatches to the
 * registered commands, prints help and version, and turns failures into exit codes (1 for a
 * failed check or error, 2 for bad usage) with a message that names the file and the problem.
 */
import { COMMANDS } from './commands/index';
import { UsageError, nodeIo } from './io';
import type { CliIo } from './io';
import { APP_VERSION } from '../core/version';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `subtier ${APP_VERSION}: offline due diligence on DPRK overseas labour in contractor chains`,
    '',
    'Usage: subtier <command> [options]',
    '',
    'Commands:',
    ...(lines.length ? lines : ['  (none yet)']),
    '',
    'Options:',
    '  --help, -h     show this help, or a command\'s help after its name',
    '  --version, -v  print the version',
    '',
    'Subtier never uses the network. Exit codes: 0 ok, 1 a check failed or an error, 2 bad usage.',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(help());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${APP_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr(`subtier: unknown command '${first}'. Run 'subtier --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`subtier ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`subtier ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
