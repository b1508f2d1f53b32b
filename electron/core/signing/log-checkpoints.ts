// Signed checkpoints of each incident log: every N events, at close and at export, the chain head and the event count are
// signed into <incident>/events.jsonl.checkpoint. The hash chain alone cannot show a log whose tail was cut off (what is left
// still chains); a signed count can. On start, a log shorter than its checkpoint, or no longer holding the signed head, is
// reported on the incident. Kept beside the store (an append listener and a sidecar file), not inside the log's write path.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../base/durable-file';
import { canonicalJson } from '../store/hash-chain';
import type { IncidentStore, StoredIncident } from '../store/incident-store';
import { verifyText } from './ed25519';
import type { SigningIdentity } from './signing-identity';
import type { TrustedKeys } from './trusted-keys';

export const CHECKPOINT_EVERY = 100;

const Checkpoint = z.object({
  format: z.literal('firebreak-log-checkpoint'),
  incidentId: z.string(),
  eventCount: z.number().int().positive(),
  lastSeq: z.number().int().positive(),
  head: z.string(),
  signedAt: z.string(),
  signer: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
type Checkpoint = z.infer<typeof Checkpoint>;

const checkpointFile = (incident: StoredIncident): string | undefined => (incident.log ? `${incident.log.file}.checkpoint` : undefined);
const signingText = (c: Omit<Checkpoint, 'signature'>): string => canonicalJson(c);

export class LogCheckpoints {
  /** The event count of the last checkpoint written (or found valid) per incident. */
  private readonly signedCount = new Map<string, number>();
  private readonly writing = new Map<string, Promise<void>>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: IncidentStore,
    private readonly identity: SigningIdentity,
    private readonly trust: TrustedKeys,
    private readonly reportError: (error: unknown) => void,
    private readonly every = CHECKPOINT_EVERY,
  ) {
    this.unsubscribe = store.onAppend((incidentId) => {
      const count = store.get(incidentId).log?.eventCount ?? 0;
      if (count - (this.signedCount.get(incidentId) ?? 0) >= this.every) void this.checkpoint(incidentId).catch(reportError);
    });
  }

  /** Signs the incident's current chain head and event count (no-op when nothing changed since the last checkpoint). */
  checkpoint(incidentId: string): Promise<void> {
    const previous = this.writing.get(incidentId) ?? Promise.resolve();
    const next = previous.then(() => this.write(incidentId));
    this.writing.set(incidentId, next.catch(() => undefined));
    return next;
  }

  private async write(incidentId: string): Promise<void> {
    const incident = this.store.get(incidentId);
    const count = incident.log?.eventCount ?? 0;
    const last = incident.log?.lastEvent;
    const file = checkpointFile(incident);
    // Never sign over a log with problems: the checkpoint would vouch for a state that is already in question.
    if (!file || !last?.h || incident.problems.some((p) => p.kind !== 'torn_tail') || this.signedCount.get(incidentId) === count) return;
    const body = { format: 'firebreak-log-checkpoint' as const, incidentId, eventCount: count, lastSeq: last.seq, head: last.h, signedAt: new Date().toISOString() };
    const signed = await this.identity.sign((who) => signingText({ ...body, signer: who.signer, publicKey: who.publicKey }));
    const checkpoint: Checkpoint = { ...body, signer: signed.signer, publicKey: signed.publicKey, signature: signed.signature };
    await writeFileDurably(file, `${JSON.stringify(checkpoint)}\n`);
    this.signedCount.set(incidentId, count);
  }

  /** Checks every incident against its checkpoint; a failure becomes a chain_broken problem on the incident. */
  async verifyAll(onBroken: (incidentId: string) => void = () => undefined): Promise<void> {
    for (const incident of this.store.list()) await this.verifyIncident(incident.id, onBroken);
  }

  /** Checks one incident against its checkpoint; one whose log is not opened yet is checked when it opens (IncidentStore.onOpened). */
  async verifyIncident(incidentId: string, onBroken: (incidentId: string) => void = () => undefined): Promise<void> {
    const incident = this.store.get(incidentId);
    if (!incident.log) return;
    const problem = await this.verify(incident).catch((e: unknown) => `the checkpoint could not be checked (${e instanceof Error ? e.message : String(e)})`);
    if (!problem) return;
    incident.problems.push({ kind: 'chain_broken', file: checkpointFile(incident) ?? incident.id, line: 0, message: `Integrity check failed: ${problem}` });
    onBroken(incident.id);
  }

  /** What is wrong with the log against its checkpoint, or undefined when it matches (or has none yet). */
  private async verify(incident: StoredIncident): Promise<string | undefined> {
    const file = checkpointFile(incident);
    if (!file) return undefined;
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    const parsed = Checkpoint.safeParse(JSON.parse(raw));
    if (!parsed.success) return `the signed checkpoint ${file} is damaged, so removed events could go unnoticed.`;
    const c = parsed.data;
    const { signature, ...body } = c;
    if (c.incidentId !== incident.id || !verifyText(c.publicKey, signingText(body), signature)) {
      return `the signed checkpoint beside the log does not verify: it was altered or copied from another incident.`;
    }
    const trust = await this.trust.trustOf(c.publicKey, c.signer);
    if (trust.status === 'unknown') return `the log's checkpoint is signed by a key this installation does not know ("${c.signer}", key ${trust.fingerprint}); it may have been re-signed after an edit.`;
    const count = incident.log?.eventCount ?? 0;
    if (count < c.eventCount) {
      return `a signed checkpoint from ${c.signedAt} covers ${c.eventCount} events, but the log holds only ${count}: events were removed from its end.`;
    }
    if (incident.log?.eventAtIndex(c.eventCount - 1)?.h !== c.head) return `the log no longer holds the events a signed checkpoint from ${c.signedAt} covers (up to #${c.lastSeq}): they were changed or replaced.`;
    this.signedCount.set(incident.id, c.eventCount === count ? c.eventCount : -1);
    return undefined;
  }

  /** Signs every changed log; call before the store closes. */
  async close(): Promise<void> {
    this.unsubscribe();
    for (const incident of this.store.list()) {
      await this.checkpoint(incident.id).catch(this.reportError);
    }
  }
}
