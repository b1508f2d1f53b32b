// Post-incident review use cases: draft from the log, save the edited text, export and import review bundles.
import type { IncidentEvent } from '../../../shared/events';
import type { OutputOf, ParsedInputOf } from '../../../shared/ipc';
import { generateReviewDraft } from '../../../shared/review/review-draft';
import { DomainError } from '../../../shared/result';
import type { IncidentStore } from '../store/incident-store';
import type { SigningIdentity } from '../signing/signing-identity';
import type { TrustedKeys } from '../signing/trusted-keys';
import { buildBundle, bundleFileName, bundleHtml } from './bundle-export';
import { importBundle, readBundle } from './bundle-import';
import { reviewInputs } from './review-inputs';
import { signBundle, verifyBundleSignature } from './bundle-signature';

export class ReviewService {
  constructor(
    private readonly store: IncidentStore,
    private readonly options: {
      operator: () => string;
      appVersion: string;
      rendererDir: string;
      onImported: (incidentId: string) => void;
      identity: SigningIdentity;
      trust: TrustedKeys;
      /** Signs the log's chain head too, so the exported state is a checkpoint of the log. */
      onExported?: (incidentId: string) => Promise<void>;
    },
  ) {}

  get(input: ParsedInputOf<'review.get'>): OutputOf<'review.get'> {
    const log = this.store.get(input.incidentId).log;
    if (!log) throw new DomainError('conflict', `Incident ${input.incidentId} has no readable log.`);
    // Only the events the draft reads (review.saved among them), streamed from the log: never the whole log at once.
    const { events, folds } = reviewInputs(input.incidentId, log);
    const saved = events.findLast((e) => e.type === 'review.saved');
    return {
      generated: generateReviewDraft(input.incidentId, events, folds),
      ...(saved && saved.type === 'review.saved' ? { saved: { markdown: saved.payload.markdown, savedAt: saved.ts, by: saved.actor } } : {}),
    };
  }

  async save(input: ParsedInputOf<'review.save'>): Promise<IncidentEvent> {
    if (!this.store.get(input.incidentId).log) throw new DomainError('conflict', `Incident ${input.incidentId} has no readable log.`);
    const [event] = await this.store.append(input.incidentId, [{ type: 'review.saved', actor: this.options.operator(), payload: { markdown: input.markdown } }]);
    return event!;
  }

  async exportBundle(input: ParsedInputOf<'review.exportBundle'>): Promise<OutputOf<'review.exportBundle'>> {
    const bundle = await signBundle(await buildBundle(this.store, input.incidentId, { exportedBy: this.options.operator(), appVersion: this.options.appVersion }), this.options.identity);
    await this.options.onExported?.(input.incidentId);
    const content = await bundleHtml(bundle, this.options.rendererDir);
    return { fileName: bundleFileName(input.incidentId), content, bytes: Buffer.byteLength(content) };
  }

  async inspectBundle(input: ParsedInputOf<'review.inspectBundle'>): Promise<OutputOf<'review.inspectBundle'>> {
    const { bundle } = readBundle(input.content);
    const signature = await verifyBundleSignature(bundle, this.options.trust);
    return { incidentId: bundle.incident.id, title: bundle.incident.title, exportedAt: bundle.exportedAt, eventCount: bundle.eventCount, signature };
  }

  async importBundle(input: ParsedInputOf<'review.importBundle'>): Promise<OutputOf<'review.importBundle'>> {
    const { signature } = await this.inspectBundle(input);
    const incidentId = await importBundle(this.store, input.content, input.asCopy);
    this.options.onImported(incidentId);
    return { incidentId, signature };
  }
}
