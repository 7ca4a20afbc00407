// Linux error numbers and signal numbers (x86-64) with glibc's wording for strerror and strsignal, and
// what bash prints when a job dies of a signal. The tables were taken from this machine's glibc and
// bash (see test/libc/errno.test.ts, which checks them against a real C program when cc is present).

/** [value, name, strerror text], in the order of the kernel's asm-generic/errno*.h. */
const ERRNO_TABLE: readonly (readonly [number, string, string])[] = [
  [1, 'EPERM', 'Operation not permitted'],
  [2, 'ENOENT', 'No such file or directory'],
  [3, 'ESRCH', 'No such process'],
  [4, 'EINTR', 'Interrupted system call'],
  [5, 'EIO', 'Input/output error'],
  [6, 'ENXIO', 'No such device or address'],
  [7, 'E2BIG', 'Argument list too long'],
  [8, 'ENOEXEC', 'Exec format error'],
  [9, 'EBADF', 'Bad file descriptor'],
  [10, 'ECHILD', 'No child processes'],
  [11, 'EAGAIN', 'Resource temporarily unavailable'],
  [12, 'ENOMEM', 'Cannot allocate memory'],
  [13, 'EACCES', 'Permission denied'],
  [14, 'EFAULT', 'Bad address'],
  [15, 'ENOTBLK', 'Block device required'],
  [16, 'EBUSY', 'Device or resource busy'],
  [17, 'EEXIST', 'File exists'],
  [18, 'EXDEV', 'Invalid cross-device link'],
  [19, 'ENODEV', 'No such device'],
  [20, 'ENOTDIR', 'Not a directory'],
  [21, 'EISDIR', 'Is a directory'],
  [22, 'EINVAL', 'Invalid argument'],
  [23, 'ENFILE', 'Too many open files in system'],
  [24, 'EMFILE', 'Too many open files'],
  [25, 'ENOTTY', 'Inappropriate ioctl for device'],
  [26, 'ETXTBSY', 'Text file busy'],
  [27, 'EFBIG', 'File too large'],
  [28, 'ENOSPC', 'No space left on device'],
  [29, 'ESPIPE', 'Illegal seek'],
  [30, 'EROFS', 'Read-only file system'],
  [31, 'EMLINK', 'Too many links'],
  [32, 'EPIPE', 'Broken pipe'],
  [33, 'EDOM', 'Numerical argument out of domain'],
  [34, 'ERANGE', 'Numerical result out of range'],
  [35, 'EDEADLK', 'Resource deadlock avoided'],
  [36, 'ENAMETOOLONG', 'File name too long'],
  [37, 'ENOLCK', 'No locks available'],
  [38, 'ENOSYS', 'Function not implemented'],
  [39, 'ENOTEMPTY', 'Directory not empty'],
  [40, 'ELOOP', 'Too many levels of symbolic links'],
  [42, 'ENOMSG', 'No message of desired type'],
  [43, 'EIDRM', 'Identifier removed'],
  [44, 'ECHRNG', 'Channel number out of range'],
  [45, 'EL2NSYNC', 'Level 2 not synchronized'],
  [46, 'EL3HLT', 'Level 3 halted'],
  [47, 'EL3RST', 'Level 3 reset'],
  [48, 'ELNRNG', 'Link number out of range'],
  [49, 'EUNATCH', 'Protocol driver not attached'],
  [50, 'ENOCSI', 'No CSI structure available'],
  [51, 'EL2HLT', 'Level 2 halted'],
  [52, 'EBADE', 'Invalid exchange'],
  [53, 'EBADR', 'Invalid request descriptor'],
  [54, 'EXFULL', 'Exchange full'],
  [55, 'ENOANO', 'No anode'],
  [56, 'EBADRQC', 'Invalid request code'],
  [57, 'EBADSLT', 'Invalid slot'],
  [59, 'EBFONT', 'Bad font file format'],
  [60, 'ENOSTR', 'Device not a stream'],
  [61, 'ENODATA', 'No data available'],
  [62, 'ETIME', 'Timer expired'],
  [63, 'ENOSR', 'Out of streams resources'],
  [64, 'ENONET', 'Machine is not on the network'],
  [65, 'ENOPKG', 'Package not installed'],
  [66, 'EREMOTE', 'Object is remote'],
  [67, 'ENOLINK', 'Link has been severed'],
  [68, 'EADV', 'Advertise error'],
  [69, 'ESRMNT', 'Srmount error'],
  [70, 'ECOMM', 'Communication error on send'],
  [71, 'EPROTO', 'Protocol error'],
  [72, 'EMULTIHOP', 'Multihop attempted'],
  [73, 'EDOTDOT', 'RFS specific error'],
  [74, 'EBADMSG', 'Bad message'],
  [75, 'EOVERFLOW', 'Value too large for defined data type'],
  [76, 'ENOTUNIQ', 'Name not unique on network'],
  [77, 'EBADFD', 'File descriptor in bad state'],
  [78, 'EREMCHG', 'Remote address changed'],
  [79, 'ELIBACC', 'Can not access a needed shared library'],
  [80, 'ELIBBAD', 'Accessing a corrupted shared library'],
  [81, 'ELIBSCN', '.lib section in a.out corrupted'],
  [82, 'ELIBMAX', 'Attempting to link in too many shared libraries'],
  [83, 'ELIBEXEC', 'Cannot exec a shared library directly'],
  [84, 'EILSEQ', 'Invalid or incomplete multibyte or wide character'],
  [85, 'ERESTART', 'Interrupted system call should be restarted'],
  [86, 'ESTRPIPE', 'Streams pipe error'],
  [87, 'EUSERS', 'Too many users'],
  [88, 'ENOTSOCK', 'Socket operation on non-socket'],
  [89, 'EDESTADDRREQ', 'Destination address required'],
  [90, 'EMSGSIZE', 'Message too long'],
  [91, 'EPROTOTYPE', 'Protocol wrong type for socket'],
  [92, 'ENOPROTOOPT', 'Protocol not available'],
  [93, 'EPROTONOSUPPORT', 'Protocol not supported'],
  [94, 'ESOCKTNOSUPPORT', 'Socket type not supported'],
  [95, 'EOPNOTSUPP', 'Operation not supported'],
  [96, 'EPFNOSUPPORT', 'Protocol family not supported'],
  [97, 'EAFNOSUPPORT', 'Address family not supported by protocol'],
  [98, 'EADDRINUSE', 'Address already in use'],
  [99, 'EADDRNOTAVAIL', 'Cannot assign requested address'],
  [100, 'ENETDOWN', 'Network is down'],
  [101, 'ENETUNREACH', 'Network is unreachable'],
  [102, 'ENETRESET', 'Network dropped connection on reset'],
  [103, 'ECONNABORTED', 'Software caused connection abort'],
  [104, 'ECONNRESET', 'Connection reset by peer'],
  [105, 'ENOBUFS', 'No buffer space available'],
  [106, 'EISCONN', 'Transport endpoint is already connected'],
  [107, 'ENOTCONN', 'Transport endpoint is not connected'],
  [108, 'ESHUTDOWN', 'Cannot send after transport endpoint shutdown'],
  [109, 'ETOOMANYREFS', 'Too many references: cannot splice'],
  [110, 'ETIMEDOUT', 'Connection timed out'],
  [111, 'ECONNREFUSED', 'Connection refused'],
  [112, 'EHOSTDOWN', 'Host is down'],
  [113, 'EHOSTUNREACH', 'No route to host'],
  [114, 'EALREADY', 'Operation already in progress'],
  [115, 'EINPROGRESS', 'Operation now in progress'],
  [116, 'ESTALE', 'Stale file handle'],
  [117, 'EUCLEAN', 'Structure needs cleaning'],
  [118, 'ENOTNAM', 'Not a XENIX named type file'],
  [119, 'ENAVAIL', 'No XENIX semaphores available'],
  [120, 'EISNAM', 'Is a named type file'],
  [121, 'EREMOTEIO', 'Remote I/O error'],
  [122, 'EDQUOT', 'Disk quota exceeded'],
  [123, 'ENOMEDIUM', 'No medium found'],
  [124, 'EMEDIUMTYPE', 'Wrong medium type'],
  [125, 'ECANCELED', 'Operation canceled'],
  [126, 'ENOKEY', 'Required key not available'],
  [127, 'EKEYEXPIRED', 'Key has expired'],
  [128, 'EKEYREVOKED', 'Key has been revoked'],
  [129, 'EKEYREJECTED', 'Key was rejected by service'],
  [130, 'EOWNERDEAD', 'Owner died'],
  [131, 'ENOTRECOVERABLE', 'State not recoverable'],
  [132, 'ERFKILL', 'Operation not possible due to RF-kill'],
  [133, 'EHWPOISON', 'Memory page has hardware error'],
];

