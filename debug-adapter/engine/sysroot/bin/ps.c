/* /bin/ps: the processes, as procps-ng's ps prints them. Real ps reads /proc; Forkscope's gets the same
   fields from proc_stat_list (linux/proc_stat.h), sorted by PID as /proc lists them.
     ps                  the processes with the caller's user and terminal: in Forkscope every process
                         runs as root and none has a controlling terminal, so that is all of them (TTY ?)
     ps -e, -A           every process
     ps -f               full format: UID PID PPID C STIME TTY TIME CMD, CMD the command line
                         ([name] for a kernel thread, "[name] <defunct>" for a zombie)
     ps --ppid N[,M...]  the children of N, M ...
     ps -p N[,M...]      processes N, M ...
     ps -o KEY[,KEY...]  columns of one's own: pid ppid pgid sid stat s tty time stime c uid user nlwp
                         ni comm ucmd cmd args
   Selections add up, as procps's do. Exit status 1 when no process was selected. Left out: other
   options, KEY=HEADER, procps's usage text after an error, STIME of another day (a run never leaves
   its boot day). The PID columns are as wide as pid_max has digits, read from
   /proc/sys/kernel/pid_max as procps reads it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/proc_stat.h>

#define USER_HZ 100
#define PF_KTHREAD 0x00200000
#define MAX_COLUMNS 32
#define MAX_LIST 64
#define SECONDS_PER_DAY 86400

enum column_kind { PID, PPID, PGID, SID, STAT, S, TTY, TIME, STIME, C, UID, USER, NLWP, NI, COMM, ARGS };

/* A column as procps defines it: the header, the width and which side values hug. */
struct column {
  const char *key;
  enum column_kind kind;
  const char *header;
  int width;
  int right;
};

static const struct column known_columns[] = {
  { "pid", PID, "PID", 5, 1 },      { "ppid", PPID, "PPID", 5, 1 },   { "pgid", PGID, "PGID", 5, 1 },
  { "sid", SID, "SID", 5, 1 },      { "stat", STAT, "STAT", 4, 0 },   { "s", S, "S", 1, 0 },
  { "tty", TTY, "TT", 8, 0 },       { "time", TIME, "TIME", 8, 1 },   { "stime", STIME, "STIME", 5, 1 },
  { "c", C, "C", 2, 1 },            { "uid", UID, "UID", 5, 1 },      { "user", USER, "USER", 8, 0 },
  { "nlwp", NLWP, "NLWP", 4, 1 },   { "ni", NI, "NI", 3, 1 },         { "comm", COMM, "COMMAND", 15, 0 },
  { "ucmd", COMM, "CMD", 15, 0 },   { "cmd", ARGS, "CMD", 27, 0 },    { "args", ARGS, "COMMAND", 27, 0 },
};

/* ps's default format, and -f's; their TTY and UID columns have headers of their own. */
static const struct column default_format[] = {
  { "pid", PID, "PID", 5, 1 }, { "tty", TTY, "TTY", 8, 0 }, { "time", TIME, "TIME", 8, 1 }, { "ucmd", COMM, "CMD", 15, 0 },
};
static const struct column full_format[] = {
  { "user", USER, "UID", 8, 0 },   { "pid", PID, "PID", 5, 1 },     { "ppid", PPID, "PPID", 5, 1 },
  { "c", C, "C", 2, 1 },           { "stime", STIME, "STIME", 5, 1 }, { "tty", TTY, "TTY", 8, 0 },
  { "time", TIME, "TIME", 8, 1 },  { "cmd", ARGS, "CMD", 27, 0 },
};

static struct column columns[MAX_COLUMNS];
static int ncolumns;

/* What is selected: everything, or the processes whose PID or PPID is listed. */
static int select_all;
static int pids[MAX_LIST], npids;
static int ppids[MAX_LIST], nppids;

/* The clock the times are read against: seconds since boot, and the wall-clock time of boot. */
static unsigned long long uptime_ticks;
static long boot_time;

static void add_columns(const struct column *cols, int n)
{
  for (int i = 0; i < n && ncolumns < MAX_COLUMNS; i++)
    columns[ncolumns++] = cols[i];
}

/* -o's list; returns 0 for a key procps does not know (or Forkscope's ps does not support). */
static int add_format(char *list)
{
  for (char *key = strtok(list, ","); key; key = strtok(NULL, ",")) {
    int found = 0;
    for (int i = 0; i < (int)(sizeof(known_columns) / sizeof(known_columns[0])); i++) {
      if (strcmp(known_columns[i].key, key) == 0) {
        add_columns(&known_columns[i], 1);
        found = 1;
      }
    }
    if (!found) {
      fprintf(stderr, "error: unknown user-defined format specifier \"%s\"\n", key);
      return 0;
    }
  }
  return 1;
}

