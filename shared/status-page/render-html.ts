// index.html: a self-contained, accessible status page (inline CSS, no scripts, no external assets; light and dark follow
// the reader's prefers-color-scheme). Update text is plain text, escaped, with its paragraphs and line breaks kept; a
// Content-Security-Policy that allows no script at all backs the escaping up.
import { statusLabels } from '../incidents/status';
import { escapeMarkup as esc } from './escape';
import { componentStatusLabels, type StatusPageIncident, type StatusPageModel } from './status-page-model';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Dec 2026, 09:50 UTC": the same on every machine, whatever its time zone or locale. */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

const time = (iso: string) => `<time datetime="${esc(iso)}">${esc(formatUtc(iso))}</time>`;

/** Blank lines separate paragraphs; single line breaks stay line breaks. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim().length > 0)
    .map((p) => `<p>${p.split('\n').map(esc).join('<br>')}</p>`)
    .join('');

const STYLE = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1f24;--muted:#4a5360;--line:#d5dae1;--card:#f6f8fa;
--ok:#146c2e;--minor:#8a5300;--major:#b3261e;--critical:#8c1d18;--banner-fg:#ffffff}
@media (prefers-color-scheme:dark){:root{--bg:#0f1318;--fg:#e8ecf1;--muted:#b4bcc8;--line:#36404c;--card:#171d24;
--ok:#6fdc8c;--minor:#f5c26b;--major:#ff8f87;--critical:#ffb4ab;--banner-fg:#0f1318}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 3rem}
h1{font-size:1.75rem;margin:0 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
.banner{border-radius:8px;padding:1rem 1.25rem;font-weight:600;font-size:1.1rem;color:var(--banner-fg);background:var(--ok)}
.banner.minor{background:var(--minor)}.banner.major{background:var(--major)}.banner.critical{background:var(--critical)}
.updated{color:var(--muted);font-size:.9rem;margin:.5rem 0 0}
ul.components{list-style:none;margin:0;padding:0;border:1px solid var(--line);border-radius:8px}
ul.components li{display:flex;justify-content:space-between;gap:1rem;padding:.75rem 1rem;border-top:1px solid var(--line)}
ul.components li:first-child{border-top:0}
.state{font-weight:600}
.state::before{content:"";display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.45em;background:currentColor}
.operational{color:var(--ok)}.degraded_performance{color:var(--minor)}.partial_outage{color:var(--major)}.major_outage{color:var(--critical)}
article.incident{border:1px solid var(--line);border-radius:8px;background:var(--card);padding:1rem 1.25rem;margin:0 0 1rem}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .75rem}
ol.updates{list-style:none;margin:0;padding:0}
ol.updates li{border-top:1px solid var(--line);padding:.75rem 0 .25rem}
ol.updates li:first-child{border-top:0;padding-top:0}
.update-status{font-weight:700}
.update-body p{margin:.25rem 0 .5rem;overflow-wrap:anywhere}
.empty{color:var(--muted)}
footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem}
a{color:inherit}
`;

function incidentHtml(incident: StatusPageIncident, headingLevel: 3): string {
  const h = `h${headingLevel}`;
  const affected = incident.components.length > 0 ? ` · Affects ${incident.components.map(esc).join(', ')}` : '';
  const when = incident.resolvedAt ? `Resolved ${time(incident.resolvedAt)}` : `${esc(statusLabels[incident.status])} · Started ${time(incident.createdAt)}`;
  return `<article class="incident" id="incident-${esc(incident.id)}" aria-labelledby="title-${esc(incident.id)}">
<${h} id="title-${esc(incident.id)}">${esc(incident.name)}</${h}>
<p class="meta">${when}${affected}</p>
<ol class="updates">${incident.updates
    .map((u) => `<li><p><span class="update-status">${esc(statusLabels[u.status])}</span> — ${time(u.createdAt)}</p><div class="update-body">${paragraphs(u.body)}</div></li>`)
    .join('\n')}</ol>
</article>`;
}

export function renderStatusHtml(model: StatusPageModel): string {
  const title = esc(model.page.name);
  const components =
    model.components.length > 0
      ? `<ul class="components">${model.components
          .map((c) => `<li><span>${esc(c.name)}</span><span class="state ${c.status}">${esc(componentStatusLabels[c.status])}</span></li>`)
          .join('\n')}</ul>`
      : '<p class="empty">No components are listed.</p>';
  const active = model.active.length > 0 ? model.active.map((i) => incidentHtml(i, 3)).join('\n') : '<p class="empty">No incidents in progress.</p>';
  const history = model.history.length > 0 ? model.history.map((i) => incidentHtml(i, 3)).join('\n') : '<p class="empty">No past incidents.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<link rel="alternate" type="application/atom+xml" title="${title} — status updates" href="feed.xml">
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<section aria-labelledby="overall">
<p id="overall" class="banner ${model.overall.indicator}" role="status">${esc(model.overall.description)}</p>
<p class="updated">Last updated ${time(model.page.updatedAt)}</p>
</section>
<section aria-labelledby="components-heading">
<h2 id="components-heading">Components</h2>
${components}
</section>
<section aria-labelledby="active-heading">
<h2 id="active-heading">Current incidents</h2>
${active}
</section>
<section aria-labelledby="history-heading">
<h2 id="history-heading">Past incidents</h2>
${history}
</section>
<footer><p>Subscribe to updates: <a href="feed.xml">Atom feed</a> · <a href="summary.json">JSON summary</a></p></footer>
</main>
</body>
</html>
`;
}
