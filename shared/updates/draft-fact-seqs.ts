// Which fact seqs an updates.draft answer carries. The renderer only counts the facts after a draft's basedOnSeq ("N new
// events since you started this draft"), so it never needs the facts before the previous update to the audience (a saved
// draft older than that is spent), nor more than the newest few thousand: a 1M-event incident has 666k facts for engineers,
// which sent whole made every draft poll a multi-megabyte IPC answer.

/** At most this many fact seqs go into one draft answer. */
export const MAX_DRAFT_FACT_SEQS = 2000;

export interface DraftFactSeqs {
  /** The seqs of the facts after `afterSeq`, all of them or the newest (highest) MAX_DRAFT_FACT_SEQS. */
  factSeqs: number[];
  /** How many facts after `afterSeq` were left out (those with the lowest seqs); 0 when none. */
  factSeqsLeftOut: number;
}

/**
 * The facts with seq > afterSeq, cut to the newest MAX_DRAFT_FACT_SEQS by seq (seqs are local and need not ascend in fold
 * order for a team-synced incident, and the renderer compares seqs): every seq above the lowest one sent is then sent too,
 * so counts from any basis at or above it are exact.
 */
export function draftFactSeqs(all: ArrayLike<number>, afterSeq: number, max = MAX_DRAFT_FACT_SEQS): DraftFactSeqs {
  const after = (all instanceof Int32Array ? all : Int32Array.from(all)).filter((s) => s > afterSeq);
  if (after.length <= max) return { factSeqs: Array.from(after), factSeqsLeftOut: 0 };
  return { factSeqs: Array.from(after.sort().subarray(after.length - max)), factSeqsLeftOut: after.length - max };
}
