// `npm run bench`: runs every bench/*.bench.ts (store, core-open, cockpit, sync, …) in one process and prints their results (ratios measured within the same run).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  summary: string;
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(__dirname, file)).href)) as { run: () => Promise<BenchResult[]> };
    console.log(`\n■ ${file}`);
    for (const result of await mod.run()) console.log(`  ${result.name}: ${result.summary}`);
  }
}

void main();
