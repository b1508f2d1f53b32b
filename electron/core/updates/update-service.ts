// Stakeholder-update use cases: templates, drafts rendered from the event log, cadence, reminders and publishing.
import { randomBytes } from 'node:crypto';
import { eventIdOf, UPDATE_TEXT_MAX, type Audience, type IncidentEvent, type NewEvent } from '../../../shared/events';
import type { AudiencePublishResult, ChannelStatus, DeliveryOutcome, DeliveryState, ParsedPublishInput, ParsedPublishManyInput, RenderedUpdate, UpdateDraft, UpdateFacts } from '../../../shared/ipc/updates';
import type { CadenceStatusOutput, CadencePolicyInfo } from '../../../shared/ipc/updates';
import { cadenceOf, describeRule, type CadencePolicy, type CadenceRule } from '../../../shared/updates/cadence';
import { policyFrom, updateFactsProjection, type UpdateFactsFold } from './update-facts-projection';
import { markdownToPlainText } from '../../../shared/markdown';
import { problemDetails, renderTemplate } from '../../../shared/updates/template';
import { updateVariables } from '../../../shared/updates/update-context';
import { draftFactSeqs } from '../../../shared/updates/draft-fact-seqs';
import { diffUpdates } from '../../../shared/updates/update-diff';
import type { PublishedUpdate } from '../../../shared/updates/update-history';
import { contextFromFolds, updateContextProjection } from '../../../shared/updates/update-context-projection';
import type { OutboxItem } from '../../../shared/outbox/outbox-state';
import { incidentProjection, outboxProjection, updatesProjection } from '../../../shared/projections/domain-projections';
import { DomainError } from '../../../shared/result';
import type { IncidentStore } from '../store/incident-store';
import type { CadencePolicyFile } from './cadence-policy-file';
import { audienceLabels, type UpdateTemplateFiles } from './template-files';
import { externalChannels, type ExternalChannel, type UpdateDelivery } from './update-delivery';

/** How far a preview's render time may lie from the core's clock and still be published without rendering again. */
const MAX_PREVIEW_AGE_MS = 15 * 60_000;
const MAX_CLOCK_SKEW_MS = 60_000;

/** Joins a publication's queued deliveries with the outbox entries carrying them, so the commander sees what really went out. */
function deliveryStates(items: readonly OutboxItem[], update: PublishedUpdate): DeliveryState[] {
  const outbox = new Map(items.map((item) => [item.intentKey, item]));
  return update.deliveries.map((d) => {
    const item = d.outboxId ? outbox.get(d.outboxId) : undefined;
    if (!item) return { channel: d.channel, state: 'not_sent', detail: d.detail };
    const detail = item.status === 'failed' || (item.status === 'pending' && item.lastError) ? `${item.description} — ${item.lastError ?? 'failed'}` : item.description;
    return { channel: d.channel, state: item.status, detail };
  });
}

export interface UpdateServiceDeps {
  store: IncidentStore;
  templates: UpdateTemplateFiles;
  policy: CadencePolicyFile;
  delivery: UpdateDelivery;
  operator: () => string;
  /** This installation's device id, to name a draft's basis by global id (event-refs.ts); without it, by local seq. */
  deviceId?: () => string;
  now?: () => Date;
}

