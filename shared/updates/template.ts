// The stakeholder-update template language: {{variable}}, {{#if name}}…{{else}}…{{/if}}, {{#unless name}}…{{/unless}}, \{{ for a literal.
// Deliberately tiny and safe: no expressions, no loops, no code; every problem is reported with line and column.

export interface TemplateProblem {
  message: string;
  /** 1-based line of the tag (or text) the problem is at. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Length of the offending tag in characters, so the editor can underline it. */
  length: number;
}

export type TemplateValue = string | readonly string[];
export type TemplateContext = Readonly<Record<string, TemplateValue>>;

interface At {
  line: number;
  column: number;
  length: number;
}

type Node =
  | { kind: 'text'; value: string }
  | ({ kind: 'var'; name: string } & At)
  | ({ kind: 'section'; name: string; negate: boolean; then: Node[]; otherwise: Node[] } & At);

export interface ParsedTemplate {
  nodes: Node[];
  problems: TemplateProblem[];
  /** Every variable the template refers to, in order of first use. */
  variables: string[];
}

type Token = { kind: 'text'; value: string } | ({ kind: 'tag'; body: string; raw: string } & At);

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const SECTION_OPEN = /^#(\S+)\s*(.*)$/;
const SECTION_CLOSE = /^\/(\S*)\s*(.*)$/;

function positionOf(source: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function tokenize(source: string, problems: TemplateProblem[]): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!source.startsWith('{{', i)) {
      text += source[i];
      i++;
      continue;
    }
    const close = source.indexOf('}}', i + 2);
    const nextOpen = source.indexOf('{{', i + 2);
    const pos = positionOf(source, i);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const lineEnd = source.indexOf('\n', i);
      problems.push({ message: 'This "{{" is never closed with "}}". Write \\{{ for literal braces.', ...pos, length: (lineEnd < 0 ? source.length : lineEnd) - i });
      text += '{{';
      i += 2;
      continue;
    }
    if (text) tokens.push({ kind: 'text', value: text });
    text = '';
    const raw = source.slice(i, close + 2);
    tokens.push({ kind: 'tag', body: source.slice(i + 2, close).trim(), raw, ...pos, length: raw.length });
    i = close + 2;
  }
  if (text) tokens.push({ kind: 'text', value: text });
  return tokens;
}

const isSectionTag = (t: Token) => t.kind === 'tag' && (t.body.startsWith('#') || t.body.startsWith('/') || t.body === 'else');

/** A section tag alone on its line disappears with its line, so templates can be laid out readably (as in Mustache). */
function dropStandaloneLines(tokens: Token[]): void {
  const trimStart = new Map<number, number>();
  const trimEnd = new Map<number, number>();
  tokens.forEach((tag, k) => {
    if (!isSectionTag(tag)) return;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if ((before && before.kind !== 'text') || (after && after.kind !== 'text')) return;
    let head = 0;
    if (before) {
      const lastNl = before.value.lastIndexOf('\n');
      if (lastNl < 0 && k - 1 !== 0) return;
      const lineHead = before.value.slice(lastNl + 1);
      if (lineHead.trim() !== '') return;
      head = lineHead.length;
    }
    let tail = 0;
    if (after) {
      const firstNl = after.value.indexOf('\n');
      if (firstNl < 0 && k + 1 !== tokens.length - 1) return;
      const lineTail = firstNl < 0 ? after.value : after.value.slice(0, firstNl + 1);
      if (lineTail.trim() !== '') return;
      tail = lineTail.length;
    }
    if (before) trimEnd.set(k - 1, head);
    if (after) trimStart.set(k + 1, tail);
  });
  tokens.forEach((t, k) => {
    if (t.kind !== 'text') return;
    const from = trimStart.get(k) ?? 0;
    const to = t.value.length - (trimEnd.get(k) ?? 0);
    t.value = t.value.slice(from, Math.max(from, to));
  });
}

function describeTag(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
}