/* A list of PIDs, separated by commas; returns 0 when one is not a number. */
static int add_pid_list(char *list, int *out, int *n)
{
  for (char *item = strtok(list, ","); item; item = strtok(NULL, ",")) {
    char *end;
    long v = strtol(item, &end, 10);
    if (*end != '\0' || end == item || v <= 0) {
      fprintf(stderr, "error: process ID list syntax error\n");
      return 0;
    }
    if (*n < MAX_LIST)
      out[(*n)++] = v;
  }
  return 1;
}

static int in_list(int v, const int *list, int n)
{
  for (int i = 0; i < n; i++)
    if (list[i] == v)
      return 1;
  return 0;
}

/* Without a selection, procps lists the processes with the caller's euid and terminal: every
   process, in Forkscope (see the top). */
static int selected(const struct proc_stat *p)
{
  if (select_all || (npids == 0 && nppids == 0))
    return 1;
  return in_list(p->pid, pids, npids) || in_list(p->ppid, ppids, nppids);
}

static int by_pid(const void *a, const void *b)
{
  return ((const struct proc_stat *)a)->pid - ((const struct proc_stat *)b)->pid;
}

/* STAT: the state letter, then procps's flags: < high priority, N low, s session leader, l threads. */
static void format_stat(char *out, const struct proc_stat *p)
{
  int n = 0;
  out[n++] = p->state;
  if (p->nice < 0)
    out[n++] = '<';
  else if (p->nice > 0)
    out[n++] = 'N';
  if (p->session == p->pid)
    out[n++] = 's';
  if (p->num_threads > 1)
    out[n++] = 'l';
  out[n] = '\0';
}

/* CMD: the arguments separated by spaces; [name] for a process with none (a kernel thread, a zombie). */
static void format_args(char *out, size_t size, const struct proc_stat *p)
{
  size_t n = 0;
  if (p->cmdline[0] == '\0') {
    snprintf(out, size, p->state == 'Z' ? "[%s] <defunct>" : "[%s]", p->comm);
    return;
  }
  for (const char *a = p->cmdline; *a && a < p->cmdline + PROC_CMDLINE_MAX; a += strlen(a) + 1) {
    n += snprintf(out + n, size - n, n ? " %s" : "%s", a);
    if (n >= size)
      return;
  }
}

