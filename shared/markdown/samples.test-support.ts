// Sample updates for the Markdown pipeline's agreement tests: each exercises something the targets have disagreed on.
export interface MarkdownSample {
  name: string;
  source: string;
}

export const markdownSamples: readonly MarkdownSample[] = [
  {
    name: 'status table',
    source: '**[SEV1] Checkout errors** — Mitigating\n\n| Service | Status | Since |\n| --- | :---: | ---: |\n| checkout | **degraded** | 12:04 UTC |\n| payments | ~~down~~ recovering | 12:10 UTC |\n| auth-api | ok | |',
  },
  { name: 'line breaks', source: 'Impact: EU customers cannot pay\nWorkaround: retry in the app\nNext update by 13:00 UTC' },
  { name: 'hard break with two spaces and backslash', source: 'First line  \nSecond line\\\nThird line' },
  { name: 'strikethrough', source: 'Status: ~~Investigating~~ Identified, ~~rollback~~ **fix forward** chosen.' },
  {
    name: 'nested lists',
    source: '- Mitigations\n  - scaled checkout to 40 pods\n  - disabled the *new* pricing flag\n- Next steps\n  1. confirm error rate < 1%\n  2. close the incident\n\n3. third item of a list starting at 3\n4. fourth',
  },
  { name: 'code blocks', source: 'Rolled back with:\n\n```sh\nkubectl rollout undo deploy/checkout\nkubectl rollout status deploy/checkout\n```\n\n    indented code block\n\nInline `SELECT 1` works.' },
  { name: 'links', source: 'See [the status page](https://status.example.com/incidents/42), https://grafana.example.com/d/abc and <mailto:oncall@example.com>.\n\n[bad](javascript:alert(1)) stays text.' },
  { name: 'headings', source: '# Checkout incident\n\n## Impact\n\nSome customers.\n\n### What we are doing\n\nRolling back.\n\nSetext heading\n--------------' },
  { name: 'blockquote and rule', source: '> Customer quote: "I could not pay"\n> second line\n\n---\n\nAfter the rule.' },
  { name: 'raw html stays text', source: '<script>alert(1)</script> <b>bold?</b>\n\n<div>block</div>' },
  { name: 'table inside a list item', source: '- Affected:\n\n  | Region | Share |\n  | --- | --- |\n  | EU | 30% |\n  | US | 5% |' },
  { name: 'heading inside a quote', source: '> ## Quoted heading\n> quoted text' },
  { name: 'image', source: 'Graph: ![error rate](https://grafana.example.com/render/x.png)' },
  { name: 'empty table cells and ragged rows', source: '| A | B | C |\n|---|---|---|\n| 1 |\n| | 2 | 3 |' },
  { name: 'emphasis mix', source: '***bold italic*** and **bold with `code` inside** and _~~struck italic~~_' },
];
