import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from '../debug-adapter/cli-args';

describe('parseCliArgs', () => {
  it('parses a plain run', () => {
    expect(parseCliArgs(['run', 'hello.c'])).toEqual({
      kind: 'run',
      file: 'hello.c',
      programArgs: [],
      maxSteps: undefined,
      stdio: undefined,
      tree: false,
      ps: false,
      trace: false,
      dmesg: false,
      mem: false,
      pidMax: undefined,
      sched: undefined,
      seed: undefined,
      cpus: 1,
    });
  });

  it('parses the kernel options: --tree, --trace, --dmesg, --pid-max, --sched, --seed, --cpus 1', () => {
    expect(parseCliArgs(['run', 'x.c', '--tree', '--trace', '--dmesg', '--pid-max', '400', '--sched=random', '--seed', '42', '--cpus', '1'])).toMatchObject({
      tree: true,
      trace: true,
      dmesg: true,
      pidMax: 400,
      sched: 'random',
      seed: 42,
      cpus: 1,
    });
    expect(parseCliArgs(['run', 'x.c', '--sched', 'cfs'])).toMatchObject({ sched: 'cfs' });
    expect(parseCliArgs(['run', 'x.c', '--ps'])).toMatchObject({ ps: true, tree: false });
  });

  it('rejects a pid_max outside Linux limits, an unknown policy, several CPUs and a value on a flag', () => {
    expect(() => parseCliArgs(['run', 'x.c', '--pid-max', '300'])).toThrow(/--pid-max needs a whole number from 301 to 4194304, not '300'/);
    expect(() => parseCliArgs(['run', 'x.c', '--pid-max', '4194305'])).toThrow(UsageError);
    expect(() => parseCliArgs(['run', 'x.c', '--sched', 'rr'])).toThrow(/--sched must be 'cfs', 'fifo' or 'random', not 'rr'/);
    expect(() => parseCliArgs(['run', 'x.c', '--seed', '-1'])).toThrow(UsageError);
    expect(() => parseCliArgs(['run', 'x.c', '--cpus', '65'])).toThrow(/--cpus needs a whole number from 1 to 64, not '65'/);
    expect(() => parseCliArgs(['run', 'x.c', '--cpus', '0'])).toThrow(UsageError);
    expect(() => parseCliArgs(['run', 'x.c', '--tree=yes'])).toThrow(/takes no value/);
    expect(() => parseCliArgs(['run', 'x.c', '--ps=1'])).toThrow(/takes no value/);
  });

  it('passes everything after -- to the program, options included', () => {
    const cmd = parseCliArgs(['run', 'echo.c', '--', 'a', '--max-steps', '-x', '--']);
    expect(cmd).toMatchObject({ kind: 'run', file: 'echo.c', programArgs: ['a', '--max-steps', '-x', '--'] });
  });

  it('accepts options before and after FILE, with separate or attached values', () => {
    expect(parseCliArgs(['run', '--max-steps', '100', 'x.c', '--stdio', 'pipe'])).toMatchObject({
      file: 'x.c',
      maxSteps: 100,
      stdio: 'pipe',
    });
    expect(parseCliArgs(['run', 'x.c', '--max-steps=7', '--stdio=tty'])).toMatchObject({ maxSteps: 7, stdio: 'tty' });
  });

  it('treats a lone - as a file name, not an option', () => {
    expect(parseCliArgs(['run', '-'])).toMatchObject({ kind: 'run', file: '-' });
  });

  it('recognises help and version everywhere', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['run', 'x.c', '--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseCliArgs(['-V'])).toEqual({ kind: 'version' });
  });

  it.each([
    [[], /missing command/],
    [['compile', 'x.c'], /unknown command 'compile'/],
    [['run'], /missing FILE/],
    [['run', 'x.c', '--fast'], /unknown option '--fast'/],
    [['run', 'x.c', '-O2'], /unknown option '-O2'/],
    [['run', 'x.c', 'extra'], /unexpected argument 'extra'.*after --/],
    [['run', 'x.c', '--max-steps'], /'--max-steps' needs a value/],
    [['run', 'x.c', '--max-steps', 'lots'], /positive whole number, not 'lots'/],
    [['run', 'x.c', '--max-steps', '0'], /positive whole number, not '0'/],
    [['run', 'x.c', '--max-steps', '-5'], /positive whole number/],
    [['run', 'x.c', '--max-steps', '1e3'], /positive whole number/],
    [['run', 'x.c', '--max-steps', '99999999999999999999'], /positive whole number/],
    [['run', 'x.c', '--stdio', 'file'], /'tty' or 'pipe', not 'file'/],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(UsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});
