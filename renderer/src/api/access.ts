// What this window may do: a review bundle serves only read-only projections of its events, so every control that would call
// a channel it does not serve is hidden or disabled with the reason — decided here, once, from the transport itself.
import type { Channel } from '../../../shared/ipc';
import { getClient } from './client';

export interface Access {
  /** Whether the transport answers the channel. */
  serves(channel: Channel): boolean;
  /** Why a channel is not served, for a disabled control's title; undefined when everything is served. */
  readonly reason: string | undefined;
  /** Whether there is a live incident to go back to (false in a review bundle, which is a recording only). */
  readonly live: boolean;
}

export function channelAccess(): Access {
  const client = getClient();
  return { serves: (channel) => client.serves(channel), reason: client.readOnlyReason, live: client.transport !== 'bundle' };
}
