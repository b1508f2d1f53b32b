// Events of one shared incident held back unverified: their signer's device had no key registered with the team when they
// arrived (after a short wait). They are never appended to the log; they are kept, with their stream sequence and signature
// headers, in one small file per incident (written durably before the delivery is acknowledged, so nothing is lost across a
// restart), and checked again whenever a device key becomes known. A file rather than an unacknowledged message: leaving
// it unacknowledged would either stall the incident for everyone (an attacker's event blocking the team) or be lost when
// the consumer restarts after the last recorded event.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../base/durable-file';
import type { SignatureHeaders, SignedWire } from './event-signature';

export interface HeldEvent {
  streamSeq: number;
  wire: SignedWire;
  headers: SignatureHeaders;
}

/** More unverified events than this per incident are refused rather than kept (a flood from an unregistered device). */
export const MAX_HELD = 5000;

export class HeldEvents {
  private held: HeldEvent[] = [];
  private writing: Promise<void> = Promise.resolve();
  readonly file: string;

  constructor(dir: string, incidentId: string) {
    this.file = join(dir, `${incidentId}.json`);
  }

  async load(): Promise<void> {
    const text = await readFile(this.file, 'utf8').catch(() => '[]');
    try {
      const parsed = JSON.parse(text) as HeldEvent[];
      this.held = Array.isArray(parsed) ? parsed.filter((h) => Number.isInteger(h?.streamSeq) && typeof h.wire?.event?.id === 'string') : [];
    } catch {
      this.held = [];
    }
  }

  get events(): readonly HeldEvent[] {
    return this.held;
  }

  get size(): number {
    return this.held.length;
  }

  has(id: string): boolean {
    return this.held.some((h) => h.wire.event.id === id);
  }

  /** Keeps an event (durably) in stream order; false when the incident already holds MAX_HELD. */
  async add(event: HeldEvent): Promise<boolean> {
    if (this.has(event.wire.event.id)) return true;
    if (this.held.length >= MAX_HELD) return false;
    this.held = [...this.held, event].sort((a, b) => a.streamSeq - b.streamSeq);
    await this.save();
    return true;
  }

  async remove(ids: ReadonlySet<string>): Promise<void> {
    const left = this.held.filter((h) => !ids.has(h.wire.event.id));
    if (left.length === this.held.length) return;
    this.held = left;
    await this.save();
  }

  private save(): Promise<void> {
    const snapshot = JSON.stringify(this.held);
    const next = this.writing.then(() => writeFileDurably(this.file, snapshot));
    this.writing = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.writing;
  }
}
