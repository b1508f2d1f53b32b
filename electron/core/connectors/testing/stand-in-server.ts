// Test support: a loopback stand-in for a vendor API that serves only the operations we use and checks every exchange against the spec.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalServer, type LocalServer } from './local-server';
import { OpenApiContract } from './openapi-contract';

export interface StandInRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface StandInReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (req: StandInRequest) => StandInReply | Promise<StandInReply>;

export type FaultKind = 'rate_limit' | 'server_error' | 'hang' | 'truncated' | 'malformed' | 'wrong_shape' | 'drop_after_apply';

export interface Fault {
  /** "METHOD template", e.g. "POST /incidents/{id}/notes"; matches every operation when omitted. */
  operation?: string;
  kind: FaultKind;
  times: number;
  retryAfter?: string;
  status?: number;
  /** For wrong_shape: valid JSON that deliberately breaks the documented schema, to test our own payload checks. */
  body?: unknown;
}

export interface ContractFile {
  file: string;
  /** Requests whose path starts with this prefix are checked against this file (first match wins). */
  prefix: string;
}

export class StandInServer {
  readonly violations: string[] = [];
  readonly log: { method: string; path: string; status: number; operationId: string }[] = [];
  /** Called after a request took effect and before its answer leaves: the place to kill a client "mid-send". */
  afterApply: ((operation: string) => void | Promise<void>) | undefined;
  private readonly routes = new Map<string, Route>();
  private readonly faults: Fault[] = [];
  private server: LocalServer | undefined;
  private readonly contracts: { contract: OpenApiContract; prefix: string }[];

  constructor(contracts: ContractFile[]) {
    this.contracts = contracts.map((c) => ({ contract: OpenApiContract.load(c.file), prefix: c.prefix }));
  }

  /** Registers a handler for a documented operation, keyed "METHOD /template" exactly as the spec writes it. */
  on(operation: string, route: Route): this {
    this.routes.set(operation, route);
    return this;
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  get url(): string {
    if (!this.server) throw new Error('stand-in not started');
    return this.server.url;
  }

  /** Starts on a free port, or on `port` again after close() (the vendor was down and is back). */
  async start(port = 0): Promise<this> {
    this.server = await startLocalServer((req, res, raw) => this.handle(req, res, raw), port);
    return this;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  private contractFor(path: string): { contract: OpenApiContract; specPath: string } | undefined {
    for (const { contract, prefix } of this.contracts) {
      if (!path.startsWith(prefix)) continue;
      if (contract.basePath && !path.startsWith(contract.basePath + '/')) continue;
      return { contract, specPath: path.slice(contract.basePath.length) };
    }
    return undefined;
  }

  private takeFault(operation: string): Fault | undefined {
    const f = this.faults.find((x) => x.times > 0 && (!x.operation || x.operation === operation));
    if (f) f.times--;
    return f;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const found = this.contractFor(url.pathname);
    const op = found?.contract.match(method, found.specPath);
    if (!found || !op) {
      this.violations.push(`${method} ${url.pathname}: no documented operation`);
      return this.send(res, { status: 404, body: { errorMessages: ['not documented'] } });
    }
    const operation = `${method} ${op.template}`;
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${operation}: request body is not JSON`);
        return this.send(res, { status: 400, body: { errorMessages: ['body is not JSON'] } });
      }
    }
    const problems = found.contract.validateRequest({ method, path: found.specPath, query: url.searchParams, headers: req.headers, body });
    if (problems.length > 0) {
      this.violations.push(...problems.map((p) => `${operation} request: ${p}`));
      return this.send(res, { status: 400, body: { errorMessages: problems, errors: {} } });
    }
    const route = this.routes.get(operation);
    if (!route) {
      this.violations.push(`${operation}: the stand-in does not serve it`);
      return this.send(res, { status: 501, body: { errorMessages: ['not served'] } });
    }
    const fault = this.takeFault(operation);
    if (fault && fault.kind !== 'drop_after_apply') return this.fail(res, fault);
    const reply = await route({ method, path: found.specPath, params: op.pathParams, query: url.searchParams, headers: req.headers, body });
    const { body: checked, problems: quirkProblems } = this.specQuirk(operation, reply.body, found.contract);
    const responseProblems = [...quirkProblems, ...found.contract.validateResponse(method, found.specPath, reply.status, checked)];
    this.log.push({ method, path: found.specPath, status: reply.status, operationId: op.operationId });
    if (responseProblems.length > 0) {
      this.violations.push(...responseProblems.map((p) => `${operation} response: ${p}`));
      return this.send(res, { status: 500, body: { errorMessages: responseProblems } });
    }
    await this.afterApply?.(operation);
    // The write happened but the caller never hears about it: what a crash or a cut connection looks like from the client.
    if (fault?.kind === 'drop_after_apply') {
      res.socket?.destroy();
      return;
    }
    this.send(res, reply);
  }

  /**
   * Hook for a documented contradiction in a spec: returns the body to validate and any problems found by checking the
   * affected parts another way. The default changes nothing.
   */
  protected specQuirk(_operation: string, body: unknown, _contract: OpenApiContract): { body: unknown; problems: string[] } {
    return { body, problems: [] };
  }

  private fail(res: ServerResponse, fault: Fault): void {
    switch (fault.kind) {
      case 'rate_limit':
        return this.send(res, { status: 429, body: { errorMessages: ['Rate limit exceeded'] }, headers: { 'Retry-After': fault.retryAfter ?? '1' } });
      case 'server_error':
        return this.send(res, { status: fault.status ?? 503, body: { errorMessages: ['Service unavailable'] }, headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {} });
      case 'hang':
        return; // never answers; the client's timeout must fire
      case 'truncated':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"issues":[{"id":');
        return;
      case 'wrong_shape':
        return this.send(res, { status: fault.status ?? 200, body: fault.body });
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('<html>gateway</html>');
        return;
      default:
        return;
    }
  }

  private send(res: ServerResponse, reply: StandInReply): void {
    res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }
}
