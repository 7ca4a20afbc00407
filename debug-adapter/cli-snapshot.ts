// The `forkscope` command's startup snapshot. `npm run build` runs this bundle under
// `node --build-snapshot`: it does the work every run shares (reading the sysroot, compiling the kernel,
// the C library, init and the shell) and V8 saves the resulting heap as dist/forkscope.blob. The launcher,
// dist/forkscope, starts node from that blob, so a run begins with all of it done: most of a second of
// compiling saved on every `forkscope run`.
import { startupSnapshot } from 'node:v8';
import { runCli } from './cli-main';
import { preloadSysroot } from './engine/index';

preloadSysroot();

startupSnapshot.setDeserializeMainFunction(() => {
  // A process started from a snapshot has no script path in argv: Node 20 gives [node, ...arguments];
  // later versions repeat node's path in its place.
  const first = process.argv[1] === process.execPath ? 2 : 1;
  runCli(process.argv.slice(first));
});
