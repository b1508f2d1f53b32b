// The diagnostics report: every section present, the last 200 log lines, secrets removed, one broken source not hiding the rest.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppLog } from './app-log';
import { DIAGNOSTICS_LOG_LINES, diagnosticsReport } from './diagnostics-report';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-diag-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const platform = { os: 'linux', arch: 'x64', release: '6.1.0', versions: { node: '20.19.0', electron: '41.10.7', chrome: '140.0' } };
const info = async () => ({ version: '0.1.0', mode: 'desktop' as const, dataDir: '/home/ic/.config/Firebreak', operator: 'dana', capabilities: ['runbooks' as const, 'jira' as const] });

describe('diagnosticsReport', () => {
  it('lists versions, platform, data directory, capabilities, configuration and the last log lines — redacted', async () => {
    const log = new AppLog({ dataDir: dir });
    log.redactor.remember('vault-held-secret-1');
    for (let i = 0; i < DIAGNOSTICS_LOG_LINES + 50; i += 1) log.info('core', `event ${i}`);
    log.error('ipc', 'jira.search failed with vault-held-secret-1');
    const { text, logFile } = await diagnosticsReport({
      info,
      configuration: async () => ({ jira: { siteUrl: 'https://acme.atlassian.net', apiToken: 'pasted-by-mistake' }, note: 'Bearer abcdefghijkl' }),
      log,
      platform,
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
    expect(logFile).toBe(join(dir, 'logs', 'firebreak.log'));
    expect(text).toContain('# Firebreak diagnostics — 2026-11-25T12:00:00.000Z');
    expect(text).toContain('Firebreak 0.1.0 (desktop mode)');
    expect(text).toContain('Data directory: /home/ic/.config/Firebreak');
    expect(text).toContain('Capabilities: runbooks, jira');
    expect(text).toContain('Platform: linux x64 6.1.0');
    expect(text).toContain('Node: 20.19.0');
    expect(text).toContain('Electron: 41.10.7');
    expect(text).toContain('https://acme.atlassian.net');
    expect(text).not.toMatch(/pasted-by-mistake|vault-held-secret-1|abcdefghijkl/);
    const logLines = text.split('\n').filter((l) => l.startsWith('{"time"'));
    expect(logLines).toHaveLength(DIAGNOSTICS_LOG_LINES);
    expect(logLines.at(-1)).toContain('jira.search failed with [hidden]');
    expect(text).not.toContain('"event 50"');
  });

  it('reports a source that fails instead of failing as a whole', async () => {
    const log = new AppLog({ dataDir: dir });
    const { text } = await diagnosticsReport({
      info: () => Promise.reject(new Error('store closed')),
      configuration: () => Promise.reject(new Error('metrics.json is damaged')),
      log,
      platform: { ...platform, versions: { node: '20.19.0' } },
    });
    expect(text).toContain('app.info failed: store closed');
    expect(text).toContain('metrics.json is damaged');
    expect(text).toContain('Electron: not running under Electron (browser host)');
    expect(text).toContain('(no log lines yet)');
  });
});