/* TIME: the CPU time the process has had, [DD-]HH:MM:SS. */
static void format_time(char *out, size_t size, unsigned long ticks)
{
  unsigned long t = ticks / USER_HZ;
  if (t >= SECONDS_PER_DAY)
    snprintf(out, size, "%lu-%02lu:%02lu:%02lu", t / SECONDS_PER_DAY, t / 3600 % 24, t / 60 % 60, t % 60);
  else
    snprintf(out, size, "%02lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
}

/* C: the percentage of its lifetime the process has spent on a CPU, in whole seconds, at most 99. */
static unsigned long cpu_percent(const struct proc_stat *p)
{
  unsigned long long seconds = (uptime_ticks - p->start_time) / USER_HZ;
  unsigned long long pcpu = seconds ? ((p->utime + p->stime) * 100ULL / USER_HZ) / seconds : 0;
  return pcpu > 99 ? 99 : pcpu;
}

static void format_value(char *out, size_t size, enum column_kind kind, const struct proc_stat *p)
{
  long start;

  switch (kind) {
  case PID: snprintf(out, size, "%d", p->pid); break;
  case PPID: snprintf(out, size, "%d", p->ppid); break;
  case PGID: snprintf(out, size, "%d", p->pgrp); break;
  case SID: snprintf(out, size, "%d", p->session); break;
  case STAT: format_stat(out, p); break;
  case S: snprintf(out, size, "%c", p->state); break;
  case TTY: snprintf(out, size, "?"); break; /* tty_nr is 0: no controlling terminal */
  case TIME: format_time(out, size, p->utime + p->stime); break;
  case STIME:
    start = boot_time + p->start_time / USER_HZ;
    snprintf(out, size, "%02ld:%02ld", start % SECONDS_PER_DAY / 3600, start % 3600 / 60);
    break;
  case C: snprintf(out, size, "%lu", cpu_percent(p)); break;
  case UID: snprintf(out, size, "0"); break; /* every task runs as root (Forkscope has no users) */
  case USER: snprintf(out, size, "root"); break;
  case NLWP: snprintf(out, size, "%ld", p->num_threads); break;
  case NI: snprintf(out, size, "%ld", p->nice); break;
  case COMM: snprintf(out, size, "%s", p->comm); break;
  case ARGS: format_args(out, size, p); break;
  }
}

/* One line: each column in its width, a left-aligned one cut to it unless it is the last, which is
   neither padded nor cut. `p` NULL: the headers. */
static void print_line(const struct proc_stat *p)
{
  char text[PROC_CMDLINE_MAX + 64];
  char line[4096];
  size_t n = 0;

  for (int i = 0; i < ncolumns; i++) {
    const struct column *c = &columns[i];
    int last = i == ncolumns - 1;
    if (p)
      format_value(text, sizeof text, c->kind, p);
    else
      snprintf(text, sizeof text, "%s", c->header);
    if (i > 0)
      line[n++] = ' ';
    if (c->right)
      n += snprintf(line + n, sizeof line - n, "%*s", c->width, text);
    else if (last)
      n += snprintf(line + n, sizeof line - n, "%s", text);
    else
      n += snprintf(line + n, sizeof line - n, "%-*.*s", c->width, c->width, text);
    if (n >= sizeof line - 1)
      n = sizeof line - 2;
  }
  line[n++] = '\n';
  fwrite(line, 1, n, stdout);
}

/* The digits of pid_max, the widest PID there can be; procps falls back to 5 when it cannot tell. */
static int pid_digits(void)
{
  char buf[16];
  int fd = open("/proc/sys/kernel/pid_max", O_RDONLY);
  ssize_t len = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
  int digits = 0;

  if (fd >= 0)
    close(fd);
  if (len <= 0)
    return 5;
  while (digits < len && buf[digits] >= '0' && buf[digits] <= '9')
    digits++;
  return digits > 0 ? digits : 5;
}

/* The columns that show a process ID take pid_max's width, or their header's when that is wider. */
static void size_pid_columns(void)
{
  int digits = pid_digits();

  for (int i = 0; i < ncolumns; i++) {
    struct column *c = &columns[i];
    int header = strlen(c->header);
    if (c->kind == PID || c->kind == PPID || c->kind == PGID || c->kind == SID)
      c->width = digits > header ? digits : header;
  }
}

/* The option arguments; returns 0 after an error message. */
static int parse_options(int argc, char **argv)
{
  int full = 0;

  for (int i = 1; i < argc; i++) {
    char *a = argv[i];
    if (strcmp(a, "--ppid") == 0 || strcmp(a, "-p") == 0 || strcmp(a, "-o") == 0) {
      if (i + 1 == argc) {
        fprintf(stderr, "error: list of process IDs must follow %s\n", a);
        return 0;
      }
      char *list = argv[++i];
      if (strcmp(a, "-o") == 0 ? !add_format(list) : !add_pid_list(list, a[1] == 'p' ? pids : ppids, a[1] == 'p' ? &npids : &nppids))
        return 0;
      continue;
    }
    if (a[0] != '-' || a[1] == '\0' || a[1] == '-') {
      fprintf(stderr, "error: unsupported option (Forkscope's ps has -e -A -f -p --ppid -o): %s\n", a);
      return 0;
    }
    for (char *f = a + 1; *f; f++) {
      if (*f == 'e' || *f == 'A') {
        select_all = 1;
      } else if (*f == 'f') {
        full = 1;
      } else {
        fprintf(stderr, "error: unsupported option (Forkscope's ps has -e -A -f -p --ppid -o): -%c\n", *f);
        return 0;
      }
    }
  }
  if (ncolumns == 0 && full)
    add_columns(full_format, sizeof(full_format) / sizeof(full_format[0]));
  if (ncolumns == 0)
    add_columns(default_format, sizeof(default_format) / sizeof(default_format[0]));
  return 1;
}

/* The clock: boot's wall-clock time is /proc/stat's btime to procps, the real time less the uptime here. */
static void read_clocks(void)
{
  struct timespec real, boot;
  clock_gettime(CLOCK_REALTIME, &real);
  clock_gettime(CLOCK_BOOTTIME, &boot);
  uptime_ticks = boot.tv_sec * USER_HZ + boot.tv_nsec / (1000000000 / USER_HZ);
  boot_time = real.tv_sec - boot.tv_sec - (real.tv_nsec < boot.tv_nsec);
}

int main(int argc, char **argv)
{
  struct proc_stat *tasks;
  int room, n, listed = 0;

  if (!parse_options(argc, argv))
    return 1;
  /* The tasks may grow between the two calls: room for a few more. */
  room = proc_stat_list(NULL, 0) + 16;
  tasks = malloc(room * sizeof(*tasks));
  if (!tasks) {
    perror("ps");
    return 1;
  }
  n = proc_stat_list(tasks, room);
  if (n > room)
    n = room;
  read_clocks();
  size_pid_columns();
  qsort(tasks, n, sizeof(*tasks), by_pid);
  print_line(NULL);
  for (int i = 0; i < n; i++) {
    /* /proc lists processes; their other threads are under /proc/PID/task. */
    if (tasks[i].pid != tasks[i].tgid || !selected(&tasks[i]))
      continue;
    print_line(&tasks[i]);
    listed++;
  }
  return listed == 0;
}
