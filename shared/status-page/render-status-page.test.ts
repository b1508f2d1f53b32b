// index.html and summary.json read back through a DOM and JSON.parse: hostile update text stays inert text.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { projectStatusPage } from './project-status-page';
import { renderStatusHtml } from './render-html';
import { renderSummaryJson } from './render-summary';
import { HOSTILE, publishedIncident } from './status-page.test-support';

const parseHtml = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html');

function model(text = HOSTILE, publicUrl?: string) {
  const log = publishedIncident({ customerText: text, resolve: true });
  return projectStatusPage([{ incidentId: 'inc-1', events: log.events }], { title: 'Acme <status> & "co"', components: [], ...(publicUrl ? { publicUrl } : {}) });
}

describe('index.html', () => {
  it('shows hostile update text as text: no script, no event handler, no javascript: link, nothing but our own markup', () => {
    const html = renderStatusHtml(model());
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('script, img, iframe, object, embed, form, b')).toHaveLength(0);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false);
        expect((attr.value ?? '').trim().toLowerCase().startsWith('javascript:'), `${el.tagName} ${attr.name}=${attr.value}`).toBe(false);
      }
    }
    expect(Array.from(doc.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['feed.xml', 'summary.json']);
    // The text itself survives, readable, with its line breaks.
    const body = doc.querySelectorAll('.update-body')[1]!.textContent!;
    expect(body).toContain('<script>alert("pwned")</script>');
    expect(body).toContain('"><img src=x onerror=alert(1)>');
    // markdown-it refuses javascript: as a link target, so the Markdown stays literal text.
    expect(body).toContain('[Click for details](javascript:alert(document.cookie))');
    expect(doc.title).toBe('Acme <status> & "co"');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
  });

  it('is self-contained and readable: one h1, status words next to every colour, light and dark schemes', () => {
    const html = renderStatusHtml(model('**Identified** — fix rolling out'));
    const doc = parseHtml(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelectorAll('link[rel="stylesheet"], script[src], img[src]')).toHaveLength(0);
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(Array.from(doc.querySelectorAll('ul.components li')).map((li) => li.textContent)).toEqual(['checkoutOperational', 'paymentsOperational']);
    expect(doc.querySelector('h2#history-heading + article h3')!.textContent).toBe('Checkout errors');
  });
});

describe('summary.json', () => {
  it('follows the Statuspage summary shape and keeps the text as plain data', () => {
    const summary = JSON.parse(renderSummaryJson(model())) as Record<string, unknown> & { history: { incident_updates: { body: string; status: string }[] }[] };
    expect(Object.keys(summary)).toEqual(['page', 'status', 'components', 'incidents', 'history']);
    expect(summary.status).toEqual({ indicator: 'none', description: 'All systems operational' });
    expect(summary.incidents).toEqual([]);
    const updates = summary.history[0]!.incident_updates;
    expect(updates.map((u) => u.status)).toEqual(['resolved', 'investigating']);
    expect(updates[1]!.body).toContain('<script>alert("pwned")</script>');
  });
});
