// feed.xml read back with a strict XML parser (@xmldom/xmldom): well-formed Atom 1.0 with everything escaped.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { projectStatusPage } from '../../../shared/status-page/project-status-page';
import { renderAtomFeed } from '../../../shared/status-page/render-atom';
import { HOSTILE, publishedIncident } from '../../../shared/status-page/status-page.test-support';

/** The little of the DOM these checks use; xmldom is loaded without its declarations, which would pull the DOM library into the Node type-check. */
interface XmlNode {
  nodeType: number;
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  childNodes: ArrayLike<XmlNode>;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  documentElement: XmlNode;
  getElementsByTagName(name: string): ArrayLike<XmlNode>;
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<XmlNode>;
}
type XmlErrorHandler = (level: string, message: string) => void;
const { DOMParser: XmlParser } = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (options: { onError: XmlErrorHandler }) => { parseFromString(text: string, mime: string): XmlDocument };
};

const ATOM = 'http://www.w3.org/2005/Atom';

function model(text = HOSTILE, publicUrl?: string) {
  const log = publishedIncident({ customerText: text, resolve: true });
  return projectStatusPage([{ incidentId: 'inc-1', events: log.events }], { title: 'Acme <status> & "co"', components: [], ...(publicUrl ? { publicUrl } : {}) });
}

function parseXml(text: string): XmlDocument {
  const errors: string[] = [];
  const doc = new XmlParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(text, 'application/xml');
  expect(errors).toEqual([]);
  return doc;
}

describe('feed.xml', () => {
  it('is well-formed Atom 1.0 with the required elements, unique ids and RFC 3339 times', () => {
    const doc = parseXml(renderAtomFeed(model(HOSTILE, 'https://status.example.com')));
    const feed = doc.documentElement;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    const child = (el: XmlNode, name: string) => Array.from(el.childNodes).filter((n) => n.nodeType === 1 && n.localName === name);
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

