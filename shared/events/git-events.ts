// Git history events besides commits: release tags on the deploy branch, imported into the incident timeline.
import { z } from 'zod';
import { eventOf } from './envelope';
import { ServiceName } from './incident-events';

export const GitTag = eventOf(
  'git.tag',
  z.object({
    service: ServiceName,
    tag: z.string().min(1).max(250),
    sha: z.string().regex(/^[0-9a-f]{7,40}$/),
    branch: z.string().min(1),
    /** The tagged commit's date: when the release happened (lightweight tags carry no date of their own). */
    committedAt: z.iso.datetime({ offset: true }).optional(),
  }),
);

export const gitEventSchemas = [GitTag] as const;
