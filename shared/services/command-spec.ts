// A configured command (no shell) with its timeout; used by rollback strategies and rollout stages alike.
import { z } from 'zod';

export const TimeoutMs = z.number().int().min(100).max(3_600_000);

export const CommandSpec = z.looseObject({
  command: z.string().trim().min(1, 'Enter the command to run, e.g. helm').max(1000),
  args: z.array(z.string().max(4000)).max(200).default([]),
  cwd: z.string().trim().min(1).optional(),
  env: z.record(z.string(), z.string()).default({}),
  timeoutMs: TimeoutMs.default(300_000),
});
export type CommandSpec = z.infer<typeof CommandSpec>;
