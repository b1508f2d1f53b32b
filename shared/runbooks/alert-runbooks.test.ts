import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../events';
import { alertRunbookSuggestions, runbookForUrl } from './alert-runbooks';

const library = [
  { id: 'local/checkout/errors', path: 'checkout/errors.md' },
  { id: 'bundled/hot-fix-lifecycle', path: 'hot-fix-lifecycle.md' },
  { id: 'git/errors', path: 'errors.md' },
];
let seq = 0;
const ev = (type: string, payload: unknown) => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: ++seq, ts: '2026-02-01T10:00:00.000Z', actor: 'alertmanager', type, payload });

describe('runbooks linked from alerts', () => {
  it('matches a runbook_url by the runbook\'s path at the end of the URL, longest path first', () => {
    expect(runbookForUrl('https://git.example.com/sre/runbooks/blob/main/checkout/errors.md', library)?.id).toBe('local/checkout/errors');
    expect(runbookForUrl('https://wiki.example.com/runbooks/Hot-Fix-Lifecycle/?tab=steps#rollback', library)?.id).toBe('bundled/hot-fix-lifecycle');
    expect(runbookForUrl('https://wiki.example.com/search/errors.html', library)?.id).toBe('git/errors');
    expect(runbookForUrl('https://wiki.example.com/runbooks/unknown', library)).toBeUndefined();
    expect(runbookForUrl('', library)).toBeUndefined();
  });

  it('does not guess between two runbooks with the same path', () => {
    expect(runbookForUrl('https://x.example/errors', [...library, { id: 'folder/errors', path: 'errors.md' }])).toBeUndefined();
  });

  it('offers each linked runbook once, and not once it is attached', () => {
    seq = 0;
    const fired = (alertname: string, runbook_url?: string) =>
      ev('alert.fired', { alertname, summary: 's', labels: {}, ...(runbook_url ? { annotations: { runbook_url } } : {}) });
    const events = [
      fired('CheckoutErrors', 'https://runbooks.example/checkout/errors.md'),
      fired('CheckoutErrorsAgain', 'https://runbooks.example/checkout/errors.md'),
      fired('NoLink'),
      fired('HotFix', 'https://runbooks.example/hot-fix-lifecycle'),
    ];
    expect(alertRunbookSuggestions(events, library).map((s) => [s.alertname, s.runbook.id])).toEqual([
      ['CheckoutErrors', 'local/checkout/errors'],
      ['HotFix', 'bundled/hot-fix-lifecycle'],
    ]);
    const attached = ev('runbook.attached', { runbookId: 'local/checkout/errors', title: 'Checkout errors', origin: 'local', path: 'checkout/errors.md', version: 'sha256:ab', steps: [{ id: 'step-1', text: 'Check the error ratio' }] });
    expect(alertRunbookSuggestions([...events, attached], library).map((s) => s.runbook.id)).toEqual(['bundled/hot-fix-lifecycle']);
  });
});
