// What a runbook is once read from the library: its front matter, its steps, and any problems found while reading it.
import { z } from 'zod';
import { Severity } from '../incidents/severity';

/** Actions a step may carry; the cockpit offers them when the matching capability exists. */
export const stepActions = ['rollback', 'metrics', 'update'] as const;
export const StepAction = z.enum(stepActions);
export type StepAction = z.infer<typeof StepAction>;

export const RunbookStep = z.object({
  /** Stable within one runbook version: `step-1`, `step-2`, … in document order. */
  id: z.string().regex(/^step-\d{1,4}$/),
  text: z.string().min(1).max(1000),
  /** The heading the step sits under, so a checklist can be grouped by phase. */
  section: z.string().max(200).optional(),
  action: StepAction.optional(),
});
export type RunbookStep = z.infer<typeof RunbookStep>;

/** Where a runbook comes from: the bundled defaults, the user's folder, a synced git library, or a configured folder. */
export const RunbookOrigin = z.enum(['bundled', 'local', 'git', 'folder']);
export type RunbookOrigin = z.infer<typeof RunbookOrigin>;

export const RunbookProblem = z.object({
  message: z.string(),
  /** 1-based line in the file, when the problem has a place. */
  line: z.number().int().positive().optional(),
});
export type RunbookProblem = z.infer<typeof RunbookProblem>;

/** The front matter fields Firebreak understands; unknown keys are kept out of the way, not rejected. */
export const RunbookFrontMatter = z.object({
  title: z.string().trim().min(1).max(200),
  services: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  severities: z.array(Severity).max(4).default([]),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  owners: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  estimatedMinutes: z.number().int().positive().max(10080).optional(),
});
export type RunbookFrontMatter = z.infer<typeof RunbookFrontMatter>;

export const RunbookSummary = z.object({
  /** `<origin>/<path without .md>`, e.g. `bundled/hot-fix-lifecycle`. */
  id: z.string().min(1).max(400),
  origin: RunbookOrigin,
  /** Path relative to the library folder it was read from. */
  path: z.string(),
  title: z.string(),
  services: z.array(z.string()),
  severities: z.array(Severity),
  tags: z.array(z.string()),
  owners: z.array(z.string()),
  estimatedMinutes: z.number().optional(),
  stepCount: z.number().int().nonnegative(),
  /** Content version: the git commit for synced libraries plus a hash of the file text. */
  version: z.string(),
  problems: z.array(RunbookProblem),
});
export type RunbookSummary = z.infer<typeof RunbookSummary>;

/** A parsed runbook: everything the summary has plus the body and its steps. */
export interface ParsedRunbook {
  frontMatter: Partial<RunbookFrontMatter> & { title: string };
  body: string;
  /** Line in the file where the body starts (1-based), so body problems can point at file lines. */
  bodyStartLine: number;
  steps: RunbookStep[];
  problems: RunbookProblem[];
}
