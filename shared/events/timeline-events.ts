// Annotations commanders put on timeline entries: pinning key events and classifying an entry as observation/hypothesis/decision/action.
import { z } from 'zod';
import { eventOf } from './envelope';
import { NoteKind } from './incident-events';

export const EntryPinned = eventOf('timeline.entry_pinned', z.object({ targetSeq: z.number().int().positive(), pinned: z.boolean() }));

export const EntryClassified = eventOf('timeline.entry_classified', z.object({ targetSeq: z.number().int().positive(), kind: NoteKind }));

export const timelineEventSchemas = [EntryPinned, EntryClassified] as const;
