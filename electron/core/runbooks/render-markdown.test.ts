// Tests that runbook Markdown renders safely: no raw HTML, no script links, external links marked, code blocks copyable.
import { describe, expect, it } from 'vitest';
import { renderRunbookHtml } from './render-markdown';

describe('renderRunbookHtml', () => {
  it('escapes raw HTML instead of rendering it', () => {
    const html = renderRunbookHtml('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript:, data: and relative links and marks http links as external', () => {
    const html = renderRunbookHtml('[a](javascript:alert(1)) [b](data:text/html,x) [c](../etc/passwd) [d](https://status.example.com)');
    expect(html).not.toMatch(/href="(javascript|data|\.\.)/);
    expect(html).toContain('<a href="https://status.example.com" target="_blank" rel="noopener noreferrer nofollow" data-external-link="true">d</a>');
  });

  it('renders images as external links, never loading them', () => {
    const html = renderRunbookHtml('![graph](https://grafana.example.com/x.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: graph]');
  });

  it('wraps code blocks with a copy button and escapes their content and language', () => {
    const html = renderRunbookHtml('```sh"><script>\nkubectl rollout undo deploy/checkout && echo "<ok>"\n```');
    expect(html).toContain('data-copy-code="true"');
    expect(html).toContain('class="language-shscript"');
    expect(html).toContain('kubectl rollout undo deploy/checkout &amp;&amp; echo &quot;&lt;ok&gt;&quot;');
  });

  it('shows checklist boxes and action markers readably', () => {
    const html = renderRunbookHtml('- [ ] Roll back {action: rollback}\n- [x] Done');
    expect(html).toContain('☐ Roll back <code>action: rollback</code>');
    expect(html).toContain('☑ Done');
  });
});
