// stdio (sysroot/lib/stdio.c) as programs see it: what each write(2) carries, on a terminal and on a
// pipe, and how reads wait for a pipe's writer. The run's stdout and stderr callbacks are called once
// per write(2), so the chunks they receive are the writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, createMachine, run } from '../../debug-adapter/engine/index';
import { FILE_OFFSETS, FILE_SIZE } from '../../debug-adapter/engine/libc/stdio';
import { arrayOf, layoutStruct, pointerTo, T, type CType, type StructType } from '../../debug-adapter/engine/lang/types';

const STDIO_H = path.join(__dirname, '../../debug-adapter/engine/sysroot/include/stdio.h');

interface Writes {
  /** Each write(2) on fd 1 and fd 2, in order. */
  stdout: string[];
  stderr: string[];
  /** Its --trace: the system calls, as strace -f shows them. */
  trace: string;
  status: number | undefined;
}

function runProgram(source: string, options: { tty?: boolean; stdin?: string } = {}): Writes {
  const file = '/w/prog.c';
  const c = compile(file, { readFile: (p) => (p === file ? source : undefined) });
  if (!c.program) throw new Error(JSON.stringify(c.diagnostics));
  const w: Writes = { stdout: [], stderr: [], trace: '', status: undefined };
  const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
  const outcome = createMachine(c.program, {
    argv: ['./prog'],
    stdio: options.tty ? 'tty' : 'pipe',
    stdin: options.stdin === undefined ? undefined : new TextEncoder().encode(options.stdin),
    stdout: (b) => w.stdout.push(text(b)),
    stderr: (b) => w.stderr.push(text(b)),
  }, { trace: (line) => (w.trace += line) }).run();
  w.status = outcome.kind === 'exited' ? outcome.status : undefined;
  return w;
}

const HEADERS = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n#include <errno.h>\n#include <stdarg.h>\n#include <sys/wait.h>\n';

describe('FILE layout', () => {
  it('matches the struct in stdio.h as the compiler lays it out', () => {
    const text = readFileSync(STDIO_H, 'utf8');
    const body = /typedef struct _IO_FILE \{([\s\S]*?)\} FILE;/.exec(text)![1]!;
    const types: Record<string, CType> = { int: T.int, off_t: T.long, char: arrayOf(T.char, 1) };
    const members = [...body.matchAll(/^\s*(int|off_t|char \*|struct _IO_FILE \*|char)\s*(\w+)(\[1\])?;/gm)].map((m) => ({
      name: m[2]!,
      // Every pointer is laid out alike: char * stands for struct _IO_FILE * too.
      type: types[m[1]!] ?? pointerTo(T.char),
    }));
    const st: StructType = { kind: 'struct', union: false, tag: '_IO_FILE', members: undefined, size: 0, align: 1 };
    layoutStruct(st, members);
    expect(Object.fromEntries(st.members!.map((m) => [m.name, m.offset]))).toEqual(FILE_OFFSETS);
    expect(st.size).toBe(FILE_SIZE);
  });
});

