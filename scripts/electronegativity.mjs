// Runs @doyensec/electronegativity over electron/ and fails on any finding not justified in security/electronegativity-justifications.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(out, 'findings.csv');
const run = spawnSync(
  join(root, 'node_modules', '.bin', 'electronegativity'),
  ['-i', join(root, 'electron'), '-r', '-o', csv, '-e', '41.0.0', '-v', 'false'],
  { cwd: root, encoding: 'utf8', timeout: 180_000 },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity did not complete.');
  process.exit(1);
}
const text = readFileSync(csv, 'utf8');
rmSync(out, { recursive: true, force: true });
// One finding per line that starts with a check id; code excerpts may wrap onto further lines.
const findings = text
  .split('\n')
  .filter((line) => /^[A-Z_]+_CHECK,/.test(line))
  .map((line) => {
    const match = /^([A-Z_]+_CHECK),"[A-Z]+","[A-Z]+","([^"]+)"/.exec(line);
    return { check: match?.[1] ?? line.split(',')[0], file: (match?.[2] ?? '').replace(/\\/g, '/'), raw: line };
  });
const { justified } = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-justifications.json'), 'utf8'));
const open = findings.filter((f) => !justified.some((j) => j.check === f.check && f.file.endsWith(j.file)));
console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - open.length} justified in security/electronegativity-justifications.json`);
if (open.length > 0) {
  for (const f of open) console.error(`  unjustified: ${f.raw}`);
  console.error('Fix these, or justify each one in security/electronegativity-justifications.json.');
  process.exit(1);
}
