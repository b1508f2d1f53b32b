// The parts of an update context (update-context.ts) that depend on the whole log, advanced event by event so updates.draft
// (polled every minute for each audience), render, publish and saveDraft never read the log back. Per audience it keeps the
// facts each may read; values that depend on the clock (now, duration, next due) are computed at call time in contextOf.
// buildUpdateContext(events…) stays the reference: update-context-projection.test.ts checks the two agree at every prefix.
import type { Audience } from '../events';
import { refOf, SeqByRef } from '../events/event-refs';
import type { IncidentState } from '../incidents/incident-state';
import type { ProjectionDef } from '../projections/incremental-projection';
import { audienceFactsOf, inPinnedOrder, isExternal, redactNames, type AudienceFacts, type EventBySeq } from './audience-facts';
import { NewsColumns, NoteKindColumn } from './news-columns';
import { nextDueAt, type CadencePolicy, type CadenceTimeline } from './cadence';
import { actionsOf, applyAlertEvent, applyDeployEvent, contextOf, type FiringAlerts, type UpdateContext } from './update-context';
import type { UpdatesFold } from './update-history';

export interface UpdateContextFold {
  /**
   * The events that may be news to some audience (newsworthyTypes), in fold order, as columns; every other event is not kept.
   * Plain notes, observations and hypotheses (most notes of a long incident) are kept without their text: the few lines a
   * draft shows of them are read back by seq.
   */
  news: NewsColumns;
  /** Note kinds by seq, re-classifications applied (seqs arrive in any order in a team-synced incident). */
  kinds: NoteKindColumn;
  pinned: Set<number>;
  refs: SeqByRef;
  /** Page targets, acknowledgers, PagerDuty agents and note authors, in first-seen order (pagedPeople before trimming). */
  paged: Set<string>;
  /** The row of `news` after the last status change: the notes from there on are where actions in progress come from. */
  phaseStart: number;
  deploys: Map<string, string>;
  firing: FiringAlerts;
  /** Facts per audience, computed once per folded event count and dropped when an event arrives. */
  facts: Map<Audience, AudienceFacts>;
}

export const updateContextProjection: ProjectionDef<UpdateContextFold> = {
  name: 'update context',
  initial: () => ({
    news: new NewsColumns(),
    kinds: new NoteKindColumn(),
    pinned: new Set(),
    refs: new SeqByRef(),
    paged: new Set(),
    phaseStart: 0,
    deploys: new Map(),
    firing: new Map(),
    facts: new Map(),
  }),
  apply: (fold, e) => {
    fold.refs.add(e);
    fold.facts.clear();
    fold.news.push(e);
    switch (e.type) {
      case 'note.added':
        fold.kinds.set(e.seq, e.payload.kind);
        break;
      case 'timeline.entry_classified': {
        const target = fold.refs.resolve(refOf(e.payload.targetId, e.payload.targetSeq));
        if (target !== undefined) fold.kinds.set(target, e.payload.kind);
        break;
      }
      case 'timeline.entry_pinned': {
        const target = fold.refs.resolve(refOf(e.payload.targetId, e.payload.targetSeq));
        if (target === undefined) break;
        if (e.payload.pinned) fold.pinned.add(target);
        else fold.pinned.delete(target);
        break;
      }
      case 'incident.status_changed':
        // Pushed above: the phase starts after it.
        fold.phaseStart = fold.news.length;
        break;
      case 'page.triggered':
        fold.paged.add(e.payload.target);
        break;
      case 'page.acknowledged':
        fold.paged.add(e.payload.by);
        break;
      case 'pagerduty.log_entry_imported':
        if (e.payload.agent) fold.paged.add(e.payload.agent);
        break;
      case 'pagerduty.note_imported':
        fold.paged.add(e.payload.author);
        break;
      default:
        break;
    }
    applyDeployEvent(fold.deploys, e);
    applyAlertEvent(fold.firing, e);
    return fold;
  },
  view: (fold) => fold,
};

/**
 * What one audience may read, from the fold (the same as audienceFacts over the log), cached until the next event. Pinned
 * entries (few) and the notes whose text the fold did not keep are read by seq with `eventAt` (IncidentLog.eventAt).
 */
export function foldedAudienceFacts(fold: UpdateContextFold, audience: Audience, eventAt: EventBySeq): AudienceFacts {
  const cached = fold.facts.get(audience);
  if (cached) return cached;
  const pinnedEvents = inPinnedOrder(
    [...fold.pinned].flatMap((seq) => {
      const e = eventAt(seq);
      return e ? [e] : [];
    }),
  );
  const facts = audienceFactsOf({ events: fold.news, eventAt, pinnedEvents, kinds: fold.kinds, pinned: fold.pinned, paged: isExternal(audience) ? redactNames(fold.paged) : [] }, audience);
  fold.facts.set(audience, facts);
  return facts;
}

/** The projections a context is built from, each already folded to the log's end. */
export interface FoldedIncident {
  state: IncidentState | undefined;
  context: UpdateContextFold;
  updates: UpdatesFold;
  /** The cadence timeline and the latest recorded policy (update-facts projection). */
  cadence: CadenceTimeline | undefined;
  recordedPolicy: CadencePolicy | undefined;
  impact: { who: string; howBadly: string; since: string; ts: string } | undefined;
  nextStep: { text: string; ts: string } | undefined;
}

/** buildUpdateContext from projections: undefined when the log has no readable declaration. */
export function contextFromFolds(folded: FoldedIncident, audience: Audience, fallback: CadencePolicy, now: Date, eventAt: EventBySeq): UpdateContext | undefined {
  const { state, context } = folded;
  if (!state) return undefined;
  const previous = folded.updates.published.findLast((u) => u.audience === audience);
  return contextOf(
    {
      state,
      previous,
      facts: foldedAudienceFacts(context, audience, eventAt),
      impact: folded.impact,
      nextStep: folded.nextStep,
      firing: context.firing,
      actions: actionsOf(context.news, context.phaseStart, context.kinds, context.deploys, isExternal(audience), eventAt),
      next: nextDueAt(folded.cadence, folded.recordedPolicy ?? fallback, audience, now),
    },
    audience,
    now,
  );
}
