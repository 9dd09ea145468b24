/**
 * `npm start`: install what is missing, then serve Portolan on localhost with the example plan open.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDeps, root } from './ensure-deps.mjs';

ensureDeps();

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '5173';
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const child = spawn(process.execPath, [vite, '--host', host, '--port', port, '--strictPort', '--clearScreen', 'false'], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /ready in/i.test(String(chunk))) {
    announced = true;
    console.log(`\n  Portolan is running: http://${host}:${port}/  (the example plan opens on first visit; Ctrl+C stops)\n`);
  }
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
