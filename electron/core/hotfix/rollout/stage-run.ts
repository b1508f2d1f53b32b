// Runs one rollout stage's configured command: events for start, periodic output summaries and the outcome; live output streamed.
import type { NewEvent } from '../../../../shared/events';
import type { RolloutStage } from '../../../../shared/hotfix/rollout-config';
import { commandLine } from '../../connectors/git/git-runner';
import type { Clock } from '../../rollback/health-verification';
import { runCommand } from '../../rollback/command-run';
import { OutputStream } from '../../rollback/output-capture';

export type StageResult = 'succeeded' | 'failed' | 'timeout' | 'cancelled';

export interface StageRunContext {
  incidentId: string;
  hotfixId: string;
  rolloutId: string;
  actor: string;
  /** Where the command runs unless it names its own cwd (the service's clone, when there is one). */
  defaultCwd?: string;
  append(events: NewEvent[]): Promise<unknown>;
  publishOutput?: (chunk: string) => void;
  clock: Clock;
  /** How often a running stage records an output summary on the timeline. */
  summaryEveryMs: number;
}

const TAIL = 2_000;

export async function runStage(stage: RolloutStage, ctx: StageRunContext, signal: AbortSignal): Promise<StageResult> {
  const ids = { hotfixId: ctx.hotfixId, rolloutId: ctx.rolloutId, stageId: stage.id, label: stage.label };
  const line = commandLine(stage.run.command, stage.run.args).slice(0, 4000);
  await ctx.append([{ type: 'rollout.stage_started', actor: ctx.actor, payload: { ...ids, command: line, timeoutMs: stage.run.timeoutMs } }]);
  const stream = new OutputStream((chunk) => ctx.publishOutput?.(chunk));
  let lines = 0;
  let recent = '';
  let lastSummary = ctx.clock.now();
  // Summaries are appended in order and awaited before the outcome, so the log never shows output after the stage ended.
  let summaries: Promise<unknown> = Promise.resolve();
  const outcome = await runCommand(stage.run, {
    signal,
    ...(ctx.defaultCwd ? { defaultCwd: ctx.defaultCwd } : {}),
    onOutput: (chunk) => {
      stream.write(chunk);
      recent = (recent + chunk).slice(-TAIL);
      lines += chunk.split('\n').length - 1;
      if (ctx.clock.now() - lastSummary < ctx.summaryEveryMs) return;
      lastSummary = ctx.clock.now();
      const tail = recent;
      summaries = summaries.then(() => ctx.append([{ type: 'rollout.stage_output', actor: ctx.actor, payload: { ...ids, lines, outputTail: tail } }])).catch(() => undefined);
    },
  });
  stream.flush();
  await summaries;
  const tail = outcome.output.lastChars(TAIL);
  const seconds = Math.round(stage.run.timeoutMs / 1000);
  const result: StageResult =
    outcome.outcome === 'exited' ? (outcome.exitCode === 0 ? 'succeeded' : 'failed') : outcome.outcome === 'not_started' ? 'failed' : outcome.outcome;
  const message =
    result === 'succeeded'
      ? `${stage.label} done`
      : outcome.outcome === 'not_started'
        ? `The command could not start: ${outcome.error ?? 'unknown error'}`
        : outcome.outcome === 'timeout'
          ? `No result within ${seconds} s; the command and its children were stopped. Check what ${stage.label} changed before going on.`
          : outcome.outcome === 'cancelled'
            ? `Cancelled while running; the command and its children were stopped. Check what ${stage.label} changed.`
            : `The command exited with code ${outcome.exitCode ?? '?'}${outcome.signal ? ` (${outcome.signal})` : ''}; see its output.`;
  await ctx.append([
    {
      type: 'rollout.stage_finished',
      actor: ctx.actor,
      payload: {
        ...ids,
        outcome: result,
        ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
        ...(outcome.signal ? { signal: outcome.signal.slice(0, 20) } : {}),
        durationMs: outcome.durationMs,
        message: message.slice(0, 2000),
        ...(tail ? { outputTail: tail } : {}),
      },
    },
  ]);
  return result;
}
