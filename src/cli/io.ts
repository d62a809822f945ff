/**
 * The CLI's view of the outside world, injected so every command is testable without a terminal:
 * standard streams and file access. Commands never call process.exit; they return an exit code.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly writeFile: (path: string, bytes: Uint8Array | string) => Promise<void>;
  /** Today's date, YYYY-MM-DD; injected so reports and scores are reproducible. */
  readonly today: () => string;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Reads a file the user named; a failure says which file and why ("x.pdf: cannot be read (ENOENT)"). */
export async function readInput(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}

/** Error for bad command-line usage: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, bytes) => writeFile(path, bytes),
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/**
 * Minimal flag parser: `--name value`, `--name=value`, boolean `--flag`, repeated flags collected,
 * and positionals. Unknown flags are a usage error, so typos never pass silently.
 */
export function parseArgs(args: readonly string[], spec: { readonly values?: readonly string[]; readonly booleans?: readonly string[]; readonly short?: Readonly<Record<string, string>> }) {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    let arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (spec.short?.[arg]) arg = `--${spec.short[arg]}`;
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.booleans?.includes(name)) {
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return {
    positionals,
    flag: (name: string) => flags.has(name),
    value: (name: string) => values.get(name)?.at(-1),
    all: (name: string) => values.get(name) ?? [],
  };
}
