// The user-editable update templates in <dataDir>/update-templates/, seeded from the shipped defaults in assets/ on first use.
import { mkdir, readFile } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';
import { join } from 'node:path';
import { TEMPLATE_SOURCE_MAX, audiences, type Audience } from '../../../shared/events';
import type { UpdateTemplate } from '../../../shared/ipc/updates';
import { parseTemplate, problemDetails } from '../../../shared/updates/template';
import { updateVariableNames } from '../../../shared/updates/update-context';
import { DomainError } from '../../../shared/result';

export const TEMPLATES_DIR = 'update-templates';

export const audienceLabels: Record<Audience, string> = {
  executives: 'Executives',
  customers: 'Customers (status page)',
  support: 'Support',
  engineers: 'Engineering',
};

const fileOf = (audience: Audience) => `${audience}.md`;

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DomainError('unavailable', `Could not read ${path}: ${(e as Error).message}`);
  }
}


export class UpdateTemplateFiles {
  readonly dir: string;
  private readonly defaultsDir: string;

  constructor(dataDir: string, assetsDir: string) {
    this.dir = join(dataDir, TEMPLATES_DIR);
    this.defaultsDir = join(assetsDir, TEMPLATES_DIR);
  }

  private async shipped(audience: Audience): Promise<string> {
    const source = await readIfExists(join(this.defaultsDir, fileOf(audience)));
    if (source === undefined) throw new DomainError('unavailable', `The shipped ${audience} template is missing from ${this.defaultsDir}; reinstall Firebreak.`);
    return source;
  }

  private describe(audience: Audience, source: string, shipped: string): UpdateTemplate {
    const parsed = parseTemplate(source, updateVariableNames);
    return { audience, label: audienceLabels[audience], source, customized: source !== shipped, problems: parsed.problems, file: join(this.dir, fileOf(audience)) };
  }

  /** Reads one template, copying the shipped default into the data directory the first time. */
  async get(audience: Audience): Promise<UpdateTemplate> {
    const shipped = await this.shipped(audience);
    const path = join(this.dir, fileOf(audience));
    let source = await readIfExists(path);
    if (source === undefined) {
      await mkdir(this.dir, { recursive: true });
      await writeFileDurably(path, shipped);
      source = shipped;
    }
    return this.describe(audience, source, shipped);
  }

  async list(): Promise<UpdateTemplate[]> {
    return Promise.all(audiences.map((a) => this.get(a)));
  }

  /** Saves an edited template; a template with problems is refused so a later draft never starts broken. */
  async save(audience: Audience, source: string): Promise<UpdateTemplate> {
    if (source.length > TEMPLATE_SOURCE_MAX) throw new DomainError('validation', `A template can hold at most ${TEMPLATE_SOURCE_MAX} characters.`);
    const { problems } = parseTemplate(source, updateVariableNames);
    if (problems.length > 0) {
      const details = problemDetails(problems);
      throw new DomainError('validation', `The ${audience} template was not saved: ${details[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, details);
    }
    await mkdir(this.dir, { recursive: true });
    await writeFileDurably(join(this.dir, fileOf(audience)), source);
    return this.describe(audience, source, await this.shipped(audience));
  }

  /** Puts the shipped default back. */
  async reset(audience: Audience): Promise<UpdateTemplate> {
    const shipped = await this.shipped(audience);
    await mkdir(this.dir, { recursive: true });
    await writeFileDurably(join(this.dir, fileOf(audience)), shipped);
    return this.describe(audience, shipped, shipped);
  }
}