describe('stdout buffering', () => {
  it('is line-buffered on a terminal, with a 1024-byte buffer from the process\'s first malloc', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  printf("abc");
  printf("def\\nghi");
  long size = stdout->_IO_buf_end - stdout->_IO_buf_base;
  char *next = malloc(16);
  printf("|%ld %d\\n", size, next > stdout->_IO_buf_base);
  puts("line");
  return 0;
}`, { tty: true });
    expect(w.stdout).toEqual(['abcdef\n', 'ghi|1024 1\n', 'line\n']);
  });

  it('is fully buffered on a pipe: whole 4096-byte buffers, the rest at exit\'s fflush', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  for (int i = 0; i < 300; i++) printf("line %03d of output\\n", i);
  return 0;
}`);
    const line = (i: number): string => `line ${String(i).padStart(3, '0')} of output\n`;
    const total = 300 * line(0).length;
    const blocks = Math.floor(total / 4096);
    expect(w.stdout.map((s) => s.length)).toEqual([...Array(blocks).fill(4096), total - blocks * 4096]);
    expect(w.stdout.join('')).toBe(Array.from({ length: 300 }, (_, i) => line(i)).join(''));
  });

  it('writes large output as glibc does: whole blocks straight through, the remainder buffered', () => {
    const w = runProgram(`${HEADERS}
static char big[10000];
int main(void) {
  memset(big, 'x', sizeof big);
  fwrite(big, 1, sizeof big, stdout);
  printf("tail\\n");
  fflush(stdout);
  return 0;
}`);
    expect(w.stdout.map((s) => s.length)).toEqual([8192, 1813]);
  });

  it('formats long output past printf\'s stack buffer in one piece', () => {
    const w = runProgram(`${HEADERS}
static char word[3000];
int main(void) {
  memset(word, 'y', sizeof word - 1);
  int n = printf("<%s>%d\\n", word, 42);
  fflush(stdout);
  fprintf(stderr, "%d\\n", n);
  return 0;
}`);
    expect(w.stdout).toEqual([`<${'y'.repeat(2999)}>42\n`]);
    expect(w.stderr).toEqual(['3004\n']);
  });

  it('keeps pending output in process memory, so a forked child flushes its own copy', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  printf("before fork\\n");
  if (fork() == 0) {
    printf("child\\n");
    exit(0);
  }
  wait(NULL);
  printf("parent\\n");
  return 0;
}`);
    expect(w.stdout).toEqual(['before fork\nchild\n', 'before fork\nparent\n']);
  });

  // Each case checked against glibc 2.36 with strace: a user buffer under 128 bytes takes its first
  // output straight through (glibc writes whole blocks directly, and a small buffer's block is all of it).
  it('lets setvbuf choose unbuffered, line-buffered or a user buffer, as glibc writes them', () => {
    const run = (body: string): Writes => runProgram(`${HEADERS}
static char mine[16];
int main(void) {
  ${body}
  return 0;
}`);
    expect(run('setvbuf(stdout, NULL, _IONBF, 0); printf("a"); printf("b");').stdout).toEqual(['a', 'b']);
    expect(run('setvbuf(stdout, NULL, _IOLBF, 0); printf("one\\ntwo");').stdout).toEqual(['one\n', 'two']);
    const user = run('setvbuf(stdout, mine, _IOFBF, sizeof mine); printf("0123456789"); printf("abcdefghij"); fprintf(stderr, "[%.4s]", mine);');
    expect(user.stdout).toEqual(['0123456789', 'abcdefghij']);
    expect(user.stderr).toEqual(['[abcd]']);
  });

  it('setvbuf fails on an unknown mode without setting errno, as glibc\'s does', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  errno = 0;
  int r = setvbuf(stdout, NULL, 7, 0);
  printf("%d %d\\n", r, errno);
  return 0;
}`);
    expect(w.stdout).toEqual(['-1 0\n']);
  });

  it('on a terminal, writes a fresh stream\'s lines one by one, then everything up to the last newline', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  printf("abc\\ndef\\nghi");
  printf("jkl\\nmno\\npqr");
  printf("%d\\n%d\\n", 1, 2);
  return 0;
}`, { tty: true });
    // What glibc 2.36 writes on a terminal (strace under script(1)).
    expect(w.stdout).toEqual(['abc\n', 'def\n', 'ghijkl\nmno\n', 'pqr1\n', '2\n']);
  });

  it('setvbuf(_IOFBF) on a terminal makes stdout fully buffered', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  setvbuf(stdout, NULL, _IOFBF, 0);
  printf("no flush\\n");
  fprintf(stderr, "first\\n");
  return 0;
}`, { tty: true });
    expect(w.stderr).toEqual(['first\n']);
    expect(w.stdout).toEqual(['no flush\n']);
  });

  it('leaves errno alone when it asks whether stdout is a terminal', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  errno = 0;
  printf("x\\n");
  fprintf(stderr, "%d\\n", errno);
  return 0;
}`);
    expect(w.stderr).toEqual(['0\n']);
  });
});

describe('stderr and the other writers', () => {
  it('writes stderr at once, one write per call; perror prints the message for errno', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  fprintf(stderr, "error %d\\n", 42);
  fputs("x", stderr);
  errno = ENOENT;
  perror("open");
  perror(NULL);
  return 0;
}`);
    expect(w.stderr).toEqual(['error 42\n', 'x', 'open: No such file or directory\n', 'No such file or directory\n']);
  });

  it('vprintf and vfprintf read a va_list; dprintf writes past the stream\'s buffer', () => {
    const w = runProgram(`${HEADERS}
static void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
}
int main(void) {
  say("%d %.1f %s\\n", -5, 2.5, "str");
  dprintf(1, "direct %d\\n", 7);
  return 0;
}`);
    expect(w.stdout).toEqual(['direct 7\n', '-5 2.5 str\n']);
  });
});

