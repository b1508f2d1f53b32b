// Stakeholder-update use cases: templates, drafts rendered from the event log, cadence, reminders and publishing.
import { randomBytes } from 'node:crypto';
import { UPDATE_TEXT_MAX, type Audience, type IncidentEvent, type NewEvent } from '../../../shared/events';
import type { ChannelStatus, DeliveryOutcome, DeliveryState, ParsedPublishInput, RenderedUpdate, UpdateDraft } from '../../../shared/ipc/updates';
import type { CadenceStatusOutput, CadencePolicyInfo } from '../../../shared/ipc/updates';
import { cadenceStatus, type CadencePolicy } from '../../../shared/updates/cadence';
import { markdownToPlainText } from '../../../shared/updates/plain-text';
import { problemDetails, renderTemplate } from '../../../shared/updates/template';
import { buildUpdateContext, updateVariables } from '../../../shared/updates/update-context';
import { diffUpdates } from '../../../shared/updates/update-diff';
import type { PublishedUpdate } from '../../../shared/updates/update-history';
import type { OutboxItem } from '../../../shared/outbox/outbox-state';
import { outboxProjection, updatesProjection } from '../../../shared/projections/domain-projections';
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
  now?: () => Date;
}

export class UpdateService {
  private readonly now: () => Date;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private events(incidentId: string): readonly IncidentEvent[] {
    const stored = this.deps.store.get(incidentId);
    const events = stored.log?.events ?? [];
    if (events[0]?.type !== 'incident.declared') throw new DomainError('conflict', `Incident ${incidentId} has no readable declaration; see its problems.`);
    return events;
  }

  /** The commander's latest saved draft for the audience, from the cached incremental updates projection. */
  private latestDraft(incidentId: string, audience: Audience) {
    return this.deps.store.projection(incidentId, updatesProjection).drafts.get(audience);
  }

  private context(incidentId: string, events: readonly IncidentEvent[], audience: Audience, policy: CadencePolicy, at: Date) {
    const context = buildUpdateContext(incidentId, events, audience, policy, at);
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
      ...externalChannels.map((c) => this.deps.delivery.status(c, incidentId)),
    ];
  }

  async draft(incidentId: string, audience: Audience): Promise<UpdateDraft> {
    const events = this.events(incidentId);
    const { policy } = await this.deps.policy.load();
    const at = this.now();
    const context = this.context(incidentId, events, audience, policy, at);
    const template = await this.deps.templates.get(audience);
    const saved = this.latestDraft(incidentId, audience);
    const cadence = cadenceStatus(events, policy, at)!.audiences.find((a) => a.audience === audience)!;
    const previous = context.previous;
    return {
      incidentId,
      audience,
      label: audienceLabels[audience],
      source: saved?.source ?? template.source,
      origin: saved ? 'draft' : 'template',
      ...(saved ? { draftSavedAt: saved.ts } : {}),
      templateSource: template.source,
      variables: context.values,
      catalogue: [...updateVariables],
      at: at.toISOString(),
      ...(previous
        ? { previous: { seq: previous.seq, ts: previous.ts, actor: previous.actor, channel: previous.channel, text: previous.text, deliveries: deliveryStates(this.deps.store.projection(incidentId, outboxProjection), previous) } }
        : {}),
      cadence,
      channels: this.channels(incidentId),
    };
  }

  async render(incidentId: string, audience: Audience, source: string, at: Date = this.now()): Promise<RenderedUpdate> {
    const events = this.events(incidentId);
    const { policy } = await this.deps.policy.load();
    const context = this.context(incidentId, events, audience, policy, at);
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

  async saveDraft(incidentId: string, audience: Audience, source: string): Promise<IncidentEvent> {
    this.events(incidentId); // refuses an incident without a readable declaration
    if (this.latestDraft(incidentId, audience)?.source === source) throw new DomainError('conflict', `The ${audience} draft has not changed since it was last saved.`);
    const [event] = await this.deps.store.append(incidentId, [{ type: 'update.draft_saved', actor: this.deps.operator(), ts: this.now().toISOString(), payload: { audience, source } }]);
    return event!;
  }

  async cadence(incidentId: string): Promise<CadenceStatusOutput> {
    const events = this.events(incidentId);
    const info = await this.deps.policy.load();
    const status = cadenceStatus(events, info.policy, this.now())!;
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
    this.events(incidentId); // refuses an incident without a readable declaration
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
    const external = channels.filter((c): c is ExternalChannel => c !== 'clipboard');
    const statuses = new Map(external.map((c) => [c, this.deps.delivery.status(c, incidentId)]));
    const batch: NewEvent[] = [];
    if (this.latestDraft(incidentId, audience)?.source !== source) batch.push({ type: 'update.draft_saved', actor, ts, payload: { audience, source } });
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
