// feed.xml: an Atom 1.0 feed (RFC 4287) with one entry per status page update, newest first. Entry content is type="text",
// so a feed reader never interprets update text as markup; every value is escaped.
import { statusLabels } from '../incidents/status';
import { escapeXml } from './escape';
import type { StatusPageModel, StatusPageUpdate, StatusPageIncident } from './status-page-model';

/** Atom ids must be permanent IRIs; a tag URI (RFC 4151) needs no server and stays the same wherever the page moves. */
const tagId = (specific: string) => `tag:firebreak.status-page,2024:${encodeURIComponent(specific).replace(/%2F/g, '/')}`;

const joinUrl = (base: string, file: string) => (base.endsWith('/') ? base : `${base}/`) + file;

export function renderAtomFeed(model: StatusPageModel): string {
  const entries = [...model.active, ...model.history]
    .flatMap((incident) => incident.updates.map((update) => ({ incident, update })))
    .sort((a, b) => b.update.createdAt.localeCompare(a.update.createdAt) || b.update.id.localeCompare(a.update.id));
  const base = model.page.url;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${escapeXml(base ? joinUrl(base, 'feed.xml') : tagId('feed'))}</id>`,
    `  <title>${escapeXml(`${model.page.name} — status updates`)}</title>`,
    `  <updated>${escapeXml(model.page.updatedAt)}</updated>`,
    `  <author><name>${escapeXml(model.page.name)}</name></author>`,
    ...(base
      ? [`  <link rel="self" type="application/atom+xml" href="${escapeXml(joinUrl(base, 'feed.xml'))}"/>`, `  <link rel="alternate" type="text/html" href="${escapeXml(joinUrl(base, 'index.html'))}"/>`]
      : []),
    ...entries.map(({ incident, update }) => entry(incident, update, base)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function entry(incident: StatusPageIncident, update: StatusPageUpdate, base: string | undefined): string {
  const title = `${incident.name} — ${statusLabels[update.status]}`;
  return [
    '  <entry>',
    `    <id>${escapeXml(tagId(`incident/${incident.id}/update/${update.id}`))}</id>`,
    `    <title type="text">${escapeXml(title)}</title>`,
    `    <updated>${escapeXml(update.createdAt)}</updated>`,
    `    <published>${escapeXml(update.createdAt)}</published>`,
    ...(base ? [`    <link rel="alternate" type="text/html" href="${escapeXml(`${joinUrl(base, 'index.html')}#incident-${encodeURIComponent(incident.id)}`)}"/>`] : []),
    `    <content type="text">${escapeXml(update.body)}</content>`,
    '  </entry>',
  ].join('\n');
}
