#!/usr/bin/env node
/**
 * The `portolan` command (package `bin`, and `npm run portolan -- …`).
 *
 * The CLI is TypeScript, like the core it shares with the app. tsx (a runtime dependency) compiles it
 * on the fly through a scoped loader: `tsImport` affects only this import graph, and pinning our own
 * tsconfig keeps a tsconfig in the caller's working directory from changing how our code compiles.
 */
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const { run } = await tsImport('../src/cli/main.ts', {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)),
});
process.exitCode = await run(process.argv.slice(2));
