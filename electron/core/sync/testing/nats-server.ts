// Test and bench support: runs the real nats-server (from apt, found like the other system programs) with JetStream on a free
// port and a temporary store directory; it can be stopped and started again on the same port and store (a partition).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const requireCjs = createRequire(__filename);
const { requireProgram } = requireCjs('../../../../scripts/system-programs.cjs') as { requireProgram: (name: string) => string };

export interface NatsServerOptions {
  storeDir: string;
  /** A user and password the server requires (to test wrong credentials). */
  user?: string;
  password?: string;
  /** A user nkey public key (U…) the server requires instead: written to a config file next to the store directory. */
  nkey?: string;
  /** A whole server configuration (e.g. the README's permissions example), written next to the store directory. When it has
   *  a `jetstream` block, that block names the store directory (it should be `storeDir`). */
  config?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export class NatsServer {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly options: NatsServerOptions,
  ) {}

  static async start(options: NatsServerOptions): Promise<NatsServer> {
    const server = new NatsServer(await freePort(), options);
    await server.restart();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and store directory; resolves once it accepts clients. */
  async restart(): Promise<void> {
    const config = this.options.config ?? (this.options.nkey ? `authorization { users = [ { nkey: ${this.options.nkey} } ] }\n` : undefined);
    // A configuration with its own `jetstream { store_dir }` (operator mode's) must not get it twice: nats-server refuses that.
    const jetstreamInConfig = config !== undefined && /^\s*jetstream\s*[:={]/m.test(config);
    const args = [...(jetstreamInConfig ? [] : ['-js', '-sd', this.options.storeDir]), '-a', '127.0.0.1', '-p', String(this.port)];
    if (this.options.user) args.push('--user', this.options.user, '--pass', this.options.password ?? '');
    if (config) {
      const file = `${this.options.storeDir}.conf`;
      await writeFile(file, config);
      args.push('-c', file);
    }
    const child = spawn(requireProgram('nats-server'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (d: Buffer) => {
        output += d.toString();
        if (output.includes('Server is ready')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`nats-server exited (code ${code}) before it was ready:\n${output}`)));
    });
  }

  /** Stops the server and resolves once its process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGKILL');
    await gone;
  }
}
