// Tests for the update context built from the event log: facts, change-since-last-update, actions, diff and plain text.
import { describe, expect, it } from 'vitest';
import type { Audience } from '../events';
import { defaultCadencePolicy } from './cadence';
import { markdownToPlainText } from '../markdown';
import { renderTemplate } from './template';
import { buildUpdateContext, formatDuration, MAX_LISTED_CHANGES, updateVariableNames } from './update-context';
import { diffUpdates } from './update-diff';
import { latestDraft, publishedUpdates } from './update-history';
import { incidentLog } from './incident-log.test-support';

const START = '2026-11-25T12:00:00.000Z';
const story = () =>
  incidentLog(START, { title: 'Checkout latency', severity: 'SEV1', commander: 'alice', services: ['checkout'], summary: 'Checkout takes 30 s for EU customers.' })
    .at(2, { type: 'alert.fired', payload: { alertname: 'HighLatency', summary: 'p99 > 5s', service: 'payments', fingerprint: 'f1', labels: {} } })
    .at(3, { type: 'note.added', payload: { text: 'Maybe the new cache?', kind: 'hypothesis' } })
    .at(4, { type: 'incident.status_changed', payload: { from: 'investigating', to: 'identified', reason: 'Bad deploy of checkout 2.4' } })
    .at(5, { type: 'note.added', payload: { text: 'Roll back checkout to 2.3', kind: 'action' } })
    .at(6, { type: 'deploy.started', payload: { service: 'checkout', version: '2.3', strategy: 'canary', percent: 10 } })
    .at(7, { type: 'metric.observed', payload: { service: 'checkout', metric: 'p99', value: 4.2, unit: 's' } });

const contextAt = (log: ReturnType<typeof story>, minutes: number, audience: Audience = 'engineers') =>
  buildUpdateContext('inc-1', log.events, audience, defaultCadencePolicy, log.time(minutes))!;

describe('buildUpdateContext', () => {
  it('fills every catalogued variable and nothing else', () => {
    expect(new Set(Object.keys(contextAt(story(), 8).values))).toEqual(updateVariableNames);
  });

  it('states the facts of the incident from the log', () => {
    const { values } = contextAt(story(), 8);
    expect(values).toMatchObject({
      title: 'Checkout latency',
      severity: 'SEV1',
      severityLabel: 'Critical',
      status: 'Identified',
      audience: 'engineers',
      commander: 'alice',
      impact: 'Checkout takes 30 s for EU customers.',
      services: 'checkout, payments',
      startedAt: '2026-11-25 12:00 UTC',
      duration: '8 min',
      resolvedAt: '',
      lastUpdateAt: '',
      now: '2026-11-25 12:08 UTC',
      nextUpdateAt: '12:28 UTC',
      alerts: ['HighLatency (payments): p99 > 5s'],
      actions: ['Roll back checkout to 2.3', 'Deploying checkout 2.3 (canary 10%)'],
    });
  });

  it('lists newsworthy changes since the declaration before the first update, leaving out hypotheses, alerts and metrics', () => {
    expect(contextAt(story(), 8).values.changes).toEqual([
      '12:04 UTC — Status Investigating → Identified: Bad deploy of checkout 2.4',
      '12:05 UTC — Roll back checkout to 2.3',
      '12:06 UTC — Deploy started: checkout 2.3 (canary 10%)',
    ]);
  });

  it('lists only what changed since the last update to the same audience', () => {
    const log = story()
      .at(8, { type: 'update.published', payload: { audience: 'engineers', channel: 'clipboard', text: 'First exec update' } })
      .at(9, { type: 'deploy.finished', payload: { service: 'checkout', version: '2.3', outcome: 'succeeded', percent: 100 } })
      .at(10, { type: 'incident.status_changed', payload: { from: 'identified', to: 'monitoring' } });
    const exec = contextAt(log, 11);
    expect(exec.values.changes).toEqual(['12:09 UTC — Deploy succeeded: checkout 2.3 at 100%', '12:10 UTC — Status Identified → Monitoring']);
    expect(exec.values.lastUpdateAt).toBe('2026-11-25 12:08 UTC');
    expect(exec.previous?.text).toBe('First exec update');
    expect(exec.values.actions).toEqual([]);
    // Customers hear only stated facts (status changes and the action), never deploy mechanics.
    const customers = contextAt(log, 11, 'customers');
    expect(customers.values.changes).toEqual(['12:04 UTC — Status Investigating → Identified: Bad deploy of checkout 2.4', '12:05 UTC — Roll back checkout to 2.3', '12:10 UTC — Status Identified → Monitoring']);
    expect(customers.previous).toBeUndefined();
  });

  it('summarises long change lists, keeping the newest', () => {
    const log = story();
    for (let i = 0; i < 20; i++) log.at(10 + i, { type: 'note.added', payload: { text: `step ${i}`, kind: 'observation' } });
    const changes = contextAt(log, 31).values.changes as string[];
    expect(changes).toHaveLength(MAX_LISTED_CHANGES);
    expect(changes[0]).toBe('… and 12 earlier changes (see the timeline)');
    expect(changes.at(-1)).toBe('12:29 UTC — step 19');
  });

  it('reports resolution and the duration it lasted, with no next update', () => {
    const log = story().at(65, { type: 'incident.status_changed', payload: { from: 'identified', to: 'resolved' } });
    const { values } = contextAt(log, 90);
    expect(values).toMatchObject({ status: 'Resolved', resolvedAt: '2026-11-25 13:05 UTC', duration: '1 h 05 min', nextUpdateAt: '' });
  });

  it('renders a real template end to end', () => {
    const result = renderTemplate('**[{{severity}}] {{title}}** — {{status}}\n\n{{#if changes}}\nSince the last update:\n{{changes}}\n{{/if}}\nNext update by {{nextUpdateAt}}.', contextAt(story(), 8).values);
    expect(result.ok && result.text).toBe(
      '**[SEV1] Checkout latency** — Identified\n\nSince the last update:\n- 12:04 UTC — Status Investigating → Identified: Bad deploy of checkout 2.4\n- 12:05 UTC — Roll back checkout to 2.3\n- 12:06 UTC — Deploy started: checkout 2.3 (canary 10%)\nNext update by 12:28 UTC.',
    );
  });
});

