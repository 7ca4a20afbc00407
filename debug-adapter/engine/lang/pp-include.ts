// Finds the file an #include names. User files come through readFile; system headers come only from
// the map Forkscope ships (the host's /usr/include is never read) and are named /usr/include/<name>.

export const SYSTEM_INCLUDE_DIR = '/usr/include/';

export interface IncludeFiles {
  readFile(path: string): string | undefined;
  systemHeaders: ReadonlyMap<string, string>;
}

export interface ResolvedInclude {
  path: string;
  text: string;
}

/** Resolves `.` and `..` segments of an absolute path. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

function readAt(path: string, files: IncludeFiles): ResolvedInclude | undefined {
  const text = path.startsWith(SYSTEM_INCLUDE_DIR)
    ? files.systemHeaders.get(path.slice(SYSTEM_INCLUDE_DIR.length))
    : files.readFile(path);
  return text === undefined ? undefined : { path, text };
}

/**
 * `#include "name"` looks beside the including file first, then among the system headers;
 * `#include <name>` looks among the system headers only.
 */
export function resolveInclude(name: string, quoted: boolean, includer: string, files: IncludeFiles): ResolvedInclude | undefined {
  if (quoted) {
    const beside = readAt(normalize(name.startsWith('/') ? name : `${dirname(includer)}/${name}`), files);
    if (beside) return beside;
  }
  // `<../x>` must not climb out of the system headers into the user's (or the host's) files.
  const system = normalize(SYSTEM_INCLUDE_DIR + name);
  return name.startsWith('/') || !system.startsWith(SYSTEM_INCLUDE_DIR) ? undefined : readAt(system, files);
}

/**
 * Where the kernel's and the C library's insides are: a program includes them only through other
 * headers (or, for linux/, as a kernel module), so a missing header elsewhere does not list them.
 */
const INTERNAL_DIRS = ['asm-generic/', 'bits/', 'linux/', 'uapi/', 'vdso/'];

const familyOf = (name: string): string => INTERNAL_DIRS.find((dir) => name.startsWith(dir)) ?? '';

/**
 * gcc's message, plus the list of headers that do exist so a student sees what is available: those of
 * the missing one's family (the C library's for <poll.h>, the kernel's for <linux/foo.h>).
 */
export function missingIncludeMessage(name: string, systemHeaders: ReadonlyMap<string, string>): string {
  const family = familyOf(name);
  const provided = [...systemHeaders.keys()].filter((h) => familyOf(h) === family).sort().join(', ');
  return `${name}: No such file or directory (Forkscope provides: ${provided})`;
}