export const ERRNO_NAMES: ReadonlyMap<number, string> = new Map(ERRNO_TABLE.map(([v, n]) => [v, n]));
const ERRNO_MESSAGES: ReadonlyMap<number, string> = new Map(ERRNO_TABLE.map(([v, , m]) => [v, m]));

/** The errno values the engine itself sets, by name, so code reads `E.ENOMEM` instead of 12. */
export const E = Object.fromEntries(ERRNO_TABLE.map(([v, n]) => [n, v])) as Readonly<Record<string, number>> & {
  readonly EPERM: 1; readonly ENOENT: 2; readonly ESRCH: 3; readonly EINTR: 4; readonly EIO: 5; readonly EBADF: 9;
  readonly ECHILD: 10; readonly EAGAIN: 11; readonly ENOMEM: 12; readonly EACCES: 13; readonly EFAULT: 14;
  readonly EEXIST: 17; readonly EINVAL: 22; readonly EMFILE: 24; readonly ENOTTY: 25; readonly ESPIPE: 29;
  readonly EPIPE: 32; readonly EDOM: 33; readonly ERANGE: 34; readonly EDEADLK: 35; readonly ENOSYS: 38;
};

/** glibc's strerror(): the message, or "Unknown error N" (0 is "Success"). */
export function strerror(errnum: number): string {
  if (errnum === 0) return 'Success';
  return ERRNO_MESSAGES.get(errnum) ?? `Unknown error ${errnum}`;
}

