// The public status page as data: components with their current status, active incidents and the incident history.
// Built only from what was published to customers on the status page channel (see project-status-page.ts).
import { z } from 'zod';
import type { IncidentStatus } from '../incidents/status';

export const componentStatuses = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** Statuspage's impact scale, used for the overall indicator and per incident. */
export type Impact = 'none' | 'minor' | 'major' | 'critical';

export const componentStatusLabels: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

export interface StatusPageUpdate {
  /** Stable across regenerations: the incident id and the log sequence number of the published update. */
  id: string;
  status: IncidentStatus;
  /** Plain text (the customers update's Markdown flattened); renderers escape it for their format. */
  body: string;
  createdAt: string;
}

export interface StatusPageIncident {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string;
  /** Component (service) names the incident affects. */
  components: string[];
  /** Newest first. */
  updates: StatusPageUpdate[];
}

export interface StatusPageComponent {
  name: string;
  status: ComponentStatus;
}

export interface StatusPageModel {
  page: { name: string; url?: string; updatedAt: string };
  overall: { indicator: Impact; description: string };
  components: StatusPageComponent[];
  /** Unresolved incidents, newest first. */
  active: StatusPageIncident[];
  /** Resolved incidents, most recently resolved first. */
  history: StatusPageIncident[];
}

/** The page's own settings: what it is called, where it is served, which components it lists, and where it is written. */
export const StatusPageTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('folder'),
    path: z
      .string()
      .trim()
      .min(1, 'Choose the folder the page is written to')
      .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'The folder must be an absolute path'),
  }),
  z.object({
    kind: z.literal('git'),
    /** A URL or path git can push to; credentials come from the user's git set-up (SSH agent, credential helper), never from here. */
    remoteUrl: z
      .string()
      .trim()
      .min(1, 'Enter the git remote to push the page to')
      .max(2000)
      .refine((u) => !u.startsWith('-') && !/\s/.test(u), 'A git remote is a URL or path without spaces that does not start with "-"'),
    branch: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)(?!.*\/$)[A-Za-z0-9._/+-]+$/, 'Not a usable branch name (letters, digits, . _ / + -)'),
  }),
]);
export type StatusPageTarget = z.infer<typeof StatusPageTarget>;

export const StatusPageSettings = z.object({
  title: z.string().trim().min(1, 'Give the page a title').max(120),
  /** Where the page will be served from, for the feed's links; optional. */
  publicUrl: z.union([z.url({ protocol: /^https?$/, error: 'The public address must start with http:// or https://' }), z.literal('')]).optional(),
  /** Components to list even when no incident names them; empty means the service catalogue's services. */
  components: z.array(z.string().trim().min(1).max(80)).max(100).default([]),
  target: StatusPageTarget,
});
export type StatusPageSettings = z.infer<typeof StatusPageSettings>;
export type StatusPageSettingsInput = z.input<typeof StatusPageSettings>;
