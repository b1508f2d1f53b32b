// The port through which published updates reach Jira and PagerDuty; without an outbox wired in, nothing is ever claimed as sent.
import { localChannels, updateChannels, type Audience, type LocalChannel, type UpdateChannel } from '../../../shared/events';
import type { ChannelStatus } from '../../../shared/ipc/updates';

/** Every channel that goes through the outbox; a new channel name in shared/events becomes one automatically. */
export type ExternalChannel = Exclude<UpdateChannel, LocalChannel>;
export const externalChannels: readonly ExternalChannel[] = updateChannels.filter((c): c is ExternalChannel => !(localChannels as readonly string[]).includes(c));

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

/**
 * Extension point for more outbox channels (the public status page): each channel is served by the delivery registered for
 * it, the rest by `fallback`. Adding 'status_page' = the name in shared/events `updateChannels` + `{ status_page: adapter }` here.
 */
export function routeDeliveries(fallback: UpdateDelivery, byChannel: Partial<Record<ExternalChannel, UpdateDelivery>>): UpdateDelivery {
  const pick = (channel: ExternalChannel) => byChannel[channel] ?? fallback;
  return {
    status: (channel, incidentId) => pick(channel).status(channel, incidentId),
    enqueue: (request) => pick(request.channel).enqueue(request),
  };
}

/** For cores without an outbox (and tests): every external delivery is kept as an intent and reported as not configured. */
export const unconfiguredDelivery: UpdateDelivery = {
  status: (channel) => ({
    channel,
    configured: false,
    detail: `${names[channel]} is not configured: the update is recorded as queued for ${names[channel]}, but nothing is sent until a ${names[channel]} connector and the outbox are set up.`,
  }),
  enqueue: (request) => Promise.reject(new Error(`${names[request.channel]} is not configured.`)),
};
