// The shipped templates, as a commander gets them: the executive and customer drafts carry the stated facts and nothing raw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Audience } from '../../../shared/events';
import { defaultCadencePolicy } from '../../../shared/updates/cadence';
import { incidentLog } from '../../../shared/updates/incident-log.test-support';
import { renderTemplate } from '../../../shared/updates/template';
import { buildUpdateContext } from '../../../shared/updates/update-context';

const START = '2026-11-25T12:00:00.000Z';
const shipped = (a: Audience) => readFileSync(join(__dirname, '../../../assets/update-templates', `${a}.md`), 'utf8');

const log = incidentLog(START, { title: 'Payments declines', severity: 'SEV1', commander: 'ana.ruiz', services: ['payments'] })
  .at(1, { type: 'page.triggered', payload: { service: 'payments', target: 'Lee', summary: 'Payments errors', source: 'pagerduty' } })
  .at(2, { type: 'note.added', payload: { text: 'Paged payments on-call (Lee)', kind: 'note' } })
  .at(3, { type: 'note.added', payload: { text: 'ok', kind: 'note' } })
  .at(4, { type: 'note.added', payload: { text: 'Maybe the TLS cert rotation broke the acquirer link', kind: 'hypothesis' } })
  .at(5, { type: 'note.added', payload: { text: 'Lee will fail over to the backup acquirer', kind: 'decision' } })
  .at(6, { type: 'update.impact_set', payload: { who: 'EU card payments', howBadly: '30% declined', since: '11:52 UTC' } })
  .at(7, { type: 'update.next_step_set', payload: { text: 'Failing over to the backup acquirer' } });

const draft = (audience: Audience) => {
  const context = buildUpdateContext('inc-1', log.events, audience, defaultCadencePolicy, log.time(8))!;
  const rendered = renderTemplate(shipped(audience), context.values);
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  return rendered.text;
};

describe('shipped templates per audience', () => {
  it.each(['executives', 'customers', 'support'] as const)('%s: impact and next step in, raw notes, hypotheses and paged names out', (audience) => {
    const text = draft(audience);
    expect(text).toContain('EU card payments — 30% declined (since 11:52 UTC)');
    expect(text).toContain('Failing over to the backup acquirer');
    expect(text).not.toMatch(/\bLee\b/);
    expect(text).not.toContain('TLS cert');
    expect(text).not.toMatch(/\bok\b/i);
    expect(text).not.toContain('Being assessed');
  });

  it('engineering gets the full picture', () => {
    expect(draft('engineers')).toContain('Paged payments on-call (Lee)');
  });
});
