// Captured metric ranges in <dataDir>/incidents/<id>/metrics/<panel>/: one crash-safe file per fetch, compacted as they pile up.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CaptureSegment, fromSegment, replayPanel, segmentFileName, toSegment, type CapturedRange } from '../../../shared/metrics/capture-segment';
import { DomainError } from '../../../shared/result';
import { syncDir, writeFileDurably } from '../base/durable-file';

const INCIDENT_ID = /^[a-z0-9][a-z0-9-]{2,100}$/;
const PANEL_KEY = /^[a-z0-9-]{1,80}$/;
const SEGMENT_FILE = /^\d{14}-\d+-\d+-[\d.]+\.json$/;

/** Beyond this many files, a panel's segments are merged into one: lossless, since merging is what replay does anyway. */
export const COMPACT_AFTER = 48;

export interface CaptureProblem {
  file: string;
  message: string;
}

export class CaptureStore {
  constructor(private readonly incidentsDir: string) {}

  private panelDir(incidentId: string, key: string): string {
    if (!INCIDENT_ID.test(incidentId)) throw new DomainError('validation', `Not an incident id: ${incidentId}`);
    if (!PANEL_KEY.test(key)) throw new DomainError('validation', `Not a panel key: ${key}`);
    return join(this.incidentsDir, incidentId, 'metrics', key);
  }

  /** Writes one fetched range; resolves once it is durable. Compacts the panel's folder when it holds too many files. */
  async write(incidentId: string, range: CapturedRange): Promise<void> {
    const dir = this.panelDir(incidentId, range.panel.key);
    const name = segmentFileName(Date.parse(range.capturedAt), range.start, range.end, range.step);
    await writeFileDurably(join(dir, name), JSON.stringify(toSegment(range)));
    const files = (await readdir(dir)).filter((f) => SEGMENT_FILE.test(f));
    if (files.length > COMPACT_AFTER) await this.compact(dir, files.sort());
  }

  private async compact(dir: string, files: string[]): Promise<void> {
    const { ranges } = await this.readFiles(dir, files);
    const merged = replayPanel(ranges);
    if (!merged) return;
    const name = segmentFileName(Date.parse(merged.capturedAt), merged.start, merged.end, merged.step);
    // The merged file lands first; a crash before the old files go leaves duplicates, which replay merges away.
    await writeFileDurably(join(dir, name), JSON.stringify(toSegment(merged)));
    await Promise.all(files.filter((f) => f !== name).map((f) => rm(join(dir, f), { force: true })));
    await syncDir(dir);
  }

  private async readFiles(dir: string, files: string[]): Promise<{ ranges: CapturedRange[]; problems: CaptureProblem[] }> {
    const ranges: CapturedRange[] = [];
    const problems: CaptureProblem[] = [];
    for (const f of files) {
      const file = join(dir, f);
      try {
        const parsed = CaptureSegment.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (parsed.success) ranges.push(fromSegment(parsed.data));
        else problems.push({ file, message: `not a capture segment: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      } catch (e) {
        problems.push({ file, message: `unreadable: ${(e as Error).message}` });
      }
    }
    return { ranges, problems };
  }

  /** Every captured range of the incident (of the panels `wanted` keeps), by panel key; unreadable files are reported and left in place. */
  async read(incidentId: string, wanted: (key: string) => boolean = () => true): Promise<{ panels: Map<string, CapturedRange[]>; problems: CaptureProblem[] }> {
    if (!INCIDENT_ID.test(incidentId)) throw new DomainError('validation', `Not an incident id: ${incidentId}`);
    const root = join(this.incidentsDir, incidentId, 'metrics');
    const panels = new Map<string, CapturedRange[]>();
    const problems: CaptureProblem[] = [];
    let keys: string[];
    try {
      keys = (await readdir(root)).filter((k) => PANEL_KEY.test(k) && wanted(k));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { panels, problems };
      throw e;
    }
    for (const key of keys.sort()) {
      const dir = join(root, key);
      const files = (await readdir(dir)).filter((f) => SEGMENT_FILE.test(f)).sort();
      const result = await this.readFiles(dir, files);
      problems.push(...result.problems);
      if (result.ranges.length > 0) panels.set(key, result.ranges);
    }
    return { panels, problems };
  }
}
