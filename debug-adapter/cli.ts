// The `forkscope` command, started the plain way: the bundle (dist/cli.js) compiles the kernel and the
// C library when it starts. dist/forkscope prefers the startup snapshot that skips that (cli-snapshot.ts).
import { runCli } from './cli-main';

runCli(process.argv.slice(2));
