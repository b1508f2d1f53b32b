// Annotations commanders put on timeline entries: pinning key events and classifying an entry as observation/hypothesis/decision/action.
import { z } from 'zod';
import { EventId, eventOf } from './envelope';
import { namesTarget } from './event-refs';
import { NoteKind } from './incident-events';

/** The entry: `targetId` is its global id (event-refs.ts); logs written before global ids name its local seq, `targetSeq`. */
const Target = {
  targetId: EventId.optional(),
  targetSeq: z.number().int().positive().optional(),
};
const namesEntry = (p: { targetId?: string | undefined; targetSeq?: number | undefined }) => namesTarget(p.targetId, p.targetSeq);
const unnamed = { message: 'Name the entry by targetId', path: ['targetId'] };

export const EntryPinned = eventOf('timeline.entry_pinned', z.object({ ...Target, pinned: z.boolean() }).refine(namesEntry, unnamed));

export const EntryClassified = eventOf('timeline.entry_classified', z.object({ ...Target, kind: NoteKind }).refine(namesEntry, unnamed));

export const timelineEventSchemas = [EntryPinned, EntryClassified] as const;
