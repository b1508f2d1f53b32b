// Which text a draft shows: the facts as generated (following every new event) or the commander's hand-edited prose,
// which new events never overwrite — they are counted, and merged only when the commander asks (pure, unit-tested).
import type { UpdateDraft } from '../../../../shared/ipc/updates';
import { mergeFacts } from '../../../../shared/updates/draft-merge';

/** An unsaved edit of one audience's draft, with the generated text and event it started from. */
export interface DraftEdit {
  text: string;
  base: string;
  basedOnSeq: number;
}

export interface EffectiveDraft {
  text: string;
  /** The generated text this draft descends from (the base of a merge). */
  base: string;
  basedOnSeq: number;
  /** The commander changed the wording; new events no longer rewrite it. */
  handEdited: boolean;
  /** Facts recorded since the draft was started that it does not carry yet. */
  newEvents: number;
  /** newEvents is a lower bound: the draft is older than the newest facts the core sent (factSeqsLeftOut). */
  newEventsAtLeast: boolean;
  /** Unsaved local changes. */
  unsaved: boolean;
}

type DraftData = Pick<UpdateDraft, 'source' | 'origin' | 'generated' | 'base' | 'basedOnSeq' | 'lastSeq' | 'factSeqs' | 'factSeqsLeftOut'>;

export function effectiveDraft(data: DraftData, edit: DraftEdit | undefined): EffectiveDraft {
  // The core sends only the newest facts (draftFactSeqs): from a basis before the first sent, more were left out.
  const lowestSent = data.factSeqs.reduce((low, s) => Math.min(low, s), Infinity);
  const newSince = (seq: number) => ({ newEvents: data.factSeqs.filter((s) => s > seq).length, newEventsAtLeast: data.factSeqsLeftOut > 0 && seq < lowestSent });
  if (edit && edit.text !== edit.base) {
    return { ...edit, handEdited: true, ...newSince(edit.basedOnSeq), unsaved: edit.text !== data.source };
  }
  if (data.origin === 'draft' && !edit) {
    const base = data.base ?? data.source;
    const basedOnSeq = data.basedOnSeq ?? data.lastSeq;
    if (data.source !== base) return { text: data.source, base, basedOnSeq, handEdited: true, ...newSince(basedOnSeq), unsaved: false };
  }
  // Nothing written by hand: the draft is the facts as they are now.
  const text = data.generated ?? data.source;
  return { text, base: text, basedOnSeq: data.lastSeq, handEdited: false, newEvents: 0, newEventsAtLeast: false, unsaved: false };
}

/** The commander typed: keep what the draft descended from, so later facts can be merged into their words. */
export function editFrom(current: EffectiveDraft, text: string): DraftEdit {
  return { text, base: current.base, basedOnSeq: current.basedOnSeq };
}

/** One click: regenerate the fact sections and merge them into the edited text (rule in shared/updates/draft-merge.ts). */
export function mergeNewFacts(data: DraftData, current: EffectiveDraft): DraftEdit | undefined {
  if (data.generated === undefined) return undefined;
  const merged = mergeFacts(current.base, current.text, data.generated);
  return { text: merged.text, base: data.generated, basedOnSeq: data.lastSeq };
}