describe('fopen, fdopen and fclose', () => {
  // Each case checked against glibc 2.36 with strace.
  it('read a file through a stream of its own, then close it', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
  int max = 0;
  int n = fscanf(f, "%d", &max);
  int closed = fclose(f);
  printf("%d %d %d\\n", n, max, closed);
  return 0;
}`);
    expect(w.stdout).toEqual(['1 32768 0\n']);
    expect(syscalls(w.trace, /^(openat|read|close)\(3?/)).toEqual([
      'openat(AT_FDCWD, "/proc/sys/kernel/pid_max", O_RDONLY) = 3',
      // st_blksize of a /proc file is 1024, as it is natively.
      'read(3, "32768\\n", 1024) = 6',
      'close(3) = 0',
    ]);
  });

  it('fail as glibc fails: a bad mode, a missing file, a mode the descriptor does not allow', () => {
    const w = runProgram(`${HEADERS}
static void show(const char *what, FILE *f) { printf("%s: %s %s\\n", what, f ? "stream" : "NULL", strerror(errno)); errno = 0; }
int main(void) {
  show("mode q", fopen("/dev/null", "q"));
  show("missing", fopen("/no/such/file", "r"));
  show("fdopen(1, \\"r\\")", fdopen(1, "r"));
  show("fdopen(1, \\"w+\\")", fdopen(1, "w+"));
  show("fdopen(9, \\"w\\")", fdopen(9, "w"));
  return 0;
}`);
    expect(w.stdout.join('')).toBe(
      'mode q: NULL Invalid argument\n' +
        'missing: NULL No such file or directory\n' +
        'fdopen(1, "r"): NULL Invalid argument\n' +
        'fdopen(1, "w+"): NULL Invalid argument\n' +
        'fdopen(9, "w"): NULL Bad file descriptor\n',
    );
  });

  it('refuse to write a stream opened for reading, or read one opened for writing (EBADF)', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  FILE *out = fopen("/dev/null", "w");
  int c = fgetc(out);
  int e = errno, bad = ferror(out);
  int put = fputs("x", stdin);
  printf("%d %d %s | %d %d\\n", c, bad, strerror(e), put, ferror(stdin));
  return 0;
}`);
    expect(w.stdout).toEqual(['-1 1 Bad file descriptor | -1 1\n']);
  });

  it('exit flushes every open stream, the newest first', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  printf("stdout\\n");
  FILE *a = fdopen(dup(1), "w");
  FILE *b = fdopen(dup(1), "a");
  fprintf(a, "older\\n");
  fprintf(b, "newer\\n");
  return 0;
}`);
    expect(w.stdout).toEqual(['newer\n', 'older\n', 'stdout\n']);
  });

  it('perror writes through a dup of stderr while nothing has used stderr, as glibc does', () => {
    const source = `${HEADERS}
