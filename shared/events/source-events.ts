// Events that arrive from the outside world: alerts, pages, commits, deploys, tests, decisions and metric observations.
import { z } from 'zod';
import { eventOf } from './envelope';
import { ServiceName } from './incident-events';

const Labels = z.record(z.string(), z.string());

export const AlertFired = eventOf(
  'alert.fired',
  z.object({
    alertname: z.string().min(1),
    summary: z.string(),
    service: ServiceName.optional(),
    severity: z.string().optional(),
    fingerprint: z.string().optional(),
    labels: Labels.default({}),
    /** Alertmanager's startsAt: when the alert began firing, which is when it happened (the envelope's ts is when Firebreak saw it). */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    /** Alertmanager's endsAt at the time it was seen (for a firing alert, when it expires unless re-sent). */
    endsAt: z.iso.datetime({ offset: true }).optional(),
    /** Optional, not defaulted: a default would change the hash of events written before annotations were kept. */
    annotations: Labels.optional(),
  }),
);

export const AlertResolved = eventOf(
  'alert.resolved',
  z.object({
    alertname: z.string().min(1),
    fingerprint: z.string().optional(),
    summary: z.string().optional(),
    /** When it stopped firing as far as Alertmanager told us: its endsAt once past, else no later than the poll that missed it. */
    endsAt: z.iso.datetime({ offset: true }).optional(),
  }),
);

export const PageTriggered = eventOf(
  'page.triggered',
  z.object({ service: ServiceName, target: z.string().min(1), summary: z.string(), source: z.string().min(1) }),
);

export const PageAcknowledged = eventOf(
  'page.acknowledged',
  z.object({ by: z.string().min(1), source: z.string().min(1) }),
);

export const GitCommit = eventOf(
  'git.commit',
  z.object({
    service: ServiceName,
    sha: z.string().regex(/^[0-9a-f]{7,40}$/),
    author: z.string().min(1),
    message: z.string(),
    branch: z.string().min(1),
    /** The commit date: when it happened (the envelope's ts is when it reached the timeline). */
    committedAt: z.iso.datetime({ offset: true }).optional(),
  }),
);

export const DeployStrategy = z.enum(['canary', 'rolling', 'blue-green', 'full']);

export const DeployStarted = eventOf(
  'deploy.started',
  z.object({
    service: ServiceName,
    version: z.string().min(1),
    strategy: DeployStrategy,
    percent: z.number().min(0).max(100).optional(),
  }),
);

export const DeployFinished = eventOf(
  'deploy.finished',
  z.object({
    service: ServiceName,
    version: z.string().min(1),
    outcome: z.enum(['succeeded', 'failed', 'halted']),
    percent: z.number().min(0).max(100).optional(),
  }),
);

export const TestRun = eventOf(
  'test.run',
  z.object({ suite: z.string().min(1), outcome: z.enum(['passed', 'failed']), details: z.string().optional() }),
);

export const ApprovalRecorded = eventOf(
  'approval.recorded',
  z.object({ subject: z.string().min(1), approver: z.string().min(1), decision: z.enum(['approved', 'rejected']) }),
);

export const MetricObserved = eventOf(
  'metric.observed',
  z.object({ service: ServiceName, metric: z.string().min(1), value: z.number(), unit: z.string() }),
);

export const sourceEventSchemas = [
  AlertFired,
  AlertResolved,
  PageTriggered,
  PageAcknowledged,
  GitCommit,
  DeployStarted,
  DeployFinished,
  TestRun,
  ApprovalRecorded,
  MetricObserved,
] as const;
