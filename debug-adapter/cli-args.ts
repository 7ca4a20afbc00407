// Command-line parsing for `forkscope`, kept apart from the CLI's side effects so it can be unit-tested.
//
//   forkscope run FILE [--max-steps N] [--stdio tty|pipe] [-- ARGS...]
//   forkscope --help | --version

export type StdioMode = 'tty' | 'pipe';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'run';
      /** The C file exactly as the user typed it (it becomes argv[0]). */
      file: string;
      /** Arguments after `--`, passed to the program as argv[1..]. */
      programArgs: string[];
      maxSteps: number | undefined;
      /** Undefined: let the CLI decide from whether its own stdout is a terminal. */
      stdio: StdioMode | undefined;
    };

/** A mistake on the command line; the CLI prints the message with the usage hint and exits 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: forkscope run FILE [options] [-- ARGS...]

Run the C program FILE on Forkscope's simulated Linux kernel.
ARGS after -- are passed to the program (argv[1], argv[2], ...).

Options:
  --max-steps N      stop the program after N VM steps (exit status 124)
  --stdio tty|pipe   make the program's stdout a terminal (line buffered) or a
                     pipe (fully buffered); default: what forkscope's stdout is
  -h, --help         show this help
  -V, --version      show the version
`;

export function parseCliArgs(args: readonly string[]): CliCommand {
  if (args.length === 0) throw new UsageError('missing command');
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command === '--version' || command === '-V') return { kind: 'version' };
  if (command !== 'run') throw new UsageError(`unknown command '${command}'`);
  return parseRunArgs(rest);
}

function parseRunArgs(args: readonly string[]): CliCommand {
  let file: string | undefined;
  let maxSteps: number | undefined;
  let stdio: StdioMode | undefined;
  let programArgs: string[] = [];

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      programArgs = args.slice(i + 1);
      break;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--version' || arg === '-V') return { kind: 'version' };

    const option = splitOption(arg);
    if (option) {
      // The value is either attached (--max-steps=5) or the next argument (--max-steps 5).
      const takeValue = (): string => {
        if (option.value !== undefined) return option.value;
        const next = args[i + 1];
        if (next === undefined) throw new UsageError(`option '${option.name}' needs a value`);
        i++;
        return next;
      };
      switch (option.name) {
        case '--max-steps':
          maxSteps = parseStepCount(takeValue());
          break;
        case '--stdio':
          stdio = parseStdioMode(takeValue());
          break;
        default:
          throw new UsageError(`unknown option '${option.name}'`);
      }
      continue;
    }

    if (file !== undefined) {
      throw new UsageError(`unexpected argument '${arg}' (put the program's arguments after --)`);
    }
    file = arg;
  }

  if (file === undefined) throw new UsageError('missing FILE to run');
  return { kind: 'run', file, programArgs, maxSteps, stdio };
}

/** `--name=value` → name and value; `--name` or `-x` → name alone; anything else (including `-`) → undefined. */
function splitOption(arg: string): { name: string; value: string | undefined } | undefined {
  if (arg.length < 2 || !arg.startsWith('-')) return undefined;
  const eq = arg.indexOf('=');
  if (arg.startsWith('--') && eq > 0) return { name: arg.slice(0, eq), value: arg.slice(eq + 1) };
  return { name: arg, value: undefined };
}

function parseStepCount(text: string): number {
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`--max-steps needs a positive whole number, not '${text}'`);
  const n = Number(text);
  if (n === 0 || !Number.isSafeInteger(n)) {
    throw new UsageError(`--max-steps needs a positive whole number, not '${text}'`);
  }
  return n;
}

function parseStdioMode(text: string): StdioMode {
  if (text === 'tty' || text === 'pipe') return text;
  throw new UsageError(`--stdio must be 'tty' or 'pipe', not '${text}'`);
}
