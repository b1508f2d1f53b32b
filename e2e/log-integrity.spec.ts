// Journeys of an incident log in trouble: a disk that fills up turns the incident read-only with a clear banner and nothing
// half-saved, and writing resumes once space is freed; a crash-recovery report stays until the user says they have seen it.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, openSync, closeSync, writeSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openCockpit, startHost, stopHost, test, type RunningHost } from './fixtures';

const DEMO = /Checkout latency and 5xx/;

test('a crash-recovery report stays in the cockpit until the user acknowledges it', async ({ page, dataDir, host }) => {
  // Three host starts on a loaded 2-core machine.
  test.setTimeout(300_000);
  await stopHost(host);
  const incidents = join(dataDir, 'incidents');
  const demoDir = join(incidents, readdirSync(incidents)[0]!);
  // The app died in the middle of writing an event.
  appendFileSync(join(demoDir, 'events.jsonl'), '{"v":1,"seq":999,"ts":"2026-01-01T00:00:00.000Z","actor":"ana","type":"note.ad');
  let second: RunningHost | undefined = await startHost(dataDir);
  try {
    await openCockpit(page, second.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: DEMO }).click();
    const report = page.getByRole('alert', { name: 'Incident log problems' });
    await expect(report).toContainText(/unfinished write .* The bytes are kept in torn-tail-\d+\.bin\./);
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: test.info().outputPath(`recovery-report-${scheme}.png`) });
    }

    // Still there after a restart, because nobody acknowledged it yet.
    await stopHost(second);
    second = await startHost(dataDir);
    await openCockpit(page, second.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: DEMO }).click();
    await expect(report).toContainText(/The bytes are kept in torn-tail-\d+\.bin\./);
    await report.getByRole('button', { name: 'I have seen the recovery report' }).click();
    await expect(report).toHaveCount(0);

    await stopHost(second);
    second = await startHost(dataDir);
    await openCockpit(page, second.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: DEMO }).click();
    await expect(page.getByTestId('incident-header')).toBeVisible();
    await expect(report).toHaveCount(0);
  } finally {
    if (second) await stopHost(second);
  }
});

test('a full disk pauses saving with a clear banner, loses nothing saved, and saving resumes once space is freed', async ({ page, dataDir, host }) => {
  test.skip(process.platform !== 'linux' || process.getuid?.() !== 0, 'Needs root on Linux to mount a small tmpfs as the data directory.');
  test.setTimeout(240_000);
  await stopHost(host);
  const small = join(dataDir, 'small');
  mkdirSync(small);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', small]);
  let onTmpfs: RunningHost | undefined;
  try {
    onTmpfs = await startHost(small);
    await openCockpit(page, onTmpfs.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: DEMO }).click();
    const note = page.getByLabel('Quick note');
    await note.fill('Saved before the disk filled up');
    await note.press('Enter');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Saved before the disk filled up');

    // Fill the file system to the last byte.
    const filler = join(small, 'filler.bin');
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(65536, 1));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }

    await note.fill(`Written while the disk is full ${'x'.repeat(15_000)}`);
    await note.press('Enter');
    const paused = page.getByRole('alert', { name: 'Saving is paused' });
    await expect(paused).toContainText(/^Saving is paused: this incident is read-only\s*The disk is full: free space, then retry\. Nothing after \d\d:\d\d:\d\d was saved\.$/);
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: test.info().outputPath(`disk-full-${scheme}.png`) });
    }

    rmSync(filler);
    await note.fill('Saved after space was freed');
    await note.press('Enter');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Saved after space was freed');
    await expect(paused).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Timeline events' })).not.toContainText('Written while the disk is full');
  } finally {
    if (onTmpfs) await stopHost(onTmpfs);
    execFileSync('umount', [small]);
  }
});
