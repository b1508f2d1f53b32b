// Plans and runs the non-git strategies: a configured command (helm, kubectl, …) or a kill-switch HTTP request.
import { DomainError } from '../../../shared/result';
import type { RollbackPlan } from '../../../shared/rollback/rollback-plan';
import type { RollbackState } from '../../../shared/rollback/rollback-state';
import { strategyOf, type CommandSpec, type HttpRequestSpec, type ServiceConfig } from '../../../shared/services/service-config';
import { commandLine } from '../connectors/git/git-runner';
import { runCommand } from './command-run';
import { sendKillSwitch } from './kill-switch-request';
import { healthOf } from './git-rollback-plan';
import { RollbackCancelled, RollbackFailure } from './rollback-failure';
import type { ExecutionResult, StepContext } from './step-context';

type ActionKind = 'command' | 'kill-switch';

function actionOf(service: ServiceConfig, kind: ActionKind, forward: boolean): { spec: CommandSpec | HttpRequestSpec; reversible: boolean } {
  const strategy = strategyOf(service, kind);
  if (!strategy || (strategy.kind !== 'command' && strategy.kind !== 'kill-switch')) throw new DomainError('validation', `Service ${service.name} has no ${kind} strategy configured.`);
  if (forward && !strategy.forward) throw new DomainError('validation', `Service ${service.name} has no "forward" action for its ${kind} strategy, so it cannot be rolled forward from here.`);
  return { spec: forward ? strategy.forward! : strategy, reversible: !!strategy.forward };
}

const envNames = (spec: CommandSpec) => Object.keys(spec.env);

export function planAction(service: ServiceConfig, kind: ActionKind, forwardOf?: RollbackState): RollbackPlan {
  const forward = !!forwardOf;
  const { spec, reversible } = actionOf(service, kind, forward);
  const base = {
    service: service.name,
    strategy: kind,
    direction: forward ? ('roll-forward' as const) : ('rollback' as const),
    commits: [],
    reversible,
    ...(forwardOf ? { forwardOf: forwardOf.id } : {}),
    ...(service.health ? { health: healthOf(service) } : {}),
  };
  if (kind === 'command') {
    const c = spec as CommandSpec;
    const where = [c.cwd ? `in ${c.cwd}` : '', envNames(c).length ? `with ${envNames(c).join(', ')} set` : '', `timeout ${Math.round(c.timeoutMs / 1000)} s`].filter(Boolean).join(', ');
    return { ...base, summary: `Run ${commandLine(c.command, c.args)} (${where})`, commands: [commandLine(c.command, c.args)] };
  }
  const r = spec as HttpRequestSpec;
  return {
    ...base,
    summary: `${forward ? 'Restore' : 'Flip'} the kill switch: ${r.method} ${r.url}`,
    commands: [`${r.method} ${r.url}${r.body !== undefined ? ' (with configured body)' : ''}`],
    request: { method: r.method, url: r.url, hasBody: r.body !== undefined, timeoutMs: r.timeoutMs },
  };
}

async function runConfiguredCommand(spec: CommandSpec, ctx: StepContext, line: string): Promise<ExecutionResult> {
  let tail = '';
  await ctx.step(
    'command',
    `Run ${line}`,
    async (out) => {
      const result = await runCommand(spec, { signal: ctx.signal, onOutput: out });
      tail = result.output.lastChars(4_000);
      const secs = `${(result.durationMs / 1000).toFixed(1)} s`;
      if (result.outcome === 'not_started') throw new RollbackFailure('misconfigured', `The command could not start: ${result.error ?? 'unknown error'}`, 'Nothing ran.');
      if (result.outcome === 'cancelled') {
        throw new RollbackCancelled(`The command was stopped after ${secs} (its process tree was killed); what it had already done is not undone — check the deployment.`, tail);
      }
      if (result.outcome === 'timeout') {
        throw new RollbackFailure('timeout', `The command did not finish within ${spec.timeoutMs} ms and was stopped with its process tree.`, 'The command was interrupted; what it had already done is not undone — check the deployment.', { outputTail: tail });
      }
      if (result.exitCode !== 0) {
        throw new RollbackFailure('non_zero_exit', `The command exited with code ${result.exitCode ?? result.signal ?? '?'} after ${secs}.`, 'The command ran and failed; check the deployment against the output.', { outputTail: tail });
      }
      out(`\n[exit 0 after ${secs}]\n`);
    },
    { command: line },
  );
  return { summary: `${line} exited 0`, outputTail: tail };
}

async function runKillSwitch(spec: HttpRequestSpec, ctx: StepContext): Promise<ExecutionResult> {
  const target = `${spec.method} ${spec.url}`;
  ctx.stopIfCancelled('No request was sent; the flag is unchanged.');
  ctx.pointOfNoReturn('the kill-switch request has been sent; wait for its answer');
  let body = '';
  await ctx.step(
    'request',
    `Send ${target}`,
    async (out) => {
      const result = await sendKillSwitch(spec);
      body = result.body;
      out(`${result.message}\n${result.body}`);
      if (result.outcome === 'ok') return;
      const facts = { outputTail: `${result.message}\n${result.body}`.slice(-4_000) };
      if (result.outcome === 'http_error') throw new RollbackFailure('http_error', result.message, 'The flag service refused the change; the flag should be unchanged — confirm in the flag service.', facts);
      if (result.outcome === 'timeout') throw new RollbackFailure('timeout', result.message, 'Unknown: the request may have reached the flag service. Check the flag before retrying.', facts);
      throw new RollbackFailure('unreachable', result.message, 'The flag service was not reached; the flag is unchanged.', facts);
    },
    { command: target },
  );
  return { summary: `${target} succeeded`, outputTail: body.slice(-2_000) };
}

export function runAction(service: ServiceConfig, plan: RollbackPlan, ctx: StepContext): Promise<ExecutionResult> {
  const { spec } = actionOf(service, plan.strategy as ActionKind, plan.direction === 'roll-forward');
  if (plan.strategy === 'command') return runConfiguredCommand(spec as CommandSpec, ctx, plan.commands[0]!);
  return runKillSwitch(spec as HttpRequestSpec, ctx);
}
