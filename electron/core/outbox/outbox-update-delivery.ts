// Delivers published stakeholder updates through the outbox: a Jira comment on the incident ticket (ADF from the Markdown
// pipeline, converted by the Jira client), a PagerDuty status update (the pipeline's plain text: PagerDuty shows no Markdown).
import { linksProjection } from '../../../shared/projections/domain-projections';
import { markdownToPlainText } from '../../../shared/markdown';
import type { ChannelStatus } from '../../../shared/ipc/updates';
import { DomainError } from '../../../shared/result';
import type { IncidentStore } from '../store/incident-store';
import type { ExternalChannel, UpdateDelivery, UpdateDeliveryRequest } from '../updates/update-delivery';
import type { OutboxService } from './outbox-service';

export class OutboxUpdateDelivery implements UpdateDelivery {
  constructor(
    private readonly store: IncidentStore,
    private readonly outbox: OutboxService,
    /** Kept current by the connectors core, because status() must answer synchronously. */
    private readonly configured: () => { jira: boolean; pagerduty: boolean },
    /** The public status page, when the core has one. */
    private readonly statusPage?: { configured(): boolean; queuePublish(incidentId: string, reason: string, origin: string): Promise<string> },
  ) {}

  private target(channel: 'jira' | 'pagerduty', incidentId: string): { ok: true; id: string } | { ok: false; why: string } {
    const links = this.store.projection(incidentId, linksProjection);
    if (channel === 'jira') {
      const ticket = links.jiraIssues.find((i) => !i.actionItem);
      return ticket ? { ok: true, id: ticket.issueKey } : { ok: false, why: 'No Jira issue is linked to this incident; link or create the incident ticket first.' };
    }
    return links.pagerDuty ? { ok: true, id: links.pagerDuty.pdIncidentId } : { ok: false, why: 'No PagerDuty incident is linked; import or link one first.' };
  }

  status(channel: ExternalChannel, incidentId?: string): ChannelStatus {
    if (channel === 'statuspage') {
      return this.statusPage?.configured()
        ? { channel, configured: true, detail: 'Regenerates the public status page through the outbox.' }
        : { channel, configured: false, detail: 'The status page is not set up (Settings → Status page).' };
    }
    const name = channel === 'jira' ? 'Jira' : 'PagerDuty';
    if (!this.configured()[channel]) return { channel, configured: false, detail: `${name} is not configured (Settings → Connectors).` };
    if (!incidentId) return { channel, configured: true, detail: `Sent through the outbox to ${name}.` };
    const target = this.target(channel, incidentId);
    if (!target.ok) return { channel, configured: false, detail: target.why };
    return { channel, configured: true, detail: channel === 'jira' ? `Posted as a comment on ${target.id} through the outbox.` : `Posted as a status update on PagerDuty ${target.id} through the outbox.` };
  }

  async enqueue(request: UpdateDeliveryRequest): Promise<{ outboxId: string }> {
    if (request.channel === 'statuspage') {
      if (!this.statusPage) throw new DomainError('conflict', 'The status page is not set up (Settings → Status page).');
      return { outboxId: await this.statusPage.queuePublish(request.incidentId, `customers update ${request.publicationId}`, `update:${request.publicationId}`) };
    }
    const target = this.target(request.channel, request.incidentId);
    if (!target.ok) throw new DomainError('conflict', target.why);
    const origin = `update:${request.publicationId}`;
    const item =
      request.channel === 'jira'
        ? await this.outbox.queue(request.incidentId, { kind: 'jira.comment', issueKey: target.id, markdown: request.text }, origin)
        : await this.outbox.queue(request.incidentId, { kind: 'pagerduty.status_update', pdIncidentId: target.id, message: markdownToPlainText(request.text).slice(0, 10000) }, origin);
    return { outboxId: item.intentKey };
  }
}
