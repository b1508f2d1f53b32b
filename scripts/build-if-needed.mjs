// Builds main, preload and renderer with electron-vite when the output is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function buildIfNeeded() {
  const marker = join(root, 'out', 'renderer', 'index.html');
  const outputs = [join(root, 'out', 'main', 'index.js'), join(root, 'out', 'main', 'web.js'), marker];
  const sources = Math.max(...['electron', 'renderer', 'shared'].map((d) => newestMtime(join(root, d))));
  if (outputs.every(existsSync) && statSync(marker).mtimeMs >= sources) return;
  console.log('Building Firebreak…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
