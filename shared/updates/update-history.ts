// What the log says about past stakeholder updates: publications, queued deliveries and saved drafts, per audience.
import type { Audience, EventOfType, IncidentEvent } from '../events';
import { refOf, SeqByRef } from '../events/event-refs';

export interface PublishedUpdate {
  seq: number;
  ts: string;
  actor: string;
  audience: Audience;
  channel: string;
  text: string;
  publicationId?: string;
  deliveries: QueuedDelivery[];
}

export interface QueuedDelivery {
  seq: number;
  ts: string;
  channel: EventOfType<'update.delivery_queued'>['payload']['channel'];
  connectorConfigured: boolean;
  outboxId?: string;
  detail: string;
}

export interface SavedDraft {
  seq: number;
  ts: string;
  actor: string;
  source: string;
  basedOnSeq?: number;
  base?: string;
}

/** Published updates and the latest saved draft per audience, folded one event at a time. */
export interface UpdatesFold {
  published: PublishedUpdate[];
  byPublication: Map<string, PublishedUpdate>;
  drafts: Map<Audience, SavedDraft>;
  /** Events by global id, for the event a saved draft was based on. */
  refs: SeqByRef;
}

export const emptyUpdatesFold = (): UpdatesFold => ({ published: [], byPublication: new Map(), drafts: new Map(), refs: new SeqByRef() });

/** A saved draft with its basis as a local seq on this laptop (the event it names by global id, or an old log's seq). */
function savedDraft(e: EventOfType<'update.draft_saved'>, refs: SeqByRef): SavedDraft {
  const { source, base } = e.payload;
  const basedOnSeq = refs.resolve(refOf(e.payload.basedOnId, e.payload.basedOnSeq));
  return { seq: e.seq, ts: e.ts, actor: e.actor, source, ...(basedOnSeq !== undefined ? { basedOnSeq } : {}), ...(base !== undefined ? { base } : {}) };
}

/** Folds one event into `fold` (in place: the fold is owned by one projection). */
export function applyUpdatesEvent(fold: UpdatesFold, e: IncidentEvent): UpdatesFold {
  fold.refs.add(e);
  if (e.type === 'update.published') {
    const update: PublishedUpdate = {
      seq: e.seq,
      ts: e.ts,
      actor: e.actor,
      audience: e.payload.audience,
      channel: e.payload.channel,
      text: e.payload.text,
      deliveries: [],
      ...(e.payload.publicationId ? { publicationId: e.payload.publicationId } : {}),
    };
    fold.published.push(update);
    if (e.payload.publicationId) fold.byPublication.set(e.payload.publicationId, update);
  } else if (e.type === 'update.delivery_queued') {
    fold.byPublication.get(e.payload.publicationId)?.deliveries.push({
      seq: e.seq,
      ts: e.ts,
      channel: e.payload.channel,
      connectorConfigured: e.payload.connectorConfigured,
      detail: e.payload.detail,
      ...(e.payload.outboxId ? { outboxId: e.payload.outboxId } : {}),
    });
  } else if (e.type === 'update.draft_saved') {
    fold.drafts.set(e.payload.audience, savedDraft(e, fold.refs));
  }
  return fold;
}

/** Every published update, oldest first, each with the deliveries queued for it. */
export function publishedUpdates(events: readonly IncidentEvent[], audience?: Audience): PublishedUpdate[] {
  const fold = emptyUpdatesFold();
  for (const e of events) applyUpdatesEvent(fold, e);
  return audience ? fold.published.filter((u) => u.audience === audience) : fold.published;
}

/** The latest update published to `audience`, the one a new draft is compared with. */
export function previousUpdate(events: readonly IncidentEvent[], audience: Audience): PublishedUpdate | undefined {
  return publishedUpdates(events, audience).at(-1);
}

/** The commander's latest saved draft for `audience`, if any. */
export function latestDraft(events: readonly IncidentEvent[], audience: Audience): SavedDraft | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'update.draft_saved' && e.payload.audience === audience) {
      const refs = new SeqByRef();
      if (e.payload.basedOnId !== undefined) for (const x of events) refs.add(x);
      return savedDraft(e, refs);
    }
  }
  return undefined;
}
