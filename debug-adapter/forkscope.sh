#!/bin/sh
# The `forkscope` command (package.json's bin; the build copies this file to dist/forkscope).
# It starts node from the startup snapshot the build made (dist/forkscope.blob, see cli-snapshot.ts),
# in which the kernel and the C library are already compiled; a snapshot loads only into the node
# version that made it, so with any other node it runs the plain bundle, which compiles them itself.
# ("--" keeps arguments such as --help from being taken as node's own options.)
dist=$(dirname "$(readlink -f "$0")")
if [ -f "$dist/forkscope.blob" ] && [ "$(cat "$dist/forkscope.blob.node" 2>/dev/null)" = "$(node --version)" ]; then
  exec node --snapshot-blob "$dist/forkscope.blob" -- "$@"
fi
exec node "$dist/cli.js" "$@"
