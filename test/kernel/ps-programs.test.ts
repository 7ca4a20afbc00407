// /bin/ps and /bin/pstree run by a user's program (system(), execlp), reading the process list through
// proc_stat_list, Forkscope's stand-in for /proc; and sh -c's quotes and backslashes, as dash removes
// them. The expected text is procps-ng 4.0.2's and psmisc 23.6's format for the same processes
// (PIDs in Forkscope are deterministic: 1 init, 2 kthreadd, 3-7 kernel threads, 8 the shell, 9 the program).
import { describe, expect, it } from 'vitest';
import { runC } from '../support/run-c';

/** A program with a second thread, two children that pause, one zombie child, then `body`. */
const family = (body: string): string => `#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void *idle(void *arg) { pause(); return arg; }
int main(void) {
  pthread_t t;
  pid_t kids[2];
  pthread_create(&t, NULL, idle, NULL);
  for (int i = 0; i < 2; i++)
    if ((kids[i] = fork()) == 0) pause();
  if (fork() == 0) _exit(0);
  usleep(1000);
  ${body}
  for (int i = 0; i < 2; i++) kill(kids[i], SIGKILL);
  return 0;
}
`;

/** A call of system() with `command` as a C string literal (JSON's escapes are C's for these characters). */
const system = (command: string): string => `system(${JSON.stringify(command)})`;

function run(body: string): string {
  const r = runC(family(body));
  expect(r.diagnostics).toBe('');
  expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  return r.stdout + r.stderr;
}

describe('/bin/ps', () => {
  it('ps --ppid 2: the kernel threads, in the default format (no terminal: TTY ?)', () => {
    expect(run('system("ps --ppid 2");')).toBe(
      [
        '  PID TTY          TIME CMD',
        '    3 ?        00:00:00 kworker/0:0',
        '    4 ?        00:00:00 kworker/0:0H',
        '    5 ?        00:00:00 ksoftirqd/0',
        '    6 ?        00:00:00 migration/0',
        '    7 ?        00:00:00 cpuhp/0',
        '',
      ].join('\n'),
    );
  });

  it('ps -ef: every process, command lines, [name] for kernel threads, <defunct> for the zombie', () => {
    expect(run('system("ps -ef");')).toBe(
      [
        'UID        PID  PPID  C STIME TTY          TIME CMD',
        'root         1     0  0 09:00 ?        00:00:00 /sbin/init ./prog',
        'root         2     0  0 09:00 ?        00:00:00 [kthreadd]',
        'root         3     2  0 09:00 ?        00:00:00 [kworker/0:0]',
        'root         4     2  0 09:00 ?        00:00:00 [kworker/0:0H]',
        'root         5     2  0 09:00 ?        00:00:00 [ksoftirqd/0]',
        'root         6     2  0 09:00 ?        00:00:00 [migration/0]',
        'root         7     2  0 09:00 ?        00:00:00 [cpuhp/0]',
        'root         8     1  0 09:00 ?        00:00:00 sh ./prog',
        'root         9     8  0 09:00 ?        00:00:00 ./prog',
        'root        11     9  0 09:00 ?        00:00:00 ./prog',
        'root        12     9  0 09:00 ?        00:00:00 ./prog',
        'root        13     9  0 09:00 ?        00:00:00 [prog] <defunct>',
        'root        14     9  0 09:00 ?        00:00:00 ps -ef',
        '',
      ].join('\n'),
    );
  });

  it('ps with no option lists every process: none has a terminal, all run as root', () => {
    const lines = run('system("ps");').split('\n');
    expect(lines[0]).toBe('  PID TTY          TIME CMD');
    expect(lines.slice(1, 3)).toEqual(['    1 ?        00:00:00 init', '    2 ?        00:00:00 kthreadd']);
    expect(lines.slice(-4)).toEqual(['   12 ?        00:00:00 prog', '   13 ?        00:00:00 prog', '   14 ?        00:00:00 ps', '']);
  });

  it('ps -o: columns of its own, STAT with its flags, a left column cut only when it is not the last', () => {
    // system() spawns the shell as posix_spawn does (clone3 with CLONE_VFORK): the shell's exec wakes
    // the program, which then waits for the CPU (R), as Forkscope has no wakeup preemption; natively it
    // gets the CPU at once and is asleep in wait4 (S) by the time ps looks.
    expect(run('system("ps -o pid,ppid,stat,comm,args -p 1,9,13");')).toBe(
      [
        '  PID  PPID STAT COMMAND         COMMAND',
        '    1     0 Ss   init            /sbin/init ./prog',
        '    9     8 Rl   prog            ./prog',
        '   13     9 Z    prog            [prog] <defunct>',
        '',
      ].join('\n'),
    );
    expect(run('system("ps -o args,pid -p 2,9");')).toBe(['COMMAND                       PID', '[kthreadd]                      2', './prog                          9', ''].join('\n'));
  });

  it('exits with 1, after the header, when nothing is selected', () => {
    expect(run('printf("%d\\n", system("ps -p 999"));')).toBe('  PID TTY          TIME CMD\n256\n');
  });
});

describe('/bin/pstree', () => {
  it('pstree: from init, identical siblings merged as N*[name], the thread as {name}', () => {
    expect(run('system("pstree");')).toBe(['init---sh---prog-+-3*[prog]', '                 |-pstree', '                 `-{prog}', ''].join('\n'));
  });

  it('pstree -p: every process and thread with its PID, nothing merged', () => {
    expect(run('system("pstree -p");')).toBe(
      [
        'init(1)---sh(8)---prog(9)-+-prog(11)',
        '                          |-prog(12)',
        '                          |-prog(13)',
        '                          |-pstree(14)',
        '                          `-{prog}(10)',
        '',
      ].join('\n'),
    );
  });

  it('pstree PID starts there; execlp finds pstree in /bin', () => {
    // The children are killed first: the program ends in pstree, which does not wait for them.
    const body = 'system("pstree 9"); kill(kids[0], SIGKILL); kill(kids[1], SIGKILL); fflush(stdout); execlp("pstree", "pstree", "-p", "8", NULL);';
    expect(run(body)).toBe(
      [
        'prog-+-3*[prog]',
        '     |-pstree',
        '     `-{prog}',
        // The exec'ing thread took the process over; its other thread is gone.
        'sh(8)---pstree(9)-+-prog(11)',
        '                  |-prog(12)',
        '                  `-prog(13)',
        '',
      ].join('\n'),
    );
  });
});

describe('sh -c', () => {
  it("removes quotes and backslashes as dash does: 'a  b' \"c d\" e\\ f are three words", () => {
    expect(run(`${system(String.raw`echo 'a  b' "c d" e\ f`)};`)).toBe('a  b c d e f\n');
  });

  it('keeps a backslash in double quotes unless it escapes $ ` " or \\; empty quotes make an empty word', () => {
    expect(run(`${system(String.raw`echo '' x'' '\' "a\\" "a\b" \' \" a'b'"c" "\$" \a`)};`)).toBe(String.raw` x \ a\ a\b ' " abc $ a` + '\n');
  });

  it('reports an unterminated quote as dash does, with status 2', () => {
    expect(run(`printf("%d\\n", ${system("echo 'abc")});`)).toBe('512\nsh: 1: Syntax error: Unterminated quoted string\n');
  });
});
