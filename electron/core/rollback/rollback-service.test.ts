// The rollback flow for command and kill-switch strategies: one run per service, cancel, failures, health verification, restarts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../shared/result';
import type { Clock } from './health-verification';
import { INCIDENT, rollbackFixture, type RollbackFixture } from './rollback-flow.test-support';
import { RollbackService } from './rollback-service';

let fx: RollbackFixture;
afterEach(async () => fx?.cleanup());

let flags: Server;
let flagsUrl = '';
beforeAll(async () => {
  flags = createServer((req, res) => res.writeHead(req.url === '/flags/new-provider' ? 200 : 404).end(req.url === '/flags/new-provider' ? '{"enabled":false}' : 'no such flag'));
  await new Promise<void>((r) => flags.listen(0, '127.0.0.1', r));
  flagsUrl = `http://127.0.0.1:${(flags.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => flags.close(() => r())));

const node = process.execPath;
const strategies = (script: string, timeoutMs = 5_000) => ({
  rollback: {
    strategies: [
      { kind: 'command', command: node, args: ['-e', script], timeoutMs, forward: { command: node, args: ['-e', 'console.log("forward")'] } },
      { kind: 'kill-switch', url: `${flagsUrl}/flags/new-provider`, method: 'PUT', body: '{"enabled":false}', timeoutMs: 2_000 },
    ],
  },
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const plan = (strategy: 'command' | 'kill-switch', forwardOf?: string) => fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', ...(forwardOf ? { forwardOf } : { strategy }) });
const confirm = (rollbackId: string) => fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId, typedName: 'checkout' });
const byId = (id: string) => fx.rollbacks.list(INCIDENT).find((r) => r.id === id)!;

describe('command strategy through the flow', () => {
  it('streams output, records the steps, completes, and rolls forward with the configured forward command', async () => {
    const chunks: string[] = [];
    fx = await rollbackFixture({ publishOutput: (o) => chunks.push(o.chunk) }, strategies('console.log("release checkout rolled back to revision 41")'));
    const planned = await plan('command');
    expect(planned.plan).toMatchObject({ strategy: 'command', reversible: true });
    expect(planned.plan.commands[0]).toContain('-e');
    await confirm(planned.id);
    await fx.rollbacks.settled(planned.id);
    const done = byId(planned.id);
    expect(done.stage).toBe('completed');
    expect(done.steps[0]).toMatchObject({ step: 'command', status: 'succeeded' });
    expect(done.steps[0]!.outputTail).toContain('revision 41');
    expect(chunks.join('')).toContain('revision 41');
    const forward = await plan('command', planned.id);
    await confirm(forward.id);
    await fx.rollbacks.settled(forward.id);
    expect(byId(forward.id).outcome?.outputTail).toContain('forward');
    expect(byId(planned.id).rolledForwardBy).toBe(forward.id);
  });

  it('records a non-zero exit with the output tail and what to check', async () => {
    fx = await rollbackFixture({}, strategies('console.error("Error: UPGRADE FAILED: release checkout has no deployed releases"); process.exit(1)'));
    const planned = await plan('command');
    await confirm(planned.id);
    await fx.rollbacks.settled(planned.id);
    expect(byId(planned.id)).toMatchObject({ stage: 'failed', failure: { reason: 'non_zero_exit' } });
    expect(byId(planned.id).failure!.outputTail).toContain('UPGRADE FAILED');
    expect(byId(planned.id).steps[0]!.status).toBe('failed');
  });

  it('allows one run per service, cancels a running command, and discards plans', async () => {
    const chunks: string[] = [];
    fx = await rollbackFixture({ publishOutput: (o) => chunks.push(o.chunk) }, strategies('console.log("waiting"); setInterval(() => {}, 1000)', 20_000));
    const first = await plan('command');
    const second = await plan('command');
    await confirm(first.id);
    expect((await refusal(confirm(second.id))).message).toContain(`Another rollback of checkout (${first.id}) is running`);
    expect((await refusal(plan('command'))).code).toBe('conflict');
    // Cancel once the command is really running (its first output arrived), so the kill reaches a live process tree.
    await vi.waitFor(() => expect(chunks.join('')).toContain('waiting'), { timeout: 15_000 });
    const cancelled = await fx.rollbacks.cancel({ incidentId: INCIDENT, rollbackId: first.id, reason: 'wrong service' });
    expect(cancelled).toMatchObject({ stage: 'cancelled', cancellation: { reason: 'wrong service', by: 'ines' } });
    expect(cancelled.cancellation!.state).toContain('process tree was killed');
    const discarded = await fx.rollbacks.cancel({ incidentId: INCIDENT, rollbackId: second.id });
    expect(discarded).toMatchObject({ stage: 'cancelled', cancellation: { state: 'The plan was discarded; nothing ran.' } });
    expect((await refusal(confirm(second.id))).message).toContain('already cancelled');
  });
});

describe('kill-switch strategy through the flow', () => {
  it('flips the flag, and without a forward request it cannot be rolled forward', async () => {
    fx = await rollbackFixture({}, strategies('0'));
    const planned = await plan('kill-switch');
    expect(planned.plan).toMatchObject({ reversible: false, request: { method: 'PUT', hasBody: true } });
    await confirm(planned.id);
    await fx.rollbacks.settled(planned.id);
    expect(byId(planned.id)).toMatchObject({ stage: 'completed', outcome: { outputTail: '{"enabled":false}' } });
    expect((await refusal(plan('kill-switch', planned.id))).message).toContain('cannot be rolled forward');
  });
});

describe('verification', () => {
  const fakeClock = (): Clock => {
    let t = 0;
    return { now: () => t, sleep: async (ms) => void (t += ms) };
  };
  const health = { health: { promql: 'sum(rate(checkout_errors_total[1m]))', threshold: 1, windowSeconds: 60 } };

  it('is healthy once the health query drops under the threshold within the window', async () => {
    const values = [12, 4, 0.4];
    fx = await rollbackFixture({ clock: fakeClock(), queryHealth: async () => values.shift() ?? 0 }, { ...strategies('0'), ...health });
    const planned = await plan('command');
    await confirm(planned.id);
    await fx.rollbacks.settled(planned.id);
    expect(byId(planned.id).verification).toMatchObject({ method: 'health-query', outcome: 'healthy', value: 0.4, threshold: 1 });
  });

  it('is unhealthy when the value stays high for the whole window; manual verification is refused afterwards', async () => {
    let calls = 0;
    fx = await rollbackFixture({ clock: fakeClock(), queryHealth: async () => (calls++, 5) }, { ...strategies('0'), ...health });
    const planned = await plan('command');
    await confirm(planned.id);
    await fx.rollbacks.settled(planned.id);
    expect(byId(planned.id).verification).toMatchObject({ outcome: 'unhealthy', value: 5 });
    expect(calls).toBeGreaterThanOrEqual(10);
    expect((await refusal(fx.rollbacks.verify({ incidentId: INCIDENT, rollbackId: planned.id, outcome: 'healthy' }))).message).toContain('already verified');
  });

  it('falls back to a manual step when the health query fails or metrics are not configured', async () => {
    fx = await rollbackFixture({ queryHealth: async () => Promise.reject(new Error('Prometheus unreachable')) }, { ...strategies('0'), ...health });
    const planned = await plan('command');
    await confirm(planned.id);
    await fx.rollbacks.settled(planned.id);
    const state = byId(planned.id);
    expect(state.verification).toBeUndefined();
    expect(state.steps.find((s) => s.step === 'verify')).toMatchObject({ status: 'failed', outputTail: expect.stringContaining('Verify by hand') });
    const verified = await fx.rollbacks.verify({ incidentId: INCIDENT, rollbackId: planned.id, outcome: 'unhealthy', note: 'errors persist' });
    expect(verified.verification).toMatchObject({ method: 'manual', outcome: 'unhealthy', by: 'ines', note: 'errors persist' });
  });
});

describe('restarts', () => {
  it('marks a rollback that was running when Firebreak stopped as failed, and refuses to confirm a plan from before the restart', async () => {
    fx = await rollbackFixture({}, strategies('0'));
    const planned = await plan('command');
    const running = await plan('command');
    await fx.store.append(INCIDENT, [{ type: 'rollback.confirmed', actor: 'ines', payload: { rollbackId: running.id, service: 'checkout', direction: 'rollback' } }]);
    const restarted = new RollbackService({ store: fx.store, catalogue: fx.catalogue, operator: () => 'ines', deviceId: () => 'dev_rollback_tests' });
    await restarted.recoverInterrupted();
    expect(restarted.list(INCIDENT).find((r) => r.id === running.id)).toMatchObject({ stage: 'failed', failure: { message: 'Firebreak stopped while this rollback was running.' } });
    expect((await refusal(restarted.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' }))).message).toContain('plan again');
  });
});
