// Test support: crash tests spawn TypeScript children dozens of times. Through `node --import tsx` every spawn loads tsx,
// starts its own esbuild service and transforms every import again: seconds per spawn on a busy 2-core machine, which made
// crash tests hit their limits under load. Each child script is instead bundled once per test process with esbuild (already
// the compiler behind tsx and vite) into one plain ESM file, and every spawn runs that file with plain Node.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** An upper bound for one child run (start, work, kill) on a 2-core machine with both cores busy; never a wait. */
export const CHILD_RUN_BUDGET_MS = 20_000;

/** A test's limit that follows from the work it does: `runs` child runs plus setup and final checks. */
export function crashTestTimeout(runs: number, extraMs = 20_000): number {
  return runs * CHILD_RUN_BUDGET_MS + extraMs;
}

let outDir: string | undefined;
const bundles = new Map<string, Promise<string>>();

function outputDir(): string {
  if (!outDir) {
    outDir = mkdtempSync(join(tmpdir(), 'firebreak-test-children-'));
    const dir = outDir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return outDir;
}

/** The bundled file for `script` (a .ts child), built on first use and shared by every later spawn in this process. */
export function compiledChild(script: string): Promise<string> {
  let bundle = bundles.get(script);
  if (!bundle) {
    const outfile = join(outputDir(), `${bundles.size}-${basename(script).replace(/\.ts$/, '')}.mjs`);
    bundle = build({
      entryPoints: [script],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      // CommonJS dependencies call require(), and children read __dirname: give the bundle both, pointing at the source.
      banner: {
        js: [
          "import { createRequire as __firebreakCreateRequire } from 'node:module';",
          'const require = __firebreakCreateRequire(import.meta.url);',
          `const __filename = ${JSON.stringify(script)};`,
          `const __dirname = ${JSON.stringify(dirname(script))};`,
        ].join('\n'),
      },
    }).then(() => outfile);
    bundles.set(script, bundle);
  }
  return bundle;
}