int main(void) {
  errno = ENOENT;
  perror("first");
  fputs("used\\n", stderr);
  perror("second");
  return 0;
}`;
    // On a pipe descriptor 2 is write-only: fdopen(dup(2), "w+") fails and perror writes to stderr.
    // fdopen's EINVAL stays in errno, so the second perror reports it, as glibc's does.
    const pipe = runProgram(source);
    expect(pipe.stderr).toEqual(['first: No such file or directory\n', 'used\n', 'second: Invalid argument\n']);
    expect(syscalls(pipe.trace, /^(dup|fcntl|close|write)\(/)).toEqual([
      'dup(2) = 3',
      'fcntl(3, F_GETFL) = 0x1 (flags O_WRONLY)',
      'close(3) = 0',
      'write(2, "first: No such file or directory"..., 33) = 33',
      'write(2, "used\\n", 5) = 5',
      'write(2, "second: Invalid argument\\n", 25) = 25',
    ]);
    // A terminal is open for reading and writing: the first message goes through the dup.
    const tty = runProgram(source, { tty: true });
    expect(tty.stderr).toEqual(['first: No such file or directory\n', 'used\n', 'second: No such file or directory\n']);
    expect(syscalls(tty.trace, /^(dup|close|write)\(/)).toEqual([
      'dup(2) = 3',
      'write(3, "first: No such file or directory"..., 33) = 33',
      'close(3) = 0',
      'write(2, "used\\n", 5) = 5',
      'write(2, "second: No such file or director"..., 34) = 34',
    ]);
  });
});

describe('fread, fseek and ftell', () => {
  // The system calls strace -f shows natively for the same program (glibc 2.36); newfstatat is the
  // buffer's allocation (_IO_file_doallocate).
  it('read, lseek and write as glibc\'s libio makes them', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  char buf[10000];
  FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
  long before = ftell(f);
  fread(buf, 1, 2, f);
  long two = ftell(f);
  int set = fseek(f, 1, SEEK_SET);
  long one = ftell(f);
  int cur = fseek(f, 2, SEEK_CUR);
  size_t rest = fread(buf, 1, sizeof buf, f);
  long end = ftell(f);
  rewind(f);
  fclose(f);
  FILE *zero = fopen("/dev/zero", "r");
  size_t big = fread(buf, 1, sizeof buf, zero);
  fclose(zero);
  int fds[2];
  pipe(fds);
  FILE *w = fdopen(fds[1], "w");
  fputs("abc", w);
  int piped = fseek(w, 0, SEEK_SET);
  printf("%ld %ld %d %ld %d %zu %ld %zu %d\\n", before, two, set, one, cur, rest, end, big, piped);
  return 0;
}`);
    expect(w.stdout).toEqual(['0 2 0 1 0 3 6 10000 -1\n']);
    expect(syscalls(w.trace, /^(openat|(newfstatat|read|lseek|write|close)\([34])/)).toEqual([
      'openat(AT_FDCWD, "/proc/sys/kernel/pid_max", O_RDONLY) = 3',
      // ftell before any buffer: where the descriptor is.
      'lseek(3, 0, SEEK_CUR) = 0',
      'newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=0, ...}, AT_EMPTY_PATH) = 0',
      'read(3, "32768\\n", 1024) = 6',
      // ftell: the descriptor's offset (6) less the 4 bytes still buffered.
      'lseek(3, 0, SEEK_CUR) = 6',
      // fseek(1): to the start of the 1024-byte block holding offset 1, and a whole buffer read from
      // there; the stream now knows its offset, so the next ftell makes no call.
      'lseek(3, 0, SEEK_SET) = 0',
      'read(3, "32768\\n", 1024) = 6',
      // fseek(2, SEEK_CUR) lands inside the buffer: only the descriptor is put back where it was.
      'lseek(3, 6, SEEK_SET) = 6',
      // fread of 10000 with 3 bytes buffered: whole blocks (9216 bytes) straight into buf.
      'read(3, "", 9216) = 0',
      // rewind: the read at the end made the offset unknown, so a plain seek to 0.
      'lseek(3, 0, SEEK_SET) = 0',
      'close(3) = 0',
      'openat(AT_FDCWD, "/dev/zero", O_RDONLY) = 3',
      'newfstatat(3, "", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x5), ...}, AT_EMPTY_PATH) = 0',
      'read(3, "\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"..., 8192) = 8192',
      'read(3, "\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"..., 4096) = 4096',
      'close(3) = 0',
      'newfstatat(4, "", {st_mode=S_IFIFO|0600, st_size=0, ...}, AT_EMPTY_PATH) = 0',
      // fseek writes out the pending output before it seeks.
      'write(4, "abc", 3) = 3',
      'lseek(4, 0, SEEK_SET) = -1 ESPIPE (Illegal seek)',
    ]);
  });

  it('exit gives back the input each used stream read ahead, the newest stream first', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
  fgetc(f);
  int fds[2];
  pipe(fds);
  write(fds[1], "abc", 3);
  FILE *p = fdopen(fds[0], "r");
  fgetc(p);
  FILE *unused = fopen("/dev/zero", "r");
  printf("%d\\n", unused != NULL);
  return 0;
}`);
    expect(w.stdout).toEqual(['1\n']);
    // strace -f natively: after exit's flush, glibc's _IO_unbuffer_all syncs the streams that were
    // used; a pipe cannot seek back, which is no error.
    const trace = syscalls(w.trace, /^(write\(1|lseek|exit_group)/);
    expect(trace.slice(0, 4)).toEqual([
      'write(1, "1\\n", 2) = 2',
      'lseek(4, -2, SEEK_CUR) = -1 ESPIPE (Illegal seek)',
      'lseek(3, -5, SEEK_CUR) = 1',
      'exit_group(0) = ?',
    ]);
  });

  it('ftell and fseek on the terminal fail with ESPIPE', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  long t = ftell(stdin);
  int e1 = errno;
  errno = 0;
  int s = fseek(stdin, 0, SEEK_SET);
  int e2 = errno;
  printf("%ld %s, %d %s\\n", t, strerror(e1), s, strerror(e2));
  return 0;
}`, { tty: true });
    expect(w.stdout).toEqual(['-1 Illegal seek, -1 Illegal seek\n']);
    // What glibc 2.36 does on a terminal (strace under script(1)).
    expect(syscalls(w.trace, /^(newfstatat|lseek)\(0/)).toEqual([
      'lseek(0, 0, SEEK_CUR) = -1 ESPIPE (Illegal seek)',
      'newfstatat(0, "", {st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0), ...}, AT_EMPTY_PATH) = 0',
      'lseek(0, 0, SEEK_SET) = -1 ESPIPE (Illegal seek)',
    ]);
  });
});

