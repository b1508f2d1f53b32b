// @vitest-environment happy-dom
import { DOMParser as XmlParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { projectStatusPage } from './project-status-page';
import { renderAtomFeed } from './render-atom';
import { renderStatusHtml } from './render-html';
import { renderSummaryJson } from './render-summary';
import { publishedIncident } from './status-page.test-support';

const HOSTILE = [
  '**Investigating** <script>alert("pwned")</script>',
  '',
  '"><img src=x onerror=alert(1)> \'single\' & <b>bold</b>',
  '[Click for details](javascript:alert(document.cookie)) and <a href="javascript:alert(2)">raw link</a>',
  '',
  ']]></content><script>alert(3)</script> \u0001control',
].join('\n');

const ATOM = 'http://www.w3.org/2005/Atom';

function model(text = HOSTILE, publicUrl?: string) {
  const log = publishedIncident({ customerText: text, resolve: true });
  return projectStatusPage([{ incidentId: 'inc-1', events: log.events }], { title: 'Acme <status> & "co"', components: [], ...(publicUrl ? { publicUrl } : {}) });
}

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new XmlParser({ onError: (level: string, message: string) => void errors.push(`${level}: ${message}`) }).parseFromString(text, 'application/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

describe('index.html', () => {
  it('shows hostile update text as text: no script, no event handler, no javascript: link, nothing but our own markup', () => {
    const html = renderStatusHtml(model());
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, img, iframe, object, embed, form, b')).toHaveLength(0);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false);
        expect(attr.value.trim().toLowerCase().startsWith('javascript:'), `${el.tagName} ${attr.name}=${attr.value}`).toBe(false);
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
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelectorAll('link[rel="stylesheet"], script[src], img[src]')).toHaveLength(0);
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(Array.from(doc.querySelectorAll('ul.components li')).map((li) => li.textContent)).toEqual(['checkoutOperational', 'paymentsOperational']);
    expect(doc.querySelector('h2#history-heading + article h3')!.textContent).toBe('Checkout errors');
  });
});

describe('feed.xml', () => {
  it('is well-formed Atom 1.0 with the required elements, unique ids and RFC 3339 times', () => {
    const doc = parseXml(renderAtomFeed(model(HOSTILE, 'https://status.example.com')));
    const feed = doc.documentElement;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    const child = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
    for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name), `feed/${name}`).toHaveLength(1);
    expect(child(feed, 'link').map((l) => l.getAttribute('rel'))).toEqual(['self', 'alternate']);
    const entries = child(feed, 'entry');
    expect(entries).toHaveLength(2);
    const ids = entries.map((e) => child(e, 'id')[0]!.textContent!);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^tag:[a-z0-9.-]+,\d{4}:\S+$/);
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated', 'content']) expect(child(e, name), `entry/${name}`).toHaveLength(1);
      expect(child(e, 'updated')[0]!.textContent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(child(e, 'content')[0]!.getAttribute('type')).toBe('text');
    }
    // Newest first: the Resolved entry, then the hostile one, whose text comes back exactly (control character dropped).
    expect(child(entries[0]!, 'title')[0]!.textContent).toBe('Checkout errors — Resolved');
    const content = child(entries[1]!, 'content')[0]!.textContent!;
    expect(content).toContain(']]></content><script>alert(3)</script> control');
    expect(content).toContain('<a href="javascript:alert(2)">raw link</a>');
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
  });

  it('still parses with a hostile page title and without a public address', () => {
    const doc = parseXml(renderAtomFeed(model()));
    expect(doc.getElementsByTagNameNS(ATOM, 'title')[0]!.textContent).toBe('Acme <status> & "co" — status updates');
    expect(doc.getElementsByTagNameNS(ATOM, 'link')).toHaveLength(0);
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
