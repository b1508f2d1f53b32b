// Tests for the update template language: rendering, sections, standalone lines and precise error positions.
import { describe, expect, it } from 'vitest';
import { parseTemplate, problemDetails, renderTemplate, type TemplateContext } from './template';

const context: TemplateContext = {
  title: 'Checkout latency',
  severity: 'SEV1',
  impact: '',
  changes: ['12:05 UTC — Status Investigating → Identified', '12:09 UTC — Rolled back checkout'],
  actions: [],
};

function rendered(source: string): string {
  const result = renderTemplate(source, context);
  if (!result.ok) throw new Error(problemDetails(result.problems).join('\n'));
  return result.text;
}

function problems(source: string) {
  const result = renderTemplate(source, context);
  if (result.ok) throw new Error(`expected problems, got text: ${result.text}`);
  return result.problems;
}

describe('renderTemplate', () => {
  it('fills variables, with or without spaces inside the braces', () => {
    expect(rendered('[{{severity}}] {{ title }}')).toBe('[SEV1] Checkout latency');
  });

  it('renders a list as one Markdown bullet per item', () => {
    expect(rendered('Changes:\n{{changes}}')).toBe('Changes:\n- 12:05 UTC — Status Investigating → Identified\n- 12:09 UTC — Rolled back checkout');
  });

  it('shows the if-branch for non-empty values and the else-branch for empty strings and lists', () => {
    expect(rendered('{{#if changes}}some{{else}}none{{/if}}')).toBe('some');
    expect(rendered('{{#if actions}}some{{else}}none{{/if}}')).toBe('none');
    expect(rendered('{{#if impact}}{{impact}}{{else}}Impact is being assessed.{{/if}}')).toBe('Impact is being assessed.');
    expect(rendered('{{#unless impact}}no impact yet{{/unless}}')).toBe('no impact yet');
  });

  it('nests sections', () => {
    expect(rendered('{{#if changes}}A{{#if actions}}B{{else}}C{{/if}}D{{/if}}')).toBe('ACD');
  });

  it('removes the whole line of a section tag that stands alone on it', () => {
    const source = 'Title: {{title}}\n{{#if actions}}\nActions:\n{{actions}}\n{{/if}}\n  {{#if changes}}\nChanged:\n{{changes}}\n  {{/if}}\nEnd';
    expect(rendered(source)).toBe(
      'Title: Checkout latency\nChanged:\n- 12:05 UTC — Status Investigating → Identified\n- 12:09 UTC — Rolled back checkout\nEnd',
    );
  });

  it('keeps inline sections inline and collapses runs of blank lines', () => {
    expect(rendered('a {{#if impact}}x{{/if}} b\n\n\n\nc')).toBe('a  b\n\nc');
  });

  it('writes \\{{ as literal braces and never re-interprets values that contain braces', () => {
    expect(rendered('Use \\{{title}} for {{title}}')).toBe('Use {{title}} for Checkout latency');
    const result = renderTemplate('{{title}}', { title: '{{severity}}' });
    expect(result).toEqual({ ok: true, text: '{{severity}}', variables: ['title'] });
  });

  it('reports the variables the template uses', () => {
    const result = renderTemplate('{{title}} {{#if changes}}{{changes}}{{/if}} {{title}}', context);
    expect(result.ok && result.variables).toEqual(['title', 'changes']);
  });
});

describe('template problems', () => {
  it('rejects an unknown variable with its line, column and a suggestion', () => {
    expect(problems('Hello\n  {{severty}} now')).toEqual([
      { message: 'Unknown variable "severty" — did you mean "severity"?', line: 2, column: 3, length: 11 },
    ]);
  });

  it('does not suggest a far-fetched name', () => {
    expect(problems('{{customerCount}}')[0]!.message).toBe('Unknown variable "customerCount".');
  });

  it('reports an unclosed tag instead of printing a raw placeholder', () => {
    const [p] = problems('Status: {{title\nnext line');
    expect(p).toMatchObject({ line: 1, column: 9, length: 7 });
    expect(p!.message).toContain('never closed');
  });

  it('reports a tag opened inside another tag', () => {
    expect(problems('{{title {{severity}}')[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('reports empty tags, invalid names and unknown sections', () => {
    expect(problems('{{}}')[0]!.message).toContain('Empty tag');
    expect(problems('{{title | upper}}')[0]!.message).toContain('not a valid tag');
    expect(problems('{{#each changes}}x{{/each}}').map((p) => p.message)).toEqual([
      'Unknown section "#each": only {{#if name}} and {{#unless name}} exist.',
      '{{/each}} closes nothing: there is no open section.',
    ]);
    expect(problems('{{#if}}x{{/if}}')[0]!.message).toContain('needs a variable name');
  });

  it('reports unclosed, mismatched and stray section tags at their positions', () => {
    expect(problems('a\n{{#if changes}}\nb')).toEqual([
      { message: '{{#if changes}} is never closed: add {{/if}}.', line: 2, column: 1, length: 15 },
    ]);
    expect(problems('{{#if changes}}x{{/unless}}')[0]).toMatchObject({ line: 1, column: 17 });
    expect(problems('x\n{{/if}}')[0]).toMatchObject({ line: 2, column: 1, message: '{{/if}} closes nothing: there is no open section.' });
    expect(problems('{{else}}')[0]!.message).toContain('outside a section');
    expect(problems('{{#if title}}a{{else}}b{{else}}c{{/if}}')[0]!.message).toContain('second {{else}}');
  });

  it('reports every problem, sorted by position', () => {
    const found = problems('{{nope}}\n{{title}} {{alsoNope}}\n{{#if x}}');
    expect(found.map((p) => [p.line, p.column])).toEqual([
      [1, 1],
      [2, 11],
      [3, 1],
      [3, 1],
    ]);
  });

  it('refuses to render an update that comes out empty', () => {
    expect(problems('{{#if impact}}{{impact}}{{/if}}')[0]!.message).toBe('The update is empty.');
  });

  it('formats problems as details for the error envelope', () => {
    expect(problemDetails(problems('{{nope}}'))).toEqual(['line 1, column 1: Unknown variable "nope".']);
  });

  it('parses against a catalogue without needing values', () => {
    const parsed = parseTemplate('{{title}} {{missing}}', new Set(['title']));
    expect(parsed.variables).toEqual(['title']);
    expect(parsed.problems).toHaveLength(1);
  });
});