describe('update history', () => {
  it('groups queued deliveries under their publication and finds the latest draft per audience', () => {
    const log = story()
      .at(8, { type: 'update.draft_saved', payload: { audience: 'executives', source: 'v1' } })
      .at(9, { type: 'update.published', payload: { audience: 'executives', channel: 'clipboard, jira', channels: ['clipboard', 'jira'], text: 'x', publicationId: 'p1' } })
      .at(9, { type: 'update.delivery_queued', payload: { publicationId: 'p1', audience: 'executives', channel: 'jira', connectorConfigured: false, detail: 'Jira is not configured.' } })
      .at(10, { type: 'update.draft_saved', payload: { audience: 'executives', source: 'v2' } });
    const [update] = publishedUpdates(log.events, 'executives');
    expect(update!.deliveries).toMatchObject([{ channel: 'jira', connectorConfigured: false }]);
    expect(latestDraft(log.events, 'executives')?.source).toBe('v2');
    expect(latestDraft(log.events, 'customers')).toBeUndefined();
  });
});

describe('diffUpdates', () => {
  it('marks added and removed words against the previous update', () => {
    const diff = diffUpdates('Status: Investigating. Next update 12:20.', 'Status: Identified. Next update 12:40.');
    expect(diff.parts.filter((p) => p.kind !== 'same').map((p) => `${p.kind}:${p.text}`)).toEqual([
      'removed:Investigating',
      'added:Identified',
      'removed:20',
      'added:40',
    ]);
    expect([diff.added, diff.removed]).toEqual([2, 2]);
  });

  it('shows rewritten lines as removed then added, and keeps unchanged lines as they were', () => {
    const diff = diffUpdates('Title\nWe are investigating slow checkout.\nNext update 12:20', 'Title\nRoot cause is a bad payments client release.\nNext update 12:40');
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'Title\n' },
      { kind: 'removed', text: 'We are investigating slow checkout.\nNext update 12:20' },
      { kind: 'added', text: 'Root cause is a bad payments client release.\nNext update 12:40' },
    ]);
  });

  it('treats everything as added when there is no previous update', () => {
    expect(diffUpdates(undefined, 'Hello all')).toEqual({ parts: [{ kind: 'added', text: 'Hello all' }], added: 2, removed: 0 });
  });
});

describe('markdownToPlainText', () => {
  it('drops emphasis, keeps lists and headings, and spells out links', () => {
    const md = '## Status\n\n**[SEV1] Checkout** is _degraded_.\n\n- first\n- see [status page](https://status.example.com)\n\n1. one\n2. two';
    expect(markdownToPlainText(md)).toBe('Status\n\n[SEV1] Checkout is degraded.\n\n- first\n- see status page (https://status.example.com)\n\n1. one\n2. two');
  });

  it('keeps line breaks inside a paragraph', () => {
    expect(markdownToPlainText('Line one\nLine two')).toBe('Line one\nLine two');
  });
});

describe('formatDuration', () => {
  it('reads naturally at every scale', () => {
    expect([formatDuration(59_000), formatDuration(61 * 60_000), formatDuration(26 * 3_600_000)]).toEqual(['0 min', '1 h 01 min', '1 d 2 h 00 min']);
  });
});
