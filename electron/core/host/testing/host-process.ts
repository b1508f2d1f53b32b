// Test and soak support: starts host-child.ts as a separate process on a data directory and talks to it over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

export const HOST_CHILD = join(__dirname, 'host-child.ts');
/** A fixed vault key, so children started one after another on the same data directory open the same vault. */
export const TEST_VAULT_KEY = '7a'.repeat(32);

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  token: string;
  /** Resolves with the next line the child prints that starts with `prefix`. */
  nextLine(prefix: string): Promise<string>;
  /** SIGKILLs the child and resolves once it is gone. */
  kill(): Promise<void>;
}

export interface HostProcessOptions {
  nodeArgs?: string[];
  /** A built entry (out/main/web.js, what `npm run web` runs) instead of host-child.ts through tsx: starts in a fraction of the time. */
  builtEntry?: string;
}

export function startHostProcess(dataDir: string, options: HostProcessOptions = {}): Promise<HostProcess> {
  return new Promise((resolve, reject) => {
    const args = options.builtEntry ? [options.builtEntry, '--data-dir', dataDir, '--port', '0'] : ['--import', 'tsx', HOST_CHILD, dataDir];
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...args], {
      env: { ...process.env, FIREBREAK_VAULT_KEY: TEST_VAULT_KEY, FIREBREAK_OPERATOR: 'host-process' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const waiting: { prefix: string; resolve: (line: string) => void }[] = [];
    let buffered = '';
    let stderr = '';
    let exited = false;
    const gone = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const printed of lines) {
        // The built entry announces itself like `npm run web` does: "Firebreak is running at http://…/?token=…".
        const running = /running at (http:\/\/[^/]+)\/\?token=([\w-]+)/.exec(printed);
        const line = running ? `ready ${running[1]} ${running[2]}` : printed;
        const index = waiting.findIndex((w) => line.startsWith(w.prefix));
        if (index >= 0) waiting.splice(index, 1)[0]!.resolve(line);
      }
    });
    const nextLine = (prefix: string) => new Promise<string>((done) => waiting.push({ prefix, resolve: done }));
    child.once('exit', (code) => {
      if (!started) reject(new Error(`host-child exited (code ${code}) before it was ready:\n${stderr}`));
    });
    let started = false;
    void nextLine('ready ').then((line) => {
      started = true;
      const [, origin, token] = line.split(' ');
      resolve({
        child,
        origin: origin!,
        token: token!,
        nextLine,
        async kill() {
          if (!exited) child.kill('SIGKILL');
          await gone;
        },
      });
    });
  });
}

export interface RpcAnswer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** POSTs one contract request, with a request id when given; each call on a fresh connection so a kill affects only in-flight calls. */
export function rpc(host: { origin: string; token: string }, channel: string, input: unknown, requestId?: string): Promise<RpcAnswer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(JSON.stringify(input));
    const req = request(
      `${host.origin}/api/rpc/${channel}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${host.token}`,
          ...(requestId ? { 'idempotency-key': requestId } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RpcAnswer['body'] });
          } catch (e) {
            reject(e as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
