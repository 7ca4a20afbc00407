// Command-line parsing for `forkscope`, kept apart from the CLI's side effects so it can be unit-tested.
//
//   forkscope run FILE [--max-steps N] [--stdio tty|pipe] [--tree] [--ps] [--trace] [--dmesg] [--mem]
//                      [--pid-max N] [--sched cfs|fifo|random] [--seed N] [--cpus N]
//                      [--rmmod-after SECONDS] [-- ARGS...]
//   forkscope --help | --version

export type StdioMode = 'tty' | 'pipe';
export type SchedPolicyName = 'cfs' | 'fifo' | 'random';

/** Linux's limits for /proc/sys/kernel/pid_max: above RESERVED_PIDS (300), at most PID_MAX_LIMIT. */
const PID_MAX_MIN = 301;
const PID_MAX_MAX = 4 * 1024 * 1024;
/** How many CPUs the simulated machine may have (a kernel cpumask is one 64-bit word). */
const CPUS_MAX = 64;

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
      /** Print the process tree (pstree -p) on stderr as the program exits. */
      tree: boolean;
      /** Print the process list (ps -eo pid,ppid,stat,comm) on stderr as the program exits. */
      ps: boolean;
      /** Print every system call (strace -f) on stderr. */
      trace: boolean;
      /** Print the kernel log on stderr at the end. */
      dmesg: boolean;
      /** Print each of the program's processes' memory counters on stderr at the end. */
      mem: boolean;
      pidMax: number | undefined;
      sched: SchedPolicyName | undefined;
      seed: number | undefined;
      cpus: number;
      /** For a kernel module: rmmod it this many virtual seconds after its init returned. */
      rmmodAfter: number | undefined;
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
  --tree             when the program exits, print the process tree on stderr
                     (pstree -p's format; zombies marked <zombie>)
  --ps               when the program exits, print every process on stderr as
                     ps -eo pid,ppid,stat,comm does (Z zombie, S sleeping ...)
  --trace            print every system call of the program and its children on
                     stderr (strace -f's format)
  --dmesg            print the kernel log on stderr at the end
  --mem              at the end, print each process's memory on stderr, in 4 KiB
                     pages: resident, shared, private, copy-on-write faults
  --pid-max N        the kernel's pid_max (301..4194304; default 32768)
  --sched POLICY     the scheduler: cfs (smallest virtual runtime first, weighted
                     by nice: Linux's default, and Forkscope's), fifo (round
                     robin) or random (a random runnable task each time; see
                     --seed)
  --seed N           the seed of --sched random and of the kernel's random
                     numbers (getrandom) (default 1): same seed, same run
  --cpus N           the number of CPUs (1..64, default 1); they take turns
                     deterministically, so the same options give the same run
  --rmmod-after S    for a kernel module: remove it S virtual seconds (a decimal
                     number) after its init returned; by default it is removed
                     once only its kernel threads are left
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
  let tree = false;
  let ps = false;
  let trace = false;
  let dmesg = false;
  let mem = false;
  let pidMax: number | undefined;
  let sched: SchedPolicyName | undefined;
  let seed: number | undefined;
  let cpus = 1;
  let rmmodAfter: number | undefined;

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
        case '--tree':
        case '--ps':
        case '--trace':
        case '--dmesg':
        case '--mem':
          if (option.value !== undefined) throw new UsageError(`option '${option.name}' takes no value`);
          if (option.name === '--tree') tree = true;
          else if (option.name === '--ps') ps = true;
          else if (option.name === '--trace') trace = true;
          else if (option.name === '--mem') mem = true;
          else dmesg = true;
          break;
        case '--pid-max':
          pidMax = parseWholeNumber(option.name, takeValue(), PID_MAX_MIN, PID_MAX_MAX);
          break;
        case '--sched':
          sched = parseSchedPolicy(takeValue());
          break;
        case '--seed':
          seed = parseWholeNumber(option.name, takeValue(), 0, 0xffffffff);
          break;
        case '--cpus':
          cpus = parseWholeNumber(option.name, takeValue(), 1, CPUS_MAX);
          break;
        case '--rmmod-after':
          rmmodAfter = parseSeconds(option.name, takeValue());
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
  return { kind: 'run', file, programArgs, maxSteps, stdio, tree, ps, trace, dmesg, mem, pidMax, sched, seed, cpus, rmmodAfter };
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

/** A whole number in [min, max] (decimal digits only), for the option `name`. */
function parseWholeNumber(name: string, text: string, min: number, max: number): number {
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${name} needs a whole number from ${min} to ${max}, not '${text}'`);
  return n;
}

/** A duration in seconds: a decimal number, at least 0 (virtual time, so an hour costs no more than a second). */
function parseSeconds(name: string, text: string): number {
  const n = /^[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`${name} needs a number of seconds, such as 2 or 0.5, not '${text}'`);
  return n;
}

function parseSchedPolicy(text: string): SchedPolicyName {
  if (text === 'cfs' || text === 'fifo' || text === 'random') return text;
  throw new UsageError(`--sched must be 'cfs', 'fifo' or 'random', not '${text}'`);
}

function parseStdioMode(text: string): StdioMode {
  if (text === 'tty' || text === 'pipe') return text;
  throw new UsageError(`--stdio must be 'tty' or 'pipe', not '${text}'`);
}
