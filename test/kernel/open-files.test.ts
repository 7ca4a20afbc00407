// open(2), openat, creat, fcntl, pipe2, lseek, ftruncate and unlink on the simulated file system:
// /dev/null, /dev/zero, /proc/sys/kernel/pid_max (whose writes change how PIDs are handed out) and the
// regular files programs create in the tmpfs root. Errors and odd cases are those
// measured on Linux 6.x with glibc (strace shows the same system calls and results).
import { describe, expect, it } from 'vitest';
import { compile, createMachine } from '../../debug-adapter/engine/index';

const HEADERS = `#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
`;

/** Runs /w/prog.c (with HEADERS before `main`) and any other files beside it; stdout and stderr as text. */
function runProgram(main: string, options: { pidMax?: number; files?: Record<string, string> } = {}) {
  const files: Record<string, string> = { '/w/prog.c': HEADERS + main, ...options.files };
  const c = compile('/w/prog.c', { readFile: (p) => files[p] });
  if (!c.program) throw new Error(JSON.stringify(c.diagnostics));
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const outcome = createMachine(
    c.program,
    { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(b.slice()), stderr: (b) => err.push(b.slice()) },
    { pidMax: options.pidMax },
  ).run();
  expect(outcome).toMatchObject({ kind: 'exited', status: 0 });
  return { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** A helper that prints a call's result and, when it failed, errno's name as strerror gives it. */
const SHOW = `static void show(const char *what, long r) {
  if (r < 0) printf("%s = -1 %s\\n", what, strerror(errno));
  else printf("%s = %ld\\n", what, r);
}
`;

describe('/proc/sys/kernel/pid_max', () => {
  it('reads as the number and a newline; a second read, or one after a short read, gets end of file', () => {
    const r = runProgram(`int main(void) {
  char buf[16];
  int fd = open("/proc/sys/kernel/pid_max", O_RDONLY);
  int n = read(fd, buf, sizeof buf);
  printf("%d [%.*s] then %d\\n", n, n, buf, (int)read(fd, buf, sizeof buf));
  close(fd);
  fd = open("/proc/sys/kernel/pid_max", O_RDONLY);
  n = read(fd, buf, 2);
  printf("%d [%.*s] then %d\\n", n, n, buf, (int)read(fd, buf, sizeof buf));
  return 0;
}`, { pidMax: 4194304 });
    expect(r.stdout).toBe('8 [4194304\n] then 0\n2 [41] then 0\n');
  });

  it('a write is parsed as proc_dointvec_minmax parses it: EINVAL out of [301, 4194304] or for junk; base 0; the bytes used', () => {
    const r = runProgram(`${SHOW}
static void put(const char *label, const char *text) {
  char buf[16];
  int fd = open("/proc/sys/kernel/pid_max", O_WRONLY);
  long n = write(fd, text, strlen(text));
  close(fd);
  fd = open("/proc/sys/kernel/pid_max", O_RDONLY);
  buf[read(fd, buf, sizeof buf - 1)] = 0;
  close(fd);
  printf("%-10s", label);
  show("", n);
  printf("  now %s", buf);
}
int main(void) {
  put("300", "300"); put("5000000", "5000000"); put("abc", "abc"); put("+400", "+400"); put("-400", "-400");
  put("400x", "400x"); put("newline", "\\n"); put("_400_", "  400\\n"); put("0x400", "0x400"); put("0400", "0400");
  put("500_600", "500 600\\n");
  return 0;
}`);
    expect(r.stdout).toBe(
      [
        '300        = -1 Invalid argument', '  now 32768',
        '5000000    = -1 Invalid argument', '  now 32768',
        'abc        = -1 Invalid argument', '  now 32768',
        '+400       = -1 Invalid argument', '  now 32768',
        '-400       = -1 Invalid argument', '  now 32768',
        '400x       = -1 Invalid argument', '  now 32768',
        'newline    = -1 Invalid argument', '  now 32768',
        '_400_      = 6', '  now 400',
        '0x400      = 5', '  now 1024',
        '0400       = -1 Invalid argument', '  now 1024',
        '500_600    = 4', '  now 500',
        '',
      ].join('\n'),
    );
  });

  it('a second write on the same open file is ignored but reported done (sysctl_writes_strict)', () => {
    const r = runProgram(`int main(void) {
  char buf[16];
  int fd = open("/proc/sys/kernel/pid_max", O_WRONLY);
  printf("%d ", (int)write(fd, "40000\\n", 6));
  printf("%d\\n", (int)write(fd, "50000\\n", 6));
  close(fd);
  fd = open("/proc/sys/kernel/pid_max", O_RDONLY);
  buf[read(fd, buf, sizeof buf - 1)] = 0;
  printf("%s", buf);
  return 0;
}`);
    expect(r.stdout).toBe('6 6\n40000\n');
  });

  it('lowering it makes fork wrap to 300 once the last PID reaches it', () => {
    const r = runProgram(`int main(void) {
  int fd = open("/proc/sys/kernel/pid_max", O_WRONLY);
  write(fd, "310", 3);
  close(fd);
  pid_t last = getpid();
  for (int i = 0; i < 310; i++) {
    pid_t p = fork();
    if (p == 0) _exit(0);
    waitpid(p, NULL, 0);
    if (p < last) printf("%d after %d\\n", p, last);
    last = p;
  }
  return 0;
}`);
    expect(r.stdout).toBe('300 after 309\n');
  });
});

describe('open', () => {
  it('fails as Linux does: ENOENT, ENOTDIR, EISDIR, EEXIST, EINVAL, EBADF, EFAULT', () => {
    const r = runProgram(`${SHOW}
int main(void) {
  int dir;
  show("missing", open("/nope", O_RDONLY));
  show("empty path", open("", O_RDONLY));
  show("relative", open("notes.txt", O_RDONLY));
  show("creat at the root", creat("/notes.txt", 0644));
  show("O_CREAT in a missing directory", open("/nodir/x", O_WRONLY | O_CREAT, 0644));
  show("O_CREAT in /proc", open("/proc/x", O_WRONLY | O_CREAT, 0644));
  show("O_CREAT|O_DIRECTORY", open("/newdir", O_RDONLY | O_CREAT | O_DIRECTORY, 0755));
  show("O_CREAT of name/", open("/newfile/", O_WRONLY | O_CREAT, 0644));
  show("a file as a directory", open("/dev/null/x", O_RDONLY));
  show("O_DIRECTORY on a file", open("/dev/null", O_RDONLY | O_DIRECTORY));
  show("a directory for writing", open("/proc", O_WRONLY));
  show("O_CREAT of a directory", open("/", O_RDONLY | O_CREAT, 0600));
  show("O_CREAT|O_EXCL of a file", open("/dev/null", O_RDONLY | O_CREAT | O_EXCL, 0600));
  show("O_CREAT of an existing file", open("/dev/null", O_RDONLY | O_CREAT, 0600));
  show("bad dirfd", openat(99, "x", O_RDONLY));
  show("bad dirfd, absolute path", openat(99, "/dev/null", O_RDONLY));
  show("dirfd not a directory", openat(3, "x", O_RDONLY));
  dir = open("/proc/sys", O_RDONLY | O_DIRECTORY);
  show("relative to a dirfd", openat(dir, "kernel/pid_max", O_RDONLY));
  show("dots", open("//proc/./sys/../sys/kernel/pid_max", O_RDONLY));
  show("reading a directory", read(dir, &dir, 1));
  show("bad pointer", open((char *)8, O_RDONLY));
  return 0;
}`);
    expect(r.stdout).toBe(
      [
        'missing = -1 No such file or directory',
        'empty path = -1 No such file or directory',
        'relative = -1 No such file or directory',
        'creat at the root = 3',
        'O_CREAT in a missing directory = -1 No such file or directory',
        'O_CREAT in /proc = -1 No such file or directory',
        'O_CREAT|O_DIRECTORY = -1 Invalid argument',
        'O_CREAT of name/ = -1 Is a directory',
        'a file as a directory = -1 Not a directory',
        'O_DIRECTORY on a file = -1 Not a directory',
        'a directory for writing = -1 Is a directory',
        'O_CREAT of a directory = -1 Is a directory',
        'O_CREAT|O_EXCL of a file = -1 File exists',
        'O_CREAT of an existing file = 4',
        'bad dirfd = -1 Bad file descriptor',
        'bad dirfd, absolute path = 5',
        'dirfd not a directory = -1 Not a directory',
        'relative to a dirfd = 7',
        'dots = 8',
        'reading a directory = -1 Is a directory',
        'bad pointer = -1 Bad address',
        '',
      ].join('\n'),
    );
  });

  it('/dev/null swallows writes and reads as empty, /dev/zero reads zeros; the access mode is enforced (EBADF)', () => {
    const r = runProgram(`${SHOW}
int main(void) {
  char buf[4] = "abc";
  int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY), wronly = open("/dev/null", O_WRONLY);
  show("write /dev/null", write(null, "xyz", 3));
  show("read /dev/null", read(null, buf, 3));
  show("read /dev/zero", read(zero, buf, 3));
  printf("bytes %d %d %d %d\\n", buf[0], buf[1], buf[2], buf[3]);
  show("write O_RDONLY", write(zero, "x", 1));
  show("read O_WRONLY", read(wronly, buf, 1));
  return 0;
}`);
    expect(r.stdout).toBe(
      ['write /dev/null = 3', 'read /dev/null = 0', 'read /dev/zero = 3', 'bytes 0 0 0 0', 'write O_RDONLY = -1 Bad file descriptor', 'read O_WRONLY = -1 Bad file descriptor', ''].join('\n'),
    );
  });
});

describe('fcntl, pipe2 and lseek', () => {
  it('F_GETFL shows the access mode and O_LARGEFILE of an opened file (not of a pipe); F_SETFL changes only the status flags', () => {
    const r = runProgram(`int main(void) {
  int p[2];
  int fd = open("/dev/null", O_WRONLY | O_TRUNC | O_CLOEXEC);
  pipe(p);
  printf("%#o %#o %#o\\n", fcntl(fd, F_GETFL), fcntl(p[0], F_GETFL), fcntl(p[1], F_GETFL));
  fcntl(fd, F_SETFL, O_RDWR | O_APPEND | O_NONBLOCK | O_CREAT);
  printf("%#o %#o\\n", fcntl(fd, F_GETFL), fcntl(open("/proc", O_RDONLY | O_DIRECTORY), F_GETFL));
  return 0;
}`);
    expect(r.stdout).toBe('0100001 0 01\n0106001 0300000\n');
  });

  it('F_GETFD/F_SETFD, F_DUPFD from a floor, F_DUPFD_CLOEXEC; EINVAL for an unknown command, EBADF first', () => {
    const r = runProgram(`${SHOW}
int main(void) {
  int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  show("F_GETFD", fcntl(fd, F_GETFD));
  show("F_SETFD 0", fcntl(fd, F_SETFD, 0));
  show("F_GETFD", fcntl(fd, F_GETFD));
  show("F_DUPFD 10", fcntl(fd, F_DUPFD, 10));
  show("F_DUPFD 10 again", fcntl(fd, F_DUPFD, 10));
  show("F_GETFD of it", fcntl(11, F_GETFD));
  show("F_DUPFD_CLOEXEC 0", fcntl(fd, F_DUPFD_CLOEXEC, 0));
  show("F_GETFD of it", fcntl(4, F_GETFD));
  show("dup of it", dup(4));
  show("F_GETFD of the dup", fcntl(5, F_GETFD));
  show("F_DUPFD 1048576", fcntl(fd, F_DUPFD, 1048576));
  show("unknown command", fcntl(fd, 999, 0));
  show("closed descriptor", fcntl(42, 999, 0));
  return 0;
}`);
    expect(r.stdout).toBe(
      [
        'F_GETFD = 1', 'F_SETFD 0 = 0', 'F_GETFD = 0', 'F_DUPFD 10 = 10', 'F_DUPFD 10 again = 11', 'F_GETFD of it = 0',
        'F_DUPFD_CLOEXEC 0 = 4', 'F_GETFD of it = 1', 'dup of it = 5', 'F_GETFD of the dup = 0',
        'F_DUPFD 1048576 = -1 Invalid argument', 'unknown command = -1 Invalid argument', 'closed descriptor = -1 Bad file descriptor', '',
      ].join('\n'),
    );
  });

  it('an O_NONBLOCK pipe read returns EAGAIN instead of sleeping (pipe2 or F_SETFL); pipe2 refuses other flags', () => {
    const r = runProgram(`${SHOW}
int main(void) {
  int p[2], q[2];
  char c;
  show("pipe2 O_NONBLOCK", pipe2(p, O_NONBLOCK | O_CLOEXEC));
  show("read empty", read(p[0], &c, 1));
  write(p[1], "x", 1);
  show("read one", read(p[0], &c, 1));
  pipe(q);
  fcntl(q[0], F_SETFL, O_NONBLOCK);
  show("read after F_SETFL", read(q[0], &c, 1));
  show("pipe2 O_WRONLY", pipe2(q, O_WRONLY));
  return 0;
}`);
    expect(r.stdout).toBe(
      ['pipe2 O_NONBLOCK = 0', 'read empty = -1 Resource temporarily unavailable', 'read one = 1', 'read after F_SETFL = -1 Resource temporarily unavailable', 'pipe2 O_WRONLY = -1 Invalid argument', ''].join('\n'),
    );
  });

  it('lseek: ESPIPE on a pipe and the terminal, 0 on /dev/null whatever asked, default_llseek on a /proc file', () => {
    const r = runProgram(`${SHOW}
int main(void) {
  int p[2];
  int null = open("/dev/null", O_RDONLY), max = open("/proc/sys/kernel/pid_max", O_RDONLY);
  pipe(p);
  show("pipe", lseek(p[0], 0, SEEK_CUR));
  show("stdout", lseek(1, 0, SEEK_CUR));
  show("/dev/null", lseek(null, 100, SEEK_SET));
  show("bad whence", lseek(null, 0, 7));
  show("SEEK_SET 3", lseek(max, 3, SEEK_SET));
  show("SEEK_CUR -1", lseek(max, -1, SEEK_CUR));
  show("SEEK_CUR -10", lseek(max, -10, SEEK_CUR));
  show("SEEK_END", lseek(max, 0, SEEK_END));
  show("SEEK_DATA", lseek(max, 0, SEEK_DATA));
  return 0;
}`);
    expect(r.stdout).toBe(
      [
        'pipe = -1 Illegal seek', 'stdout = -1 Illegal seek', '/dev/null = 0', 'bad whence = -1 Invalid argument',
        'SEEK_SET 3 = 3', 'SEEK_CUR -1 = 2', 'SEEK_CUR -10 = -1 Invalid argument', 'SEEK_END = 0', 'SEEK_DATA = -1 No such device or address', '',
      ].join('\n'),
    );
  });

  it('execve closes the close-on-exec descriptors and keeps the others', () => {
    const r = runProgram(`int main(void) {
  int keep = open("/dev/null", O_WRONLY);
  int drop = open("/dev/null", O_WRONLY | O_CLOEXEC);
  char a[8], b[8];
  snprintf(a, sizeof a, "%d", keep);
  snprintf(b, sizeof b, "%d", drop);
  if (fork() == 0) {
    execl("./child", "child", a, b, (char *)NULL);
    _exit(127);
  }
  wait(NULL);
  return 0;
}`, {
      files: {
        '/w/child.c': `#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  printf("kept %d: %d, closed %d: %d\\n", atoi(argv[1]), fcntl(atoi(argv[1]), F_GETFD), atoi(argv[2]), fcntl(atoi(argv[2]), F_GETFD));
  return 0;
}`,
      },
    });
    expect(r.stdout).toBe('kept 3: 0, closed 4: -1\n');
  });
});

describe('stat', () => {
  it('reports each kind of file as Linux does: devices, directories, the sysctl, pipes, the terminal or a pipe for stdout', () => {
    const program = `#include <sys/stat.h>
#include <sys/sysmacros.h>
${SHOW}
static void describe(const char *what, int r, struct stat *s) {
  if (r < 0) { show(what, r); return; }
  printf("%s: mode %o nlink %ld size %ld blksize %ld rdev %u,%u\\n", what, s->st_mode, (long)s->st_nlink, (long)s->st_size,
         (long)s->st_blksize, major(s->st_rdev), minor(s->st_rdev));
}
int main(void) {
  struct stat s;
  int p[2];
  pipe(p);
  describe("/dev/null", stat("/dev/null", &s), &s);
  describe("/dev/zero", lstat("/dev/zero", &s), &s);
  describe("/", stat("/", &s), &s);
  describe("/proc/sys", stat("/proc/sys", &s), &s);
  describe("pid_max", fstatat(open("/proc/sys", O_RDONLY), "kernel/pid_max", &s, 0), &s);
  describe("a pipe", fstat(p[0], &s), &s);
  describe("stdout", fstat(1, &s), &s);
  describe("missing", stat("/nope", &s), &s);
  describe("closed", fstat(42, &s), &s);
  describe("empty path", stat("", &s), &s);
  describe("bad flag", fstatat(AT_FDCWD, "/", &s, 1), &s);
  return 0;
}`;
    expect(runProgram(program).stdout).toBe(
      [
        '/dev/null: mode 20666 nlink 1 size 0 blksize 4096 rdev 1,3',
        '/dev/zero: mode 20666 nlink 1 size 0 blksize 4096 rdev 1,5',
        '/: mode 40755 nlink 2 size 4096 blksize 4096 rdev 0,0',
        '/proc/sys: mode 40555 nlink 2 size 0 blksize 1024 rdev 0,0',
        'pid_max: mode 100644 nlink 1 size 0 blksize 1024 rdev 0,0',
        'a pipe: mode 10600 nlink 1 size 0 blksize 4096 rdev 0,0',
        'stdout: mode 10600 nlink 1 size 0 blksize 4096 rdev 0,0',
        'missing = -1 No such file or directory',
        'closed = -1 Bad file descriptor',
        'empty path = -1 No such file or directory',
        'bad flag = -1 Invalid argument',
        '',
      ].join('\n'),
    );
  });
});

describe('ps', () => {
  const ps = (pidMax: number) => runProgram('int main(void) { return system("ps -o pid,ppid,sid,comm -p 1"); }', { pidMax }).stdout;

  it('sizes the PID columns to the digits of pid_max, read from /proc/sys/kernel/pid_max, or to the header when wider', () => {
    expect(ps(4194304)).toBe('    PID    PPID     SID COMMAND\n      1       0       1 init\n');
    expect(ps(32768)).toBe('  PID  PPID   SID COMMAND\n    1     0     1 init\n');
    expect(ps(1000)).toBe(' PID PPID  SID COMMAND\n   1    0    1 init\n');
    expect(ps(500)).toBe('PID PPID SID COMMAND\n  1    0   1 init\n');
  });
});

describe('regular files, kept in memory for the run (tmpfs)', () => {
  it('a hole costs no memory, and a program that writes without end gets ENOSPC, not the host\'s memory', () => {
    const r = runProgram(`#include <sys/stat.h>
${SHOW}
static char chunk[1 << 20];
int main(void) {
  struct stat st;
  int sparse = open("/sparse", O_RDWR | O_CREAT, 0644);
  show("lseek to 1 TiB", lseek(sparse, 1L << 40, SEEK_SET));
  show("write", write(sparse, "x", 1));
  fstat(sparse, &st);
  printf("size %ld, blocks %ld\\n", (long)st.st_size, (long)st.st_blocks);
  char c = 1;
  lseek(sparse, 12345, SEEK_SET);
  show("read in the hole", read(sparse, &c, 1));
  printf("byte %d\\n", c);
  int fd = open("/big", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  long total = 0, n;
  while ((n = write(fd, chunk, sizeof chunk)) > 0) total += n;
  show("write once full", n);
  printf("%ld bytes written\\n", total);
  show("unlink", unlink("/big"));
  show("still full while open", write(fd, chunk, 1));
  close(fd);
  fd = open("/small", O_WRONLY | O_CREAT, 0644);
  show("room again once closed", write(fd, chunk, 4096));
  return 0;
}`);
    // 128 MiB, half of the machine's memory, less the page the sparse file holds.
    expect(r.stdout).toBe(
      [
        'lseek to 1 TiB = 1099511627776',
        'write = 1',
        'size 1099511627777, blocks 8',
        'read in the hole = 1',
        'byte 0',
        'write once full = -1 No space left on device',
        `${128 * 1024 * 1024 - 4096} bytes written`,
        'unlink = 0',
        'still full while open = -1 No space left on device',
        'room again once closed = 4096',
        '',
      ].join('\n'),
    );
  });
});
