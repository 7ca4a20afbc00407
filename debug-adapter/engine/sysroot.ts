// The C system headers and the C parts of the C library, read from the sysroot folder beside this
// module (debug-adapter/engine/sysroot in the source tree; dist/sysroot in the bundle, where the build
// copies it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SYSROOT = path.join(__dirname, 'sysroot');

/** Every file under `dir`, keyed by its path relative to `dir` with '/' separators. */
function readTree(dir: string, suffix: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(suffix)) out.set(child, readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  walk('');
  return out;
}

let headers: Map<string, string> | undefined;
let libcSources: Map<string, string> | undefined;
let kernelSources: Map<string, string> | undefined;

/** System headers by include name ('stdio.h', 'sys/wait.h', 'linux/list.h') → text. Read once. */
export function loadSystemHeaders(): Map<string, string> {
  headers ??= readTree(path.join(SYSROOT, 'include'), '.h');
  return headers;
}

/** The C library's C sources, by a path naming them in diagnostics ('libc/exit.c') → text. Read once. */
export function loadLibcSources(): Map<string, string> {
  libcSources ??= new Map([...readTree(path.join(SYSROOT, 'lib'), '.c')].sort(([a], [b]) => a.localeCompare(b)).map(([name, text]) => [`libc/${name}`, text]));
  return libcSources;
}

/** The folders of the kernel's sources, named as in Linux's tree. */
const KERNEL_FOLDERS = ['init', 'kernel', 'mm', 'fs', 'drivers'];

/** The kernel's pseudo-C sources ('kernel/fork.c', 'init/main.c' …) → text, in a stable order. Read once. */
export function loadKernelSources(): Map<string, string> {
  kernelSources ??= new Map(
    KERNEL_FOLDERS.flatMap((folder) => [...readTree(path.join(SYSROOT, folder), '.c')].map(([n, t]) => [`${folder}/${n}`, t] as [string, string]))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return kernelSources;
}

let binSources: Map<string, string> | undefined;

/** The simulated /bin's programs ('echo.c' …) → C source. Read once. */
export function loadBinSources(): Map<string, string> {
  binSources ??= readTree(path.join(SYSROOT, 'bin'), '.c');
  return binSources;
}

let sbinSources: Map<string, string> | undefined;

/** The simulated /sbin's programs ('init.c') → C source. Read once. */
export function loadSbinSources(): Map<string, string> {
  sbinSources ??= readTree(path.join(SYSROOT, 'sbin'), '.c');
  return sbinSources;
}
