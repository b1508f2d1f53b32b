// The service catalogue entry: where a service's code lives, what gets deployed, how to roll it back and how to tell it is healthy.
import { z } from 'zod';
import { ServiceName } from '../events/incident-events';
import { RolloutConfig } from '../hotfix/rollout-config';
import { CommandSpec, TimeoutMs } from './command-spec';

/** A git ref name part: no spaces, no leading dash (would read as an option), no "..", no trailing ".lock" or "/". */
export const RefName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)(?!.*\/$)[A-Za-z0-9._/+-]+$/, 'Not a usable git ref name (letters, digits, . _ / + -; no "..", no leading "-")');

/** A glob understood by `git tag --list` and `git describe --match`, e.g. "v*" or "release-*". */
export const TagPattern = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^(?!-)[A-Za-z0-9._/+*?[\]-]+$/, 'Not a usable tag pattern (a glob such as "v*", no spaces, no leading "-")');

export const GitRemote = z.looseObject({
  name: z.string().trim().min(1).max(100).regex(/^(?!-)[A-Za-z0-9._-]+$/, 'Not a remote name').default('origin'),
  /** When set, the clone's remote must point here; a mismatch is refused instead of pushing somewhere unexpected. */
  url: z.string().trim().min(1).max(2000).optional(),
});

export const GitSource = z.looseObject({
  /** Absolute path of a local clone the operator works in (an empty one is reported once, by min). */
  clonePath: z
    .string()
    .trim()
    .min(1, 'Enter the absolute path of a local working clone')
    .refine((p) => p === '' || p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'The clone path must be absolute'),
  remote: GitRemote.default({ name: 'origin' }),
});

export const DeployTarget = z
  .looseObject({
    /** The branch that is deployed (refs/heads/<branch>). */
    branch: RefName.optional(),
    /** A moving tag that is deployed, e.g. "production" (refs/tags/<tag>). */
    tag: RefName.optional(),
    /** Releases are tags matching this glob; the previous one is the default known-good point. */
    releaseTagPattern: TagPattern.optional(),
  })
  .refine((d) => (d.branch ? 1 : 0) + (d.tag ? 1 : 0) === 1, 'Set exactly one of deploy.branch or deploy.tag');

// Defined beside the rollout config's stages (shared/hotfix/rollout-config.ts), which reuse it without an import cycle.
export { CommandSpec };

