// `forkscope run FILE`: compile a C file and run it on the simulated kernel, behaving like a compiled
// program started from a shell: its output on our stdout/stderr, its exit status as ours, and the
// shell's message when a signal kills it.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isatty } from 'node:tty';
import packageJson from '../package.json';
import { USAGE, UsageError, parseCliArgs, type CliCommand } from './cli-args';
import type { SourceFS } from './engine/api';
import type { Diagnostic } from './engine/lang/diagnostics';
import { compile, createMachine, formatDiagnostics, isKernelModule, type Machine } from './engine/index';

/** timeout(1)'s status for a command it had to stop; a script can tell a runaway program from a failing one. */
/** The simulated kernel panicked (killing init does it). */
const EXIT_KERNEL_PANIC = 125;
const EXIT_STEP_LIMIT = 124;
const EXIT_USAGE = 2;
const EXIT_COMPILE_ERROR = 1;
/** sysexits.h's EX_SOFTWARE: a bug in Forkscope itself, distinct from anything the C program did. */
const EXIT_INTERNAL_ERROR = 70;

function main(argv: readonly string[]): number {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`forkscope: ${err.message}\nTry 'forkscope --help' for more information.\n`);
    return EXIT_USAGE;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`forkscope ${packageJson.version}\n`);
      return 0;
    case 'run':
      return runFile(command);
  }
}

function runFile(command: Extract<CliCommand, { kind: 'run' }>): number {
  const mainPath = path.resolve(command.file);
  let mainText: string;
  try {
    mainText = readFileSync(mainPath, 'utf8');
  } catch (err) {
    process.stderr.write(`forkscope: cannot read '${command.file}': ${describeFsError(err)}\n`);
    return EXIT_USAGE;
  }

  const fs: SourceFS = {
    readFile(file) {
      if (file === mainPath) return mainText;
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  const result = compile(mainPath, fs);
  if (result.diagnostics.length > 0) {
    const shown = showFileNamesAsGiven(result.diagnostics, result.sources, mainPath, command.file);
    process.stderr.write(formatDiagnostics(shown.diagnostics, shown.sources));
  }
  if (!result.program) return EXIT_COMPILE_ERROR;
  if (command.rmmodAfter !== undefined && !isKernelModule(result.program)) {
    process.stderr.write(`forkscope: --rmmod-after: ${command.file} is not a kernel module (it has no module_init)\n`);
    return EXIT_USAGE;
  }

  // The tree and the process list are drawn as the program exits, while it is still a zombie its shell
  // has not reaped; a program that never exits (step limit, deadlock) gets them as the run stopped.
  let tree: string | undefined;
  let ps: string | undefined;
  const atProgramExit = (): void => {
    if (command.tree) tree ??= machine.processTree();
    if (command.ps) ps ??= machine.processTable();
  };
  const machine: Machine = createMachine(
    result.program,
    {
      argv: [command.file, ...command.programArgs],
      stdio: command.stdio ?? (isatty(1) ? 'tty' : 'pipe'),
      maxSteps: command.maxSteps,
      stdin: readStdin(),
      // Copies, because the engine may reuse its buffer once the callback returns.
      stdout: (bytes) => process.stdout.write(Buffer.from(bytes)),
      stderr: (bytes) => process.stderr.write(Buffer.from(bytes)),
    },
    {
      pidMax: command.pidMax,
      sched: command.sched || command.seed !== undefined ? { policy: command.sched ?? 'cfs', seed: command.seed } : undefined,
      cpus: command.cpus,
      trace: command.trace ? (text) => process.stderr.write(text) : undefined,
      onProgramExit: command.tree || command.ps ? atProgramExit : undefined,
      rmmodAfterSeconds: command.rmmodAfter,
    },
  );
  if (command.mem) machine.keepMemoryRecords();
  const outcome = machine.run();
  if (command.tree) process.stderr.write(tree ?? machine.processTree());
  if (command.ps) process.stderr.write(ps ?? machine.processTable());
  if (command.mem) process.stderr.write(machine.memoryTable());
  // A kernel module's output is the kernel log: it goes to stdout, as `dmesg` after rmmod shows it.
  if (isKernelModule(result.program)) process.stdout.write(machine.dmesg());
  else if (command.dmesg) process.stderr.write(machine.dmesg());

  switch (outcome.kind) {
    case 'exited':
      return outcome.status;
    case 'signaled':
      if (outcome.description !== '') process.stderr.write(`${outcome.description}\n`);
      return 128 + outcome.signal;
    case 'step-limit':
      process.stderr.write(
        `forkscope: step limit of ${command.maxSteps} steps reached; the program may be in an infinite loop\n`,
      );
      return EXIT_STEP_LIMIT;
    case 'time-limit':
      process.stderr.write(`forkscope: the program's processes were still asleep after ${outcome.seconds} s of virtual time; stopped\n`);
      return EXIT_STEP_LIMIT;
    case 'deadlock':
      // Natively the program would hang until timeout(1) killed it: the same status.
      process.stderr.write(`forkscope: ${outcome.message}\n`);
      return EXIT_STEP_LIMIT;
    case 'panic':
      process.stderr.write('\n');
      return EXIT_KERNEL_PANIC;
  }
}

/**
 * gcc names the main file the way it was typed and files under the current directory relatively; the
 * engine works with absolute paths, so rename them before printing.
 */
function showFileNamesAsGiven(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  mainPath: string,
  mainAsGiven: string,
): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const cwd = process.cwd() + path.sep;
  const rename = (file: string): string => {
    if (file === mainPath) return mainAsGiven;
    if (file.startsWith(cwd)) return file.slice(cwd.length);
    return file;
  };
  return {
    diagnostics: diagnostics.map((d) => ({ ...d, file: rename(d.file) })),
    sources: new Map([...sources].map(([file, text]) => [rename(file), text])),
  };
}

/**
 * The engine takes the program's whole input up front. Redirected input (a file or a pipe) is read to the
 * end; a terminal is not, since waiting for the user to type everything before the program starts would
 * look like a hang, so there the program sees end of file.
 */
function readStdin(): Uint8Array | undefined {
  if (isatty(0)) return undefined;
  try {
    return readFileSync(0);
  } catch {
    // Closed or unreadable stdin: the program sees end of file, as it would with </dev/null.
    return undefined;
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function mainReportingBugs(argv: readonly string[]): number {
  try {
    return main(argv);
  } catch (err) {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`forkscope: internal error (a bug in Forkscope, not in your program):\n${detail}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}

/** Runs the command line `argv` (the arguments after the program name) as the `forkscope` command. */
export function runCli(argv: readonly string[]): void {
  // A reader that goes away (`forkscope run x.c | head -1`) must not crash us with an EPIPE stack trace;
  // the output is simply no longer wanted.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  // Set the status and let Node exit by itself: process.exit() could cut off output still queued for a
  // pipe or terminal.
  process.exitCode = mainReportingBugs(argv);
}
