// Tests for reading runbook files: front matter, lenient spellings, steps and actions, and malformed files.
import { describe, expect, it } from 'vitest';
import { parseRunbook } from './parse-runbook';

const good = `---
title: Bad deploy
services: [checkout-api, payments]
severities: [sev1, SEV2]
tags: deploy
owners: [platform-team]
estimated_minutes: 20
---
# Bad deploy

## Confirm
- [ ] Compare error rate before and after the deploy {action: metrics}
- [x] Find the last good version

\`\`\`sh
- [ ] not a step, this is inside code
\`\`\`

## Mitigate
- [ ] Roll back to the last good version {action: rollback}
1. [ ] Tell support {action: update}
`;

describe('parseRunbook', () => {
  it('reads front matter with lenient spellings and extracts checklist steps with sections and actions', () => {
    const r = parseRunbook(good, 'bad-deploy.md');
    expect(r.problems).toEqual([]);
    expect(r.frontMatter).toMatchObject({
      title: 'Bad deploy',
      services: ['checkout-api', 'payments'],
      severities: ['SEV1', 'SEV2'],
      tags: ['deploy'],
      owners: ['platform-team'],
      estimatedMinutes: 20,
    });
    expect(r.steps).toEqual([
      { id: 'step-1', text: 'Compare error rate before and after the deploy', section: 'Confirm', action: 'metrics' },
      { id: 'step-2', text: 'Find the last good version', section: 'Confirm' },
      { id: 'step-3', text: 'Roll back to the last good version', section: 'Mitigate', action: 'rollback' },
      { id: 'step-4', text: 'Tell support', section: 'Mitigate', action: 'update' },
    ]);
    expect(r.bodyStartLine).toBe(9);
  });

  it('uses top-level numbered items as steps when there is no checklist', () => {
    const r = parseRunbook('---\ntitle: Numbered\n---\n1. First\n2. Second\n   1. nested detail\n- bullet\n', 'n.md');
    expect(r.steps.map((s) => s.text)).toEqual(['First', 'Second']);
  });

  it('lists a file with broken YAML, pointing at the file line, with the title from its heading', () => {
    const r = parseRunbook('---\ntitle: Broken\nservices: [a, b\n---\n# Heading title\n- [ ] Still a step\n', 'broken.md');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/not valid YAML/);
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(r.frontMatter.title).toBe('Heading title');
    expect(r.steps).toHaveLength(1);
  });

  it('reports an unclosed front matter block', () => {
    const r = parseRunbook('---\ntitle: Never closed\n- [ ] step\n', 'open.md');
    expect(r.problems[0]).toEqual({ message: expect.stringMatching(/never closed/), line: 1 });
    expect(r.frontMatter.title).toBe('open');
  });

  it('reports wrong field types and keeps the valid fields', () => {
    const r = parseRunbook('---\ntitle: Typed\nseverities: [SEV9]\nestimatedMinutes: soon\ntags: [db]\n---\nbody', 'typed.md');
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/severities\[0\]/),
      expect.stringMatching(/estimatedMinutes/),
    ]);
    expect(r.frontMatter).toMatchObject({ title: 'Typed', tags: ['db'] });
    expect(r.frontMatter.severities).toBeUndefined();
  });

  it('reports missing front matter, a non-mapping front matter and a missing title', () => {
    expect(parseRunbook('# Plain\n- [ ] a', 'plain.md').problems[0]!.message).toMatch(/no front matter/);
    expect(parseRunbook('---\n- a\n- b\n---\n', 'list.md').problems[0]!.message).toMatch(/"field: value"/);
    const untitled = parseRunbook('---\ntags: [x]\n---\n', 'untitled.md');
    expect(untitled.problems[0]!.message).toMatch(/no title/);
    expect(untitled.frontMatter.title).toBe('untitled');
  });

  it('keeps a step with an unknown action and says which actions exist', () => {
    const r = parseRunbook('---\ntitle: T\n---\n- [ ] Page the DBA {action: page}\n', 't.md');
    expect(r.steps[0]).toEqual({ id: 'step-1', text: 'Page the DBA' });
    expect(r.problems[0]).toEqual({ message: expect.stringMatching(/Unknown step action "page".*rollback, metrics, update/), line: 4 });
  });

  it('survives YAML alias bombs and CRLF files', () => {
    const bomb = '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: Bomb\n---\n';
    expect(parseRunbook(bomb, 'bomb.md').problems[0]!.message).toMatch(/could not be read|alias/i);
    const crlf = parseRunbook('---\r\ntitle: Windows\r\n---\r\n- [ ] One\r\n', 'w.md');
    expect(crlf.problems).toEqual([]);
    expect(crlf.steps[0]!.text).toBe('One');
  });
});
