// Reads one runbook file: YAML front matter, Markdown body and steps; a broken file still yields a runbook with its problems.
import { parseDocument } from 'yaml';
import { extractSteps } from './extract-steps';
import { scanMarkdownLines } from '../markdown/lines';
import { RunbookFrontMatter, type ParsedRunbook, type RunbookProblem } from './runbook';

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;

interface Split {
  yaml?: string;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  body: string;
  bodyStartLine: number;
  problem?: RunbookProblem;
}

function splitFrontMatter(text: string): Split {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!OPENING.test(lines[0] ?? '')) return { yamlLine: 1, body: lines.join('\n'), bodyStartLine: 1 };
  const close = lines.findIndex((l, i) => i > 0 && CLOSING.test(l));
  if (close < 0) {
    return {
      yamlLine: 2,
      body: lines.slice(1).join('\n'),
      bodyStartLine: 2,
      problem: { message: 'The front matter opened with --- on line 1 is never closed; add a line with --- after the last field.', line: 1 },
    };
  }
  return { yaml: lines.slice(1, close).join('\n'), yamlLine: 2, body: lines.slice(close + 1).join('\n'), bodyStartLine: close + 2 };
}

const asList = (value: unknown): unknown => (typeof value === 'string' ? [value] : value);

/** Normalises the lenient spellings people write by hand before validation: a single string for a list, `sev1`, `estimated_minutes`. */
function normalise(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const key of ['services', 'tags', 'owners', 'severities']) if (key in out) out[key] = asList(out[key]);
  if (Array.isArray(out.severities)) out.severities = out.severities.map((s) => (typeof s === 'string' ? s.trim().toUpperCase() : s));
  for (const alias of ['estimated_minutes', 'estimated-minutes']) {
    if (out.estimatedMinutes === undefined && alias in out) out.estimatedMinutes = out[alias];
  }
  return out;
}

const fields = ['title', 'services', 'severities', 'tags', 'owners', 'estimatedMinutes'] as const;

function validateFields(raw: Record<string, unknown>, line: number, problems: RunbookProblem[]): Partial<RunbookFrontMatter> {
  const input = normalise(raw);
  const result: Partial<RunbookFrontMatter> = {};
  for (const field of fields) {
    if (input[field] === undefined || input[field] === null) continue;
    const parsed = RunbookFrontMatter.shape[field].safeParse(input[field]);
    if (parsed.success) Object.assign(result, { [field]: parsed.data });
    else {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${field}[${issue.path.join('.')}]` : field;
      problems.push({ message: `Front matter field "${where}": ${issue?.message ?? 'invalid value'}.`, line });
    }
  }
  return result;
}

function firstHeading(body: string): string | undefined {
  for (const line of scanMarkdownLines(body)) {
    const h = line.heading;
    if (h && h.level === 1 && h.text) return h.text.slice(0, 200);
  }
  return undefined;
}

function readYaml(split: Split, problems: RunbookProblem[]): Record<string, unknown> {
  if (split.yaml === undefined) {
    if (!split.problem) problems.push({ message: 'The runbook has no front matter; start the file with --- and a title, services, severities and tags.', line: 1 });
    return {};
  }
  const doc = parseDocument(split.yaml, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const offset = Math.min(error.pos[0], split.yaml.length);
    const line = split.yamlLine + (split.yaml.slice(0, offset).match(/\n/g)?.length ?? 0);
    problems.push({ message: `The front matter is not valid YAML: ${error.message.split('\n')[0]}`, line });
    return {};
  }
  const value: unknown = doc.toJS({ maxAliasCount: 50 });
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ message: 'The front matter must be a set of "field: value" lines.', line: split.yamlLine });
    return {};
  }
  return value as Record<string, unknown>;
}

/** `fileName` is used for the title when neither front matter nor a `# heading` gives one. */
export function parseRunbook(text: string, fileName: string): ParsedRunbook {
  const problems: RunbookProblem[] = [];
  const split = splitFrontMatter(text);
  if (split.problem) problems.push(split.problem);
  let raw: Record<string, unknown> = {};
  try {
    raw = readYaml(split, problems);
  } catch (e) {
    problems.push({ message: `The front matter could not be read: ${(e as Error).message}`, line: split.yamlLine });
  }
  const frontMatter = validateFields(raw, split.yamlLine, problems);
  if (!frontMatter.title && split.yaml !== undefined && problems.length === 0) {
    problems.push({ message: 'The front matter has no title; add "title: …".', line: split.yamlLine });
  }
  const title = frontMatter.title ?? firstHeading(split.body) ?? fileName.replace(/\.md$/i, '');
  const { steps, problems: stepProblems } = extractSteps(split.body, split.bodyStartLine - 1);
  return { frontMatter: { ...frontMatter, title }, body: split.body, bodyStartLine: split.bodyStartLine, steps, problems: [...problems, ...stepProblems] };
}
