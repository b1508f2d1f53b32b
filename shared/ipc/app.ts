// IPC contract for the application itself: who is using it, where data lives, which capabilities exist.
import { z } from 'zod';
import { request } from './define';

export const capabilityNames = ['runbooks', 'metrics', 'updates', 'rollback', 'jira', 'pagerduty', 'playback'] as const;
export const CapabilityName = z.enum(capabilityNames);
export type CapabilityName = z.infer<typeof CapabilityName>;

export const AppInfo = z.object({
  version: z.string(),
  // 'bundle': a read-only review bundle opened straight from its file in a plain browser.
  mode: z.enum(['desktop', 'browser', 'bundle']),
  dataDir: z.string(),
  operator: z.string(),
  /** Capabilities that are built and configured; panes for the others say plainly that they are not available yet. */
  capabilities: z.array(CapabilityName),
  /**
   * Above this many events the timeline holds a window of pages served by the core (timeline.page) instead of the whole
   * log. 100,000 unless the host sets FIREBREAK_TIMELINE_WINDOW (tests use a small number).
   */
  timelineWindowFrom: z.number().int().positive().optional(),
});

export const DEFAULT_TIMELINE_WINDOW_FROM = 100_000;
export type AppInfo = z.infer<typeof AppInfo>;

export const appContract = {
  'app.info': request('Version, mode, data directory and available capabilities', z.object({}), AppInfo),
  'app.diagnostics': request(
    'A redacted diagnostics report (versions, platform, configuration without secrets, recent log lines) to paste into a support ticket',
    z.object({}),
    z.object({ text: z.string(), logFile: z.string() }),
  ),
};