/** The trace's lines that match `call`, with strace's alignment spaces squeezed. */
function syscalls(trace: string, call: RegExp): string[] {
  return trace
    .split('\n')
    .filter((line) => call.test(line))
    .map((line) => line.replace(/\s+= /, ' = '));
}

describe('input', () => {
  it('reads lines with fgets and bytes with getchar, then EOF', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  char buf[100];
  fgets(buf, 100, stdin); printf("[%s]", buf);
  fgets(buf, 4, stdin); printf("[%s]", buf);
  fgets(buf, 100, stdin); printf("[%s]", buf);
  int c = getchar(), end = getchar();
  printf("%c %d %d %d\\n", c, end, feof(stdin), fgets(buf, 100, stdin) == NULL);
  return 0;
}`, { stdin: 'first line\nsecond\nx' });
    expect(w.stdout.join('')).toBe('[first line\n][sec][ond\n]x -1 1 1\n');
  });

  it('scanf leaves the byte after the field unread', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  int n = 0;
  int r = scanf("%d", &n);
  int c = getchar();
  printf("%d %d '%c'\\n", r, n, c);
  return 0;
}`, { stdin: '12 rest\n' });
    expect(w.stdout.join('')).toBe("1 12 ' '\n");
  });

  it('flushes a line-buffered stdout before reading a terminal, so prompts appear', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  printf("prompt> ");
  int c = getchar();
  fprintf(stderr, "got %c\\n", c);
  return 0;
}`, { tty: true, stdin: 'typed\n' });
    expect(w.stdout).toEqual(['prompt> ']);
    expect(w.stderr).toEqual(['got t\n']);
  });

  it('does not flush stdout before reading a pipe', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  printf("prompt> ");
  getchar();
  fprintf(stderr, "read\\n");
  return 0;
}`, { stdin: 'data\n' });
    expect(w.stderr).toEqual(['read\n']);
    expect(w.stdout).toEqual(['prompt> ']);
  });

  it('waits on an empty pipe until its writer writes or closes it, for getchar, fgets and scanf alike', () => {
    const w = runProgram(`${HEADERS}
int main(void) {
  int p[2];
  pipe(p);
  if (fork() == 0) {
    char line[64];
    int a = 0, b = 0;
    dup2(p[0], 0);
    close(p[0]);
    close(p[1]);
    int c = getchar();
    fgets(line, sizeof line, stdin);
    int r = scanf("%d %d", &a, &b);
    printf("%c|%s|%d %d %d|%d\\n", c, line, r, a, b, getchar());
    return 0;
  }
  close(p[0]);
  sleep(1);
  write(p[1], "xhello\\n", 7);
  sleep(1);
  write(p[1], "12", 2);
  sleep(1);
  write(p[1], " 34", 3);
  close(p[1]);
  wait(NULL);
  return 0;
}`);
    expect(w.stdout.join('')).toBe('x|hello\n|2 12 34|-1\n');
  });
});
