// Events of stakeholder communication: drafts saved, updates published, deliveries queued and reminders acknowledged.
import { z } from 'zod';
import { eventOf } from './envelope';

export const audiences = ['executives', 'customers', 'support', 'engineers'] as const;
export const Audience = z.enum(audiences);
export type Audience = z.infer<typeof Audience>;

/** Where a published update went: copied by the commander, or handed to a connector (or the public status page) through the outbox. */
export const updateChannels = ['clipboard', 'jira', 'pagerduty', 'statuspage'] as const;
export const UpdateChannel = z.enum(updateChannels);
export type UpdateChannel = z.infer<typeof UpdateChannel>;

export const UpdateFormat = z.enum(['markdown', 'plain']);
export type UpdateFormat = z.infer<typeof UpdateFormat>;

export const UPDATE_TEXT_MAX = 20000;
export const TEMPLATE_SOURCE_MAX = 20000;

export const UpdatePublished = eventOf(
  'update.published',
  z.object({
    audience: Audience,
    /** Human-readable channel list ("clipboard", "clipboard, jira"); older logs and the demo carry only this. */
    channel: z.string().min(1),
    text: z.string().min(1).max(UPDATE_TEXT_MAX),
    /** Structured channel list; absent in logs written before drafts existed. */
    channels: z.array(UpdateChannel).min(1).optional(),
    /** How `text` is written; the clipboard copy may have been the plain-text rendering of it. */
    format: UpdateFormat.optional(),
    /** Ties queued deliveries to this publication. */
    publicationId: z.string().min(1).max(80).optional(),
  }),
);

/** A delivery to an external system that has not happened yet; never means "sent". */
export const UpdateDeliveryQueued = eventOf(
  'update.delivery_queued',
  z.object({
    publicationId: z.string().min(1).max(80),
    audience: Audience,
    channel: UpdateChannel.exclude(['clipboard']),
    /** False when nothing can deliver it (no connector configured, or nothing linked to post on): the intent is kept, nothing is sent. */
    connectorConfigured: z.boolean(),
    /** The outbox entry carrying the delivery, when there is an outbox to carry it. */
    outboxId: z.string().min(1).optional(),
    detail: z.string().max(2000),
  }),
);

/** The commander's working draft for one audience, in template language, saved so playback shows how it evolved. */
export const UpdateDraftSaved = eventOf(
  'update.draft_saved',
  z.object({ audience: Audience, source: z.string().max(TEMPLATE_SOURCE_MAX) }),
);

/** The commander saw the reminder for an update due at `dueAt` and dismissed it; the countdown stays visible. */
export const UpdateReminderAcknowledged = eventOf(
  'update.reminder_acknowledged',
  z.object({ audience: Audience, dueAt: z.iso.datetime() }),
);

export const updateEventSchemas = [UpdatePublished, UpdateDeliveryQueued, UpdateDraftSaved, UpdateReminderAcknowledged] as const;
