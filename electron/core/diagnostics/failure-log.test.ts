// Tests for the rate-limited connector failure log: first line at once, repeats folded into a count, secrets redacted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppLog } from './app-log';
import { rateLimitedFailureLog } from './failure-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-failure-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rateLimitedFailureLog', () => {
  it('writes one line per kind of failure per window, counts the rest, and keeps secrets out', async () => {
    const log = new AppLog({ dataDir: dir });
    log.redactor.remember('jira-secret-token-1234');
    let t = 0;
    const fail = rateLimitedFailureLog(log, 60_000, () => t);
    for (let i = 0; i < 50; i++) {
      fail('outbox', 'jira', 'Jira could not be reached: ECONNREFUSED (token jira-secret-token-1234)');
      t += 5_000;
    }
    fail('outbox', 'pagerduty', 'PagerDuty answered HTTP 503');
    const lines = (await log.tail(100)).filter((l) => l.includes('"outbox"'));
    // 50 failures over 250 s: one line per started minute, plus the other system's line.
    expect(lines).toHaveLength(6);
    expect(lines.join('\n')).not.toContain('jira-secret-token-1234');
    expect(lines[1]).toMatch(/"similarSuppressed":11/);
    expect(lines.at(-1)).toContain('PagerDuty answered HTTP 503');
  });
});
