// Runs @doyensec/electronegativity over the whole repository — sources, the built app in out/ and the renderer's HTML with
// its CSP — and fails on any finding not justified in security/electronegativity-justifications.json, or on a justification
// that no longer matches a finding (so the list stays true). node_modules is skipped by electronegativity itself; Playwright's
// run artifacts (test-results/, playwright-report/) hold copies of pages captured by tests, not product code, and are ignored.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const ARTIFACTS = /^(test-results|playwright-report)\//;
/** One scan of the whole repository: its findings, artifacts left out. */
function scan() {
  const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const csv = join(out, 'findings.csv');
  const run = spawnSync(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', '.', '-r', '-o', csv, '-e', '41.0.0', '-v', 'false'], {
    cwd: root,
    encoding: 'utf8',
    // The whole repository takes about two minutes on a busy 2-core machine.
    timeout: 600_000,
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    console.error('electronegativity did not complete.');
    process.exit(1);
  }
  const text = readFileSync(csv, 'utf8');
  rmSync(out, { recursive: true, force: true });
  // One finding per line that starts with a check id; code excerpts may wrap onto further lines.
  return text
    .split('\n')
    .filter((line) => /^[A-Z_]+_CHECK,/.test(line))
    .map((line) => {
      const match = /^([A-Z_]+_CHECK),"[A-Z]+","[A-Z]+","([^"]+)"/.exec(line);
      return { check: match?.[1] ?? line.split(',')[0], file: (match?.[2] ?? '').replace(/\\/g, '/').replace(/^\.\//, ''), raw: line };
    })
    .filter((f) => !ARTIFACTS.test(f.file));
}

const { justified } = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-justifications.json'), 'utf8'));
const matches = (j, f) => j.check === f.check && j.file === f.file;
let findings = scan();
const open = findings.filter((f) => !justified.some((j) => matches(j, f)));
let stale = justified.filter((j) => !findings.some((f) => matches(j, f)));
if (stale.length > 0 && open.length === 0) {
  // A loaded CI machine once saw one scan miss the (always present) CSP_GLOBAL_CHECK of electron/shell/main-window.ts and
  // the next scan find it again. A justification is called stale only when a second scan misses it too; an unjustified
  // finding fails at once, whatever a rescan says.
  console.log(`electronegativity: ${stale.map((j) => `${j.check} in ${j.file}`).join(', ')} not found; scanning again to confirm.`);
  findings = scan();
  stale = stale.filter((j) => !findings.some((f) => matches(j, f)));
}
console.log(`electronegativity (whole repository): ${findings.length} finding(s), ${findings.length - open.length} justified in security/electronegativity-justifications.json`);
for (const f of open) console.error(`  unjustified: ${f.raw}`);
for (const j of stale) console.error(`  stale justification (no such finding any more): ${j.check} in ${j.file}`);
if (open.length > 0) console.error('Fix these, or justify each one in security/electronegativity-justifications.json.');
if (stale.length > 0) console.error('Remove stale justifications from security/electronegativity-justifications.json.');
if (open.length > 0 || stale.length > 0) process.exit(1);