/** [number, name, strsignal text] for the x86-64 Linux signals 1–31. */
const SIGNAL_TABLE: readonly (readonly [number, string, string])[] = [
  [1, 'SIGHUP', 'Hangup'],
  [2, 'SIGINT', 'Interrupt'],
  [3, 'SIGQUIT', 'Quit'],
  [4, 'SIGILL', 'Illegal instruction'],
  [5, 'SIGTRAP', 'Trace/breakpoint trap'],
  [6, 'SIGABRT', 'Aborted'],
  [7, 'SIGBUS', 'Bus error'],
  [8, 'SIGFPE', 'Floating point exception'],
  [9, 'SIGKILL', 'Killed'],
  [10, 'SIGUSR1', 'User defined signal 1'],
  [11, 'SIGSEGV', 'Segmentation fault'],
  [12, 'SIGUSR2', 'User defined signal 2'],
  [13, 'SIGPIPE', 'Broken pipe'],
  [14, 'SIGALRM', 'Alarm clock'],
  [15, 'SIGTERM', 'Terminated'],
  [16, 'SIGSTKFLT', 'Stack fault'],
  [17, 'SIGCHLD', 'Child exited'],
  [18, 'SIGCONT', 'Continued'],
  [19, 'SIGSTOP', 'Stopped (signal)'],
  [20, 'SIGTSTP', 'Stopped'],
  [21, 'SIGTTIN', 'Stopped (tty input)'],
  [22, 'SIGTTOU', 'Stopped (tty output)'],
  [23, 'SIGURG', 'Urgent I/O condition'],
  [24, 'SIGXCPU', 'CPU time limit exceeded'],
  [25, 'SIGXFSZ', 'File size limit exceeded'],
  [26, 'SIGVTALRM', 'Virtual timer expired'],
  [27, 'SIGPROF', 'Profiling timer expired'],
  [28, 'SIGWINCH', 'Window changed'],
  [29, 'SIGIO', 'I/O possible'],
  [30, 'SIGPWR', 'Power failure'],
  [31, 'SIGSYS', 'Bad system call'],
];

export const SIGNAL_NAMES: ReadonlyMap<number, string> = new Map(SIGNAL_TABLE.map(([v, n]) => [v, n]));
const SIGNAL_MESSAGES: ReadonlyMap<number, string> = new Map(SIGNAL_TABLE.map(([v, , m]) => [v, m]));

export const SIG = Object.fromEntries(SIGNAL_TABLE.map(([v, n]) => [n, v])) as Readonly<Record<string, number>> & {
  readonly SIGHUP: 1; readonly SIGINT: 2; readonly SIGQUIT: 3; readonly SIGILL: 4; readonly SIGTRAP: 5;
  readonly SIGABRT: 6; readonly SIGBUS: 7; readonly SIGFPE: 8; readonly SIGKILL: 9; readonly SIGUSR1: 10;
  readonly SIGSEGV: 11; readonly SIGUSR2: 12; readonly SIGPIPE: 13; readonly SIGALRM: 14; readonly SIGTERM: 15;
  readonly SIGCHLD: 17; readonly SIGCONT: 18; readonly SIGSTOP: 19; readonly SIGTSTP: 20; readonly SIGTTIN: 21;
  readonly SIGTTOU: 22;
};

/** glibc's SIGRTMIN and SIGRTMAX (glibc reserves kernel signals 32 and 33 for its threads). */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;
/** One past the highest signal number, as glibc's NSIG. */
export const NSIG = 65;

/** glibc's strsignal(). */
export function strsignal(sig: number): string {
  const known = SIGNAL_MESSAGES.get(sig);
  if (known !== undefined) return known;
  if (sig >= SIGRTMIN && sig <= SIGRTMAX) return `Real-time signal ${sig - SIGRTMIN}`;
  return `Unknown signal ${sig}`;
}

/**
 * What bash prints when a foreground job dies of `sig`: strsignal's text, except nothing at all for
 * SIGINT (the user pressed ^C and knows) and SIGPIPE (the reader went away: normal in pipelines).
 * bash appends " (core dumped)" when a core file was written; the simulator writes none.
 */
export function shellSignalMessage(sig: number): string {
  if (sig === SIG.SIGINT || sig === SIG.SIGPIPE) return '';
  return strsignal(sig);
}