export class UpdateService {
  private readonly now: () => Date;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.deps.store.foldTogether(updateFactsProjection);
    this.deps.store.foldTogether(updateContextProjection);
    this.now = deps.now ?? (() => new Date());
  }

  /** Cadence, recorded policy, impact and next step: an incremental projection, not a scan of the log per request. */
  private facts_(incidentId: string): UpdateFactsFold {
    const log = this.deps.store.get(incidentId).log;
    if (log?.firstEvent?.type !== 'incident.declared') throw new DomainError('conflict', `Incident ${incidentId} has no readable declaration; see its problems.`);
    return this.deps.store.projection(incidentId, updateFactsProjection);
  }

  /** The commander's latest saved draft for the audience, from the cached incremental updates projection. */
  private latestDraft(incidentId: string, audience: Audience) {
    return this.deps.store.projection(incidentId, updatesProjection).drafts.get(audience);
  }

  /** The update context from incremental projections (never a read of the whole log); equal to buildUpdateContext over the log. */
  private context(incidentId: string, audience: Audience, policy: CadencePolicy, at: Date) {
    const facts = this.facts_(incidentId);
    const { store } = this.deps;
    const log = store.get(incidentId).log;
    const folded = {
      state: store.projection(incidentId, incidentProjection),
      context: store.projection(incidentId, updateContextProjection),
      updates: store.projection(incidentId, updatesProjection),
      cadence: facts.cadence,
      recordedPolicy: facts.recorded?.policy,
      impact: facts.impact,
      nextStep: facts.nextStep,
    };
    // Engineers see pinned entries of any kind; the few the projection does not keep are read by seq from the log's offset index.
    const context = contextFromFolds(folded, audience, policy, at, (seq) => log?.eventAt(seq));
    if (!context) throw new DomainError('conflict', `Incident ${incidentId} has no readable declaration; see its problems.`);
    return context;
  }

  templates() {
    return this.deps.templates.list();
  }

  saveTemplate(audience: Audience, source: string) {
    return this.deps.templates.save(audience, source);
  }

  resetTemplate(audience: Audience) {
    return this.deps.templates.reset(audience);
  }

  policy(): Promise<CadencePolicyInfo> {
    return this.deps.policy.load();
  }

  savePolicy(policy: CadencePolicy): Promise<CadencePolicyInfo> {
    return this.deps.policy.save(policy);
  }

  channels(incidentId?: string): ChannelStatus[] {
    return [
      { channel: 'clipboard', configured: true, detail: 'Copies the update as Markdown or plain text.' },
      { channel: 'markdown_file', configured: true, detail: 'Saves each audience’s update as a Markdown file on this computer.' },
      ...externalChannels.map((c) => this.deps.delivery.status(c, incidentId)),
    ];
  }

  async draft(incidentId: string, audience: Audience): Promise<UpdateDraft> {
    const { policy } = await this.deps.policy.load();
    const at = this.now();
    const context = this.context(incidentId, audience, policy, at);
    const template = await this.deps.templates.get(audience);
    const saved = this.latestDraft(incidentId, audience);
    const cadence = cadenceOf(this.facts_(incidentId).cadence, policy, at)!.audiences.find((a) => a.audience === audience)!;
    const previous = context.previous;
    const generated = renderTemplate(template.source, context.values);
    // A saved draft made before a publication to this audience is spent: the next draft starts from the facts again.
    const current = saved && (!previous || saved.seq > previous.seq) ? saved : undefined;
    const generatedText = generated.ok ? generated.text : undefined;
    // The renderer counts facts after a draft's basis: a live draft's (kept, even if it predates the previous update) or later.
    const factsAfter = Math.min(previous?.seq ?? 0, current?.basedOnSeq ?? Infinity);
    return {
      incidentId,
      audience,
      label: audienceLabels[audience],
      source: current?.source ?? generatedText ?? template.source,
      origin: current ? 'draft' : 'generated',
      ...(current ? { draftSavedAt: current.ts } : {}),
      ...(current?.base !== undefined ? { base: current.base } : {}),
      ...(current?.basedOnSeq !== undefined ? { basedOnSeq: current.basedOnSeq } : {}),
      ...(generatedText !== undefined ? { generated: generatedText } : {}),
      templateProblems: generated.ok ? [] : generated.problems,
      lastSeq: this.deps.store.get(incidentId).log!.lastSeq,
      ...draftFactSeqs(context.factSeqs, factsAfter),
      templateSource: template.source,
      variables: context.values,
      catalogue: [...updateVariables],
      at: at.toISOString(),
      ...(previous
        ? { previous: { seq: previous.seq, ts: previous.ts, actor: previous.actor, channel: previous.channel, text: previous.text, deliveries: deliveryStates(this.deps.store.projection(incidentId, outboxProjection), previous) } }
        : {}),
      cadence,
      channels: this.channels(incidentId).filter((c) => c.channel !== 'statuspage' || audience === 'customers'),
    };
  }

  async render(incidentId: string, audience: Audience, source: string, at: Date = this.now()): Promise<RenderedUpdate> {
    const { policy } = await this.deps.policy.load();
    const context = this.context(incidentId, audience, policy, at);
    const result = renderTemplate(source, context.values);
    if (!result.ok) return { problems: result.problems, renderedAt: at.toISOString() };
    return {
      text: result.text,
      plainText: markdownToPlainText(result.text),
      problems: [],
      renderedAt: at.toISOString(),
      diff: diffUpdates(context.previous?.text, result.text),
    };
  }

  async saveDraft(incidentId: string, audience: Audience, source: string, basis: { basedOnSeq?: number; base?: string } = {}): Promise<IncidentEvent> {
    this.facts_(incidentId);
    if (this.latestDraft(incidentId, audience)?.source === source) throw new DomainError('conflict', `The ${audience} draft has not changed since it was last saved.`);
    const payload = { audience, source, ...this.basisOf(incidentId, basis.basedOnSeq), ...(basis.base !== undefined ? { base: basis.base } : {}) };
    const [event] = await this.deps.store.append(incidentId, [{ type: 'update.draft_saved', actor: this.deps.operator(), ts: this.now().toISOString(), payload }]);
    return event!;
  }

  /** The event a draft is based on (a local seq from the renderer), named by its global id so other laptops find it too. */
  private basisOf(incidentId: string, basedOnSeq: number | undefined): { basedOnId?: string; basedOnSeq?: number } {
    if (basedOnSeq === undefined) return {};
    const deviceId = this.deps.deviceId?.();
    // One event by seq from the log's offset index (not a read of the whole log).
    const event = deviceId === undefined ? undefined : this.deps.store.get(incidentId).log?.eventAt(basedOnSeq);
    return event && deviceId !== undefined ? { basedOnId: eventIdOf(event, deviceId) } : { basedOnSeq };
  }

  async facts(incidentId: string): Promise<UpdateFacts> {
    const fold = this.facts_(incidentId);
    const { policy } = await this.deps.policy.load();
    const inForce = policyFrom(fold, policy);
    const state = this.deps.store.projection(incidentId, incidentProjection)!;
    const rule = inForce.policy[state.severity];
    const { impact, nextStep } = fold;
    return {
      ...(impact ? { impact } : {}),
      ...(nextStep ? { nextStep } : {}),
      publishedAny: this.deps.store.projection(incidentId, updatesProjection).published.length > 0,
      severity: state.severity,
      rule,
      ruleText: describeRule(rule),
      policyOrigin: inForce.origin ?? 'unrecorded',
    };
  }

  async setImpact(incidentId: string, impact: { who: string; howBadly: string; since: string }): Promise<IncidentEvent> {
    const fold = this.facts_(incidentId);
    const current = fold.impact;
    if (current && current.who === impact.who && current.howBadly === impact.howBadly && current.since === impact.since) {
      throw new DomainError('conflict', 'The impact is already stated exactly like this.');
    }
    const ts = this.now().toISOString();
    const actor = this.deps.operator();
    // Stating the impact starts stakeholder communication: the cadence in force is recorded then, if it is not yet.
    const { policy } = await this.deps.policy.load();
    const record: NewEvent[] = policyFrom(fold, policy).from === 'fallback' ? [{ type: 'update.cadence_set', actor, ts, payload: { policy, origin: 'settings' } }] : [];
    const stored = await this.deps.store.append(incidentId, [...record, { type: 'update.impact_set', actor, ts, payload: impact }]);
    return stored.at(-1)!;
  }

  async setNextStep(incidentId: string, text: string): Promise<IncidentEvent> {
    if (this.facts_(incidentId).nextStep?.text === text) throw new DomainError('conflict', 'The next step is already stated exactly like this.');
    const [event] = await this.deps.store.append(incidentId, [{ type: 'update.next_step_set', actor: this.deps.operator(), ts: this.now().toISOString(), payload: { text } }]);
    return event!;
  }

  /** Changes the cadence of this incident's current severity; the whole policy in force is recorded so playback can replay it. */
  async setCadence(incidentId: string, rule: CadenceRule | null, reason?: string): Promise<UpdateFacts> {
    const fold = this.facts_(incidentId);
    const { policy } = await this.deps.policy.load();
    const inForce = policyFrom(fold, policy).policy;
    const severity = this.deps.store.projection(incidentId, incidentProjection)!.severity;
    if (JSON.stringify(inForce[severity]) === JSON.stringify(rule)) throw new DomainError('conflict', `The ${severity} cadence of this incident is already ${describeRule(rule)}.`);
    const next: CadencePolicy = { ...inForce, [severity]: rule };
    await this.deps.store.append(incidentId, [
      { type: 'update.cadence_set', actor: this.deps.operator(), ts: this.now().toISOString(), payload: { policy: next, origin: 'commander', ...(reason ? { reason } : {}) } },
    ]);
    return this.facts(incidentId);
  }

  /** Publishes several audiences' drafts to the same channels; one audience's refusal never blocks the others. */
  async publishMany(input: ParsedPublishManyInput): Promise<{ results: AudiencePublishResult[] }> {
    const results: AudiencePublishResult[] = [];
    for (const item of input.items) {
      try {
        // The public status page carries customer updates only: for every other audience that channel is left out.
        const channels = input.channels.filter((c) => c !== 'statuspage' || item.audience === 'customers');
        if (channels.length === 0) throw new DomainError('validation', `Only updates to customers can go to the public status page; choose another channel for ${item.audience}.`);
        const published = await this.publish({ incidentId: input.incidentId, channels, format: input.format, ...item });
        results.push({ audience: item.audience, published });
      } catch (e) {
        const error = e instanceof DomainError ? { code: e.code, message: e.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
        results.push({ audience: item.audience, error });
      }
    }
    return { results };
  }

  async cadence(incidentId: string): Promise<CadenceStatusOutput> {
    const fold = this.facts_(incidentId);
    const info = await this.deps.policy.load();
    const status = cadenceOf(fold.cadence, info.policy, this.now())!;
    return info.problem ? { ...status, policyProblem: info.problem } : status;
  }

  async acknowledgeReminder(incidentId: string, audience: Audience, dueAt: string): Promise<CadenceStatusOutput> {
    const current = (await this.cadence(incidentId)).audiences.find((a) => a.audience === audience)!;
    const wanted = new Date(dueAt).toISOString();
    if (current.dueAt !== wanted) {
      throw new DomainError('conflict', `No update to ${audience} is due at ${wanted}${current.dueAt ? `; the next one is due at ${current.dueAt}` : ''}.`);
    }
    if (!current.acknowledged) {
      await this.deps.store.append(incidentId, [{ type: 'update.reminder_acknowledged', actor: this.deps.operator(), ts: this.now().toISOString(), payload: { audience, dueAt: wanted } }]);
    }
    return this.cadence(incidentId);
  }

  /**
   * Records the update on the timeline (with the draft, if it changed) and hands external channels to the outbox.
   * The text is re-rendered at the preview's instant and must match what the commander saw, so the log holds exactly what went out.
   */
  async publish(input: ParsedPublishInput): Promise<{ event: IncidentEvent; deliveries: DeliveryOutcome[] }> {
    const { incidentId, audience, source, channels } = input;
    // The public status page carries customer updates only; nothing written for another audience may reach it.
    if (channels.includes('statuspage') && audience !== 'customers') {
      throw new DomainError('validation', `Only updates to customers can go to the public status page; this one is for ${audience}.`);
    }
    this.facts_(incidentId);
    const renderedAt = new Date(input.renderedAt);
    const age = this.now().getTime() - renderedAt.getTime();
    if (age > MAX_PREVIEW_AGE_MS || age < -MAX_CLOCK_SKEW_MS) {
      throw new DomainError('conflict', 'The preview is out of date; check the refreshed preview and publish again.');
    }
    const rendered = await this.render(incidentId, audience, source, renderedAt);
    if (rendered.text === undefined) {
      const details = problemDetails(rendered.problems);
      throw new DomainError('validation', `The ${audience} update was not published: ${details[0]}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`, details);
    }
    if (rendered.text.length > UPDATE_TEXT_MAX) {
      throw new DomainError('validation', `The update is ${rendered.text.length} characters long; at most ${UPDATE_TEXT_MAX} can be published. Shorten the draft.`);
    }
    if (rendered.text !== input.expectedText) {
      throw new DomainError('conflict', 'The incident changed while you were publishing, so the update text changed too. Check the new preview and publish again.');
    }
    const actor = this.deps.operator();
    const ts = this.now().toISOString();
    const publicationId = `pub-${renderedAt.getTime().toString(36)}-${randomBytes(3).toString('hex')}`;
    const external = channels.filter((c): c is ExternalChannel => (externalChannels as readonly string[]).includes(c));
    const statuses = new Map(external.map((c) => [c, this.deps.delivery.status(c, incidentId)]));
    const batch: NewEvent[] = [];
    // The first publication records the cadence in force, so playback and review show countdowns as they were.
    const { policy } = await this.deps.policy.load();
    if (policyFrom(this.facts_(incidentId), policy).from === 'fallback') batch.push({ type: 'update.cadence_set', actor, ts, payload: { policy, origin: 'settings' } });
    // A draft written in template language is kept with the text it gave; prose is the published text itself, so nothing to add.
    if (source !== rendered.text && this.latestDraft(incidentId, audience)?.source !== source) batch.push({ type: 'update.draft_saved', actor, ts, payload: { audience, source } });
    batch.push({
      type: 'update.published',
      actor,
      ts,
      payload: { audience, channel: channels.join(', '), channels, text: rendered.text, format: input.format, publicationId },
    });
    for (const channel of external) {
      const status = statuses.get(channel)!;
      if (!status.configured) {
        batch.push({ type: 'update.delivery_queued', actor, ts, payload: { publicationId, audience, channel, connectorConfigured: false, detail: status.detail } });
      }
    }
    const stored = await this.deps.store.append(incidentId, batch);
    const event = stored.find((e) => e.type === 'update.published')!;

    const deliveries: DeliveryOutcome[] = [];
    if (channels.includes('clipboard')) {
      deliveries.push({ channel: 'clipboard', state: 'copied', detail: `Copied to the clipboard as ${input.format === 'plain' ? 'plain text' : 'Markdown'}.` });
    }
    if (channels.includes('markdown_file')) deliveries.push({ channel: 'markdown_file', state: 'downloaded', detail: 'Saved as a Markdown file.' });
    for (const channel of external) {
      const status = statuses.get(channel)!;
      if (!status.configured) {
        deliveries.push({ channel, state: 'not_configured', detail: status.detail });
        continue;
      }
      deliveries.push(await this.enqueue(incidentId, publicationId, audience, channel, rendered.text, actor));
    }
    return { event, deliveries };
  }

  private async enqueue(incidentId: string, publicationId: string, audience: Audience, channel: ExternalChannel, text: string, actor: string): Promise<DeliveryOutcome> {
    try {
      const { outboxId } = await this.deps.delivery.enqueue({ incidentId, publicationId, audience, channel, text });
      const detail = `Queued in the outbox for ${channel}; it is sent when the connection allows.`;
      await this.deps.store.append(incidentId, [{ type: 'update.delivery_queued', actor, ts: this.now().toISOString(), payload: { publicationId, audience, channel, connectorConfigured: true, outboxId, detail } }]);
      return { channel, state: 'queued', detail, outboxId };
    } catch (e) {
      return { channel, state: 'failed', detail: `Could not queue the update for ${channel}: ${e instanceof Error ? e.message : String(e)}. Publish to ${channel} again to retry.` };
    }
  }
}
