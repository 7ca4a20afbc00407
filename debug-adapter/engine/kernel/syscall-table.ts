// arch/x86/entry/syscalls/syscall_64.tbl: the number of each system call the kernel has. Forkscope's
// user code calls the kernel's sys_* functions directly, so a number is needed only where Linux keeps
// one in a register the program can see: orig_ax, which a restarted call reloads into ax
// (syscall_rollback), and rt_sigreturn then returns. nice and proc_stat_list have no x86-64 number
// (Forkscope's own calls); they never restart.
const SYSCALL_64: ReadonlyMap<string, number> = new Map([
  ['read', 0], ['write', 1], ['open', 2], ['close', 3], ['lseek', 8], ['mmap', 9], ['mprotect', 10], ['munmap', 11],
  ['brk', 12], ['rt_sigaction', 13], ['rt_sigprocmask', 14], ['rt_sigreturn', 15], ['ioctl', 16], ['pipe', 22], ['sched_yield', 24],
  ['dup', 32], ['dup2', 33], ['pause', 34], ['alarm', 37], ['getpid', 39], ['clone', 56],
  ['fork', 57], ['vfork', 58], ['execve', 59], ['exit', 60], ['wait4', 61], ['kill', 62], ['fcntl', 72], ['ftruncate', 77], ['getcwd', 79], ['chdir', 80], ['fchdir', 81], ['mkdir', 83], ['rmdir', 84],
  ['creat', 85], ['link', 86], ['unlink', 87], ['umask', 95], ['gettimeofday', 96], ['getrusage', 98], ['times', 100], ['getuid', 102], ['getgid', 104],
  ['geteuid', 107], ['getegid', 108], ['setpgid', 109], ['getppid', 110], ['getpgrp', 111], ['setsid', 112],
  ['getpgid', 121], ['getsid', 124], ['rt_sigpending', 127], ['rt_sigtimedwait', 128], ['rt_sigqueueinfo', 129],
  ['rt_sigsuspend', 130], ['getpriority', 140], ['setpriority', 141], ['sched_setparam', 142],
  ['sched_getparam', 143], ['sched_setscheduler', 144], ['sched_getscheduler', 145], ['sched_get_priority_max', 146],
  ['sched_get_priority_min', 147], ['prctl', 157], ['arch_prctl', 158], ['init_module', 175], ['delete_module', 176],
  ['gettid', 186], ['tkill', 200], ['time', 201], ['futex', 202], ['sched_setaffinity', 203],
  ['sched_getaffinity', 204], ['getdents64', 217], ['restart_syscall', 219], ['clock_gettime', 228], ['clock_getres', 229], ['clock_nanosleep', 230],
  ['exit_group', 231], ['tgkill', 234], ['waitid', 247], ['openat', 257], ['mkdirat', 258], ['newfstatat', 262], ['unlinkat', 263], ['linkat', 265], ['dup3', 292], ['pipe2', 293],
  ['prlimit64', 302], ['getcpu', 309], ['getrandom', 318], ['clone3', 435],
]);

/** A system call's x86-64 number from its entry function's name (sys_read: 0), or -1 when it has none. */
export function syscallNr(entry: string): number {
  return SYSCALL_64.get(entry.replace(/^sys_/, '')) ?? -1;
}
