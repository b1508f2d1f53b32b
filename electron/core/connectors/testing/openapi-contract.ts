// Test support: validates stand-in requests and responses against the official OpenAPI documents in ../shared/contracts, per operation.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; depending on the loader the plugin is the default export or its .default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** FIREBREAK_CONTRACTS_DIR, else ../shared/contracts beside the repository root: reference data, never copied into the product. */
export function contractsDir(): string {
  // __dirname works under both vitest and Playwright's CommonJS transform (import.meta does not).
  const dir = process.env.FIREBREAK_CONTRACTS_DIR ?? resolve(__dirname, '../../../../../shared/contracts');
  if (!existsSync(join(dir, 'jira-platform-v3.openapi.json'))) {
    throw new Error(
      `OpenAPI contracts not found in ${dir}. The connector tests need ../shared/contracts next to the repo (see its README), or FIREBREAK_CONTRACTS_DIR pointing at it.`,
    );
  }
  return dir;
}

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

export interface ContractRequest {
  method: string;
  /** Path after the server's base path, e.g. /rest/api/3/issue/ABC-1. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface MatchedOperation {
  operationId: string;
  template: string;
  pathParams: Record<string, string>;
}

const cache = new Map<string, OpenApiContract>();

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly coercing: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly spec: Json;
  readonly basePath: string;

  private constructor(readonly file: string) {
    this.spec = JSON.parse(readFileSync(join(contractsDir(), file), 'utf8')) as Json;
    const servers = (this.spec.servers as { url: string }[] | undefined) ?? [];
    this.basePath = servers[0] ? new URL(servers[0].url.replace(/\{[^}]+\}/g, 'x')).pathname.replace(/\/$/, '') : '';
    // strict:false because the published documents carry OpenAPI-only keywords (example, nullable, readOnly) and known quirks.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    this.coercing = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, coerceTypes: 'array' });
    for (const ajv of [this.ajv, this.coercing]) {
      addFormats(ajv);
      ajv.addSchema(this.spec, file);
    }
  }

  static load(file: string): OpenApiContract {
    let c = cache.get(file);
    if (!c) cache.set(file, (c = new OpenApiContract(file)));
    return c;
  }

  /** Finds the documented operation for a method and concrete path; undefined if the spec has none. */
  match(method: string, path: string): MatchedOperation | undefined {
    const paths = this.spec.paths as Record<string, Record<string, Json>>;
    const m = method.toLowerCase();
    let best: MatchedOperation | undefined;
    for (const template of Object.keys(paths)) {
      const op = paths[template]![m];
      if (!op) continue;
      const names: string[] = [];
      const re = new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_s, n: string) => (names.push(n), '([^/]+)')) + '$');
      const hit = re.exec(path);
      if (!hit) continue;
      // Prefer literal templates (/issue/createmeta) over parameterised ones (/issue/{id}).
      if (best && names.length >= Object.keys(best.pathParams).length) continue;
      best = { operationId: String(op.operationId), template, pathParams: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1]!)])) };
    }
    return best;
  }

  private deref<T>(node: unknown): T {
    let n = node as Json;
    for (let i = 0; i < 10 && n && typeof n.$ref === 'string'; i++) n = this.pointer(n.$ref as string) as Json;
    return n as T;
  }

  private pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
    let n: unknown = this.spec;
    for (const raw of ref.slice(2).split('/')) n = (n as Json)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    return n;
  }

  private validator(ajv: Ajv, pointer: string): ValidateFunction {
    const key = `${ajv === this.coercing ? 'c' : 'v'}:${pointer}`;
    let fn = this.compiled.get(key);
    if (!fn) this.compiled.set(key, (fn = ajv.compile({ $ref: `${this.file}${pointer}` })));
    return fn;
  }

  private paramValidator(schemaPointer: string): ValidateFunction {
    const key = `p:${schemaPointer}`;
    let fn = this.compiled.get(key);
    if (!fn) this.compiled.set(key, (fn = this.coercing.compile({ type: 'object', properties: { v: { $ref: `${this.file}${schemaPointer}` } } })));
    return fn;
  }

  private operation(op: MatchedOperation, method: string): { node: Json; pointer: string } {
    const pointer = `#/paths/${op.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}`;
    return { node: this.pointer(pointer) as Json, pointer };
  }

  /** Problems with a request, as readable strings; empty when it matches the documented operation. */
  validateRequest(req: ContractRequest): string[] {
    const op = this.match(req.method, req.path);
    if (!op) return [`${req.method} ${req.path} is not an operation in ${this.file}`];
    const { node, pointer } = this.operation(op, req.method);
    const problems: string[] = [];
    const params = ((node.parameters as unknown[]) ?? []).map((p) => this.deref<Parameter>(p));
    const known = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(req.query.keys())) if (!known.has(name)) problems.push(`query parameter "${name}" is not documented`);
    params.forEach((p, index) => {
      const raw = p.in === 'query' ? req.query.getAll(p.name) : p.in === 'path' ? [op.pathParams[p.name]] : p.in === 'header' ? [req.headers[p.name.toLowerCase()]].flat() : [];
      const values = raw.filter((v): v is string => typeof v === 'string');
      if (values.length === 0) {
        if (p.required) problems.push(`${p.in} parameter "${p.name}" is required`);
        return;
      }
      if (!p.schema) return;
      const rawParam = ((node.parameters as Json[]) ?? [])[index]!;
      const schemaPointer = typeof rawParam.$ref === 'string' ? `${rawParam.$ref as string}/schema` : `${pointer}/parameters/${index}/schema`;
      const data: { v: unknown } = { v: p.schema.type === 'array' ? values : values[0] };
      const wrapper = this.paramValidator(schemaPointer);
      if (!wrapper(data)) problems.push(`${p.in} parameter "${p.name}": ${this.coercing.errorsText(wrapper.errors)}`);
    });
    problems.push(...this.checkSecurity(node, req.headers));
    const bodySpec = node.requestBody ? this.deref<Json>(node.requestBody) : undefined;
    if (bodySpec) {
      const bodyPointer = typeof (node.requestBody as Json).$ref === 'string' ? ((node.requestBody as Json).$ref as string) : `${pointer}/requestBody`;
      if (req.body === undefined) {
        if (bodySpec.required) problems.push('request body is required');
      } else if ((bodySpec.content as Json | undefined)?.['application/json']) {
        const fn = this.validator(this.ajv, `${bodyPointer}/content/application~1json/schema`);
        if (!fn(req.body)) problems.push(`request body: ${this.ajv.errorsText(fn.errors, { dataVar: 'body' })}`);
      }
    } else if (req.body !== undefined && req.method !== 'GET') problems.push('operation takes no request body');
    return problems;
  }

  private checkSecurity(node: Json, headers: ContractRequest['headers']): string[] {
    const requirements = (node.security ?? this.spec.security) as Record<string, unknown>[] | undefined;
    if (!requirements || requirements.length === 0) return [];
    const schemes = ((this.spec.components as Json).securitySchemes ?? {}) as Record<string, Json>;
    const auth = String(headers.authorization ?? '');
    const satisfied = requirements.some((req) =>
      Object.keys(req).every((name) => {
        const s = schemes[name];
        if (!s) return false;
        if (s.type === 'http' && s.scheme === 'basic') return /^Basic [A-Za-z0-9+/=]+$/.test(auth);
        if (s.type === 'apiKey' && s.in === 'header') return headers[String(s.name).toLowerCase()] !== undefined;
        return false;
      }),
    );
    return satisfied ? [] : [`no credentials matching ${requirements.map((r) => Object.keys(r).join('+')).join(' or ')}`];
  }

  /** Problems with a value checked against one schema of the document, e.g. "#/components/schemas/LogEntry". */
  validateSchema(pointer: string, value: unknown): string[] {
    const fn = this.validator(this.ajv, pointer);
    return fn(value) ? [] : [`${pointer}: ${this.ajv.errorsText(fn.errors, { dataVar: 'value' })}`];
  }

  /**
   * Problems with a response. Statuses a spec does not list are tolerated only for 429 and 5xx (the README notes that
   * Jira declares 429 on a handful of operations although every operation can return it).
   */
  validateResponse(method: string, path: string, status: number, body: unknown): string[] {
    const op = this.match(method, path);
    if (!op) return [`${method} ${path} is not an operation in ${this.file}`];
    const { node, pointer } = this.operation(op, method);
    const responses = node.responses as Record<string, unknown>;
    const key = String(status) in responses ? String(status) : `${String(status)[0]}XX` in responses ? `${String(status)[0]}XX` : 'default' in responses ? 'default' : undefined;
    if (!key) return status === 429 || status >= 500 ? [] : [`status ${status} is not documented for ${op.operationId}`];
    const raw = responses[key] as Json;
    const resolved = this.deref<Json>(raw);
    const jsonContent = (resolved.content as Json | undefined)?.['application/json'] as Json | undefined;
    if (!jsonContent?.schema) return [];
    const base = typeof raw.$ref === 'string' ? (raw.$ref as string) : `${pointer}/responses/${key}`;
    const fn = this.validator(this.ajv, `${base}/content/application~1json/schema`);
    return fn(body) ? [] : [`response ${status} body: ${this.ajv.errorsText(fn.errors, { dataVar: 'body' })}`];
  }
}