/** Parses a template; `known` is the set of variable names the context will provide (unknown ones are problems). */
export function parseTemplate(source: string, known: ReadonlySet<string>): ParsedTemplate {
  const problems: TemplateProblem[] = [];
  const tokens = tokenize(source, problems);
  dropStandaloneLines(tokens);
  const variables: string[] = [];
  const root: Node[] = [];
  type Open = { node: Extract<Node, { kind: 'section' }>; inElse: boolean; keyword: string };
  const stack: Open[] = [];
  const target = () => {
    const top = stack.at(-1);
    return top ? (top.inElse ? top.node.otherwise : top.node.then) : root;
  };
  const useName = (name: string, at: At, raw: string): boolean => {
    if (!NAME.test(name)) {
      problems.push({ message: `${describeTag(raw)} is not a valid tag: names use letters, digits and underscores.`, ...at });
      return false;
    }
    if (!known.has(name)) {
      const hint = closest(name, known);
      problems.push({ message: `Unknown variable "${name}"${hint ? ` — did you mean "${hint}"?` : '.'}`, ...at });
      return false;
    }
    if (!variables.includes(name)) variables.push(name);
    return true;
  };

  for (const token of tokens) {
    if (token.kind === 'text') {
      if (token.value) target().push({ kind: 'text', value: token.value });
      continue;
    }
    const at: At = { line: token.line, column: token.column, length: token.length };
    const body = token.body;
    if (body === '') {
      problems.push({ message: 'Empty tag "{{}}": put a variable name inside.', ...at });
      continue;
    }
    const open = SECTION_OPEN.exec(body);
    if (open) {
      const keyword = open[1]!;
      const name = open[2]!.trim();
      if (keyword !== 'if' && keyword !== 'unless') {
        problems.push({ message: `Unknown section "#${keyword}": only {{#if name}} and {{#unless name}} exist.`, ...at });
        continue;
      }
      if (!name) {
        problems.push({ message: `{{#${keyword}}} needs a variable name, e.g. {{#${keyword} actions}}.`, ...at });
        continue;
      }
      useName(name, at, token.raw);
      const node: Extract<Node, { kind: 'section' }> = { kind: 'section', name, negate: keyword === 'unless', then: [], otherwise: [], ...at };
      target().push(node);
      stack.push({ node, inElse: false, keyword });
      continue;
    }
    const close = SECTION_CLOSE.exec(body);
    if (close) {
      const keyword = close[1]!;
      const top = stack.at(-1);
      if (!top) {
        problems.push({ message: `${describeTag(token.raw)} closes nothing: there is no open section.`, ...at });
      } else if (keyword !== top.keyword || close[2]!.trim() !== '') {
        problems.push({
          message: `${describeTag(token.raw)} does not match {{#${top.keyword} ${top.node.name}}} opened at line ${top.node.line}, column ${top.node.column}; close it with {{/${top.keyword}}}.`,
          ...at,
        });
        stack.pop();
      } else {
        stack.pop();
      }
      continue;
    }
    if (body === 'else') {
      const top = stack.at(-1);
      if (!top) problems.push({ message: '{{else}} outside a section: use it between {{#if name}} and {{/if}}.', ...at });
      else if (top.inElse) problems.push({ message: `A second {{else}} in {{#${top.keyword} ${top.node.name}}}.`, ...at });
      else top.inElse = true;
      continue;
    }
    if (useName(body, at, token.raw)) target().push({ kind: 'var', name: body, ...at });
  }
  for (const open of stack) {
    problems.push({
      message: `{{#${open.keyword} ${open.node.name}}} is never closed: add {{/${open.keyword}}}.`,
      line: open.node.line,
      column: open.node.column,
      length: open.node.length,
    });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { nodes: root, problems, variables };
}

function closest(name: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const truthy = (v: TemplateValue | undefined) => (typeof v === 'string' ? v.trim() !== '' : v !== undefined && v.length > 0);

/** A list value renders as one Markdown bullet per item. */
export function formatValue(value: TemplateValue): string {
  return typeof value === 'string' ? value : value.map((item) => `- ${item}`).join('\n');
}

function renderNodes(nodes: readonly Node[], context: TemplateContext, problems: TemplateProblem[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.value;
    else if (node.kind === 'var') {
      const value = context[node.name];
      if (value === undefined) problems.push({ message: `"${node.name}" has no value for this incident.`, line: node.line, column: node.column, length: node.length });
      else out += formatValue(value);
    } else {
      const show = truthy(context[node.name]) !== node.negate;
      out += renderNodes(show ? node.then : node.otherwise, context, problems);
    }
  }
  return out;
}

/** Tidies what sections and empty values leave behind: trailing spaces and runs of blank lines. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type RenderResult = { ok: true; text: string; variables: string[] } | { ok: false; problems: TemplateProblem[] };

/** Renders a template against a context; any problem means no text at all, so a broken draft can never be published. */
export function renderTemplate(source: string, context: TemplateContext): RenderResult {
  const parsed = parseTemplate(source, new Set(Object.keys(context)));
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const problems: TemplateProblem[] = [];
  const text = tidy(renderNodes(parsed.nodes, context, problems));
  if (problems.length > 0) return { ok: false, problems };
  if (text === '') return { ok: false, problems: [{ message: 'The update is empty.', line: 1, column: 1, length: 0 }] };
  return { ok: true, text, variables: parsed.variables };
}

/** One problem per line, "line 3, column 7: …", for error details crossing the IPC boundary. */
export function problemDetails(problems: readonly TemplateProblem[]): string[] {
  return problems.map((p) => `line ${p.line}, column ${p.column}: ${p.message}`);
}