export const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export const HttpRequestSpec = z.looseObject({
  url: z.url({ protocol: /^https?$/, error: 'The kill switch URL must be an http(s) URL' }),
  method: HttpMethod.default('POST'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().max(100_000).optional(),
  timeoutMs: TimeoutMs.default(10_000),
});
export type HttpRequestSpec = z.infer<typeof HttpRequestSpec>;

export const RevertStrategyConfig = z.looseObject({ kind: z.literal('revert') });
export const MoveRefStrategyConfig = z.looseObject({ kind: z.literal('move-ref') });
export const CommandStrategyConfig = CommandSpec.extend({
  kind: z.literal('command'),
  /** Undoes the rollback (e.g. `helm upgrade` to the release that was rolled back); without it there is no roll forward. */
  forward: CommandSpec.optional(),
});
export const KillSwitchStrategyConfig = HttpRequestSpec.extend({
  kind: z.literal('kill-switch'),
  forward: HttpRequestSpec.optional(),
});

export const RollbackStrategyConfig = z.discriminatedUnion('kind', [RevertStrategyConfig, MoveRefStrategyConfig, CommandStrategyConfig, KillSwitchStrategyConfig]);
export type RollbackStrategyConfig = z.infer<typeof RollbackStrategyConfig>;
export const strategyKinds = ['revert', 'move-ref', 'command', 'kill-switch'] as const;
export const StrategyKind = z.enum(strategyKinds);
export type StrategyKind = z.infer<typeof StrategyKind>;

export const HealthCheck = z.looseObject({
  promql: z.string().trim().min(1, 'Enter the PromQL query that tells if the service is healthy').max(4000),
  /** Healthy when the query's value is below this. */
  threshold: z.number({ error: 'Enter a number: healthy while the value stays below it' }),
  /** How long the value may take to drop below the threshold after the rollback. */
  windowSeconds: z.number().int().min(10).max(3600).default(300),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

/** How the hot-fix track works for this service; separate from `rollout` (the rollout engine's stages). */
export const HotfixServiceConfig = z.looseObject({
  /** The targeted test command, run in a temporary checkout of the fix (cwd relative to it, or absolute). */
  testCommand: CommandSpec.optional(),
  /** The annotated tag for a shipped hot fix: <release> is the deployed release tag, <n> the next free number. */
  tagPattern: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((p) => /^[A-Za-z0-9._/+-]+$/.test(p.replace(/<release>|<n>/g, '')) && !p.startsWith('-'), 'Use letters, digits, . _ / + - around <release> and <n>')
    .default('<release>-hf.<n>'),
  /** Overrides the team's minimal-change thresholds for this service. */
  thresholds: z.looseObject({ maxFiles: z.number().int().min(1).optional(), maxLines: z.number().int().min(1).optional(), maxModules: z.number().int().min(1).optional() }).optional(),
  /** How many leading folders name a module (1: "src/…" counts as module "src"). */
  moduleDepth: z.number().int().min(1).max(6).default(1),
  /** The Jira project the follow-up patch ticket goes to; defaults to the linked issue's project. */
  followUpProject: z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'A Jira project key looks like OPS').optional(),
});
export type HotfixServiceConfig = z.infer<typeof HotfixServiceConfig>;

export const ServiceConfig = z
  .looseObject({
    name: ServiceName,
    git: GitSource.optional(),
    deploy: DeployTarget.optional(),
    rollback: z
      .looseObject({
        strategies: z.array(RollbackStrategyConfig).min(1).max(10),
        /** Policy: a rollback is confirmed only after someone other than the operator recorded their approval. */
        requireApproval: z.boolean().optional(),
      })
      .optional(),
    health: HealthCheck.optional(),
    /** How a hot fix is rolled out (stages, canary analysis); see shared/hotfix/rollout-config.ts. */
    rollout: RolloutConfig.optional(),
    hotfix: HotfixServiceConfig.optional(),
  })
  .superRefine((s, ctx) => {
    const kinds = s.rollback?.strategies.map((r) => r.kind) ?? [];
    kinds.forEach((kind, i) => {
      if (kinds.indexOf(kind) !== i) ctx.addIssue({ code: 'custom', path: ['rollback', 'strategies', i, 'kind'], message: `Strategy "${kind}" is listed twice` });
    });
    const needsGit = kinds.filter((k) => k === 'revert' || k === 'move-ref');
    if ((needsGit.length > 0 || s.deploy) && !s.git) ctx.addIssue({ code: 'custom', path: ['git'], message: `A git repository is required for ${needsGit.join(', ') || 'deploy'}` });
    if (needsGit.length > 0 && !s.deploy) ctx.addIssue({ code: 'custom', path: ['deploy'], message: `deploy.branch or deploy.tag is required for ${needsGit.join(', ')}` });
    if (s.rollout?.rollbackStrategy && !kinds.includes(s.rollout.rollbackStrategy)) ctx.addIssue({ code: 'custom', path: ['rollout', 'rollbackStrategy'], message: `The rollout's rollback strategy "${s.rollout.rollbackStrategy}" is not one of the service's rollback strategies` });
    if (kinds.includes('revert') && s.deploy && !s.deploy.branch) ctx.addIssue({ code: 'custom', path: ['deploy', 'branch'], message: 'The revert strategy pushes commits, so it needs a deploy branch (not a tag)' });
  });
export type ServiceConfig = z.infer<typeof ServiceConfig>;

export const ServicesFile = z
  .looseObject({
    services: z.array(ServiceConfig).max(500),
    /** How often open incidents' deploy refs are checked for new commits and tags (default 15 s). */
    historyPollSeconds: z.number().int().min(5).max(3600).optional(),
  })
  .superRefine((f, ctx) => {
    const names = f.services.map((s) => s.name.toLowerCase());
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['services', i, 'name'], message: `Service "${f.services[i]!.name}" is defined twice` });
    });
  });
export type ServicesFile = z.infer<typeof ServicesFile>;

/** The deploy ref in full form, e.g. refs/heads/main or refs/tags/production. */
export function deployRef(deploy: NonNullable<ServiceConfig['deploy']>): string {
  return deploy.branch ? `refs/heads/${deploy.branch}` : `refs/tags/${deploy.tag!}`;
}

export function strategyOf(service: ServiceConfig, kind: StrategyKind): RollbackStrategyConfig | undefined {
  return service.rollback?.strategies.find((s) => s.kind === kind);
}
