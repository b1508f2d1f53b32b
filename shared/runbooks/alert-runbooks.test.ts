import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../events';
import { alertRunbookLinksProjection } from '../projections/domain-projections';
import { IncrementalProjection, projectAll } from '../projections/incremental-projection';
import { alertRunbookSuggestions, runbookForUrl, suggestionsFrom } from './alert-runbooks';

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

describe('the incremental alert runbook links', () => {
  // A seeded generator, so a failing log can be replayed.
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const urls = [
    'https://runbooks.example/checkout/errors.md',
    'https://git.example/blob/main/Checkout/Errors?plain=1',
    'https://wiki.example/errors.html',
    'https://runbooks.example/hot-fix-lifecycle/',
    'https://runbooks.example/unknown',
    '',
    'errors',
  ];
  const ids = ['local/checkout/errors', 'bundled/hot-fix-lifecycle', 'git/errors', 'not-in-library'];

  function randomLog(next: () => number, length: number) {
    seq = 0;
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    return Array.from({ length }, () => {
      const roll = next();
      if (roll < 0.6) {
        const url = pick([...urls, undefined]);
        return ev('alert.fired', { alertname: `Alert${Math.floor(next() * 5)}`, summary: 's', labels: {}, ...(url === undefined ? {} : { annotations: { runbook_url: url } }) });
      }
      if (roll < 0.75) return ev('runbook.attached', { runbookId: pick(ids), title: 'T', origin: 'local', path: 'p.md', version: 'sha256:ab', steps: [{ id: 'step-1', text: 'Do it' }] });
      return ev('note.added', { text: 'a note' });
    });
  }

  it('equals the whole-log suggestions at every prefix of a log, folded a few events at a time', () => {
    let runsOffering = 0;
    for (let run = 0; run < 40; run++) {
      const next = random(run + 1);
      const events = randomLog(next, 60);
      const projection = new IncrementalProjection(alertRunbookLinksProjection, 'inc-1');
      let offered = 0;
      for (let end = 0; end <= events.length; ) {
        const expected = alertRunbookSuggestions(events.slice(0, end), library);
        // Passing the whole prefix each time also checks that already folded events are skipped, not folded twice.
        expect(suggestionsFrom(projection.apply(events.slice(0, end)), library), `run ${run}, first ${end} events`).toEqual(expected);
        offered += expected.length;
        end += 1 + Math.floor(next() * 3);
      }
      expect(suggestionsFrom(projection.apply(events), library)).toEqual(alertRunbookSuggestions(events, library));
      if (offered > 0) runsOffering++;
    }
    // The logs must exercise offers, not only compare empty lists.
    expect(runsOffering).toBeGreaterThan(30);
  });

  it('offers the first alert\'s URL for a runbook linked by several spellings of its path', () => {
    seq = 0;
    const fired = (alertname: string, runbook_url: string) => ev('alert.fired', { alertname, summary: 's', labels: {}, annotations: { runbook_url } });
    const events = [fired('Unmatched', 'https://x.example/nothing'), fired('First', 'https://a.example/checkout/errors.md'), fired('Second', 'https://b.example/Checkout/Errors/')];
    const fold = projectAll(alertRunbookLinksProjection, 'inc-1', events);
    expect(suggestionsFrom(fold, library)).toEqual([{ runbook: library[0], alertname: 'First', url: 'https://a.example/checkout/errors.md' }]);
    expect(fold.links.size).toBe(2);
  });
});
