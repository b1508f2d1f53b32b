// The port through which published updates reach Jira and PagerDuty; without an outbox wired in, nothing is ever claimed as sent.
import type { Audience, UpdateChannel } from '../../../shared/events';
import type { ChannelStatus } from '../../../shared/ipc/updates';

export type ExternalChannel = Exclude<UpdateChannel, 'clipboard'>;
export const externalChannels: readonly ExternalChannel[] = ['jira', 'pagerduty', 'statuspage'];

export interface UpdateDeliveryRequest {
  incidentId: string;
  publicationId: string;
  audience: Audience;
  channel: ExternalChannel;
  /** Markdown; the connector converts it (ADF for Jira, plain/HTML for PagerDuty). */
  text: string;
}

export interface UpdateDelivery {
  /**
   * Whether the channel has a configured connector behind a durable outbox, and (with an incident) whether that incident
   * is linked to something to post on (a Jira issue, a PagerDuty incident).
   */
  status(channel: ExternalChannel, incidentId?: string): ChannelStatus;
  /** Puts the delivery in the durable outbox and returns its id; only called when status() says configured. */
  enqueue(request: UpdateDeliveryRequest): Promise<{ outboxId: string }>;
}

const names: Record<ExternalChannel, string> = { jira: 'Jira', pagerduty: 'PagerDuty', statuspage: 'The status page' };

/** For cores without an outbox (and tests): every external delivery is kept as an intent and reported as not configured. */
export const unconfiguredDelivery: UpdateDelivery = {
  status: (channel) => ({
    channel,
    configured: false,
    detail: `${names[channel]} is not configured: the update is recorded as queued for ${names[channel]}, but nothing is sent until a ${names[channel]} connector and the outbox are set up.`,
  }),
  enqueue: (request) => Promise.reject(new Error(`${names[request.channel]} is not configured.`)),
};
