// Events of stakeholder communication: drafts saved, updates published, deliveries queued and reminders acknowledged.
import { z } from 'zod';
import { EventId, eventOf } from './envelope';

export const audiences = ['executives', 'customers', 'support', 'engineers'] as const;
export const Audience = z.enum(audiences);
export type Audience = z.infer<typeof Audience>;

/**
 * Where a published update went: copied or saved by the commander, or handed to a connector (or the public status page)
 * through the outbox. Extension point: a new channel is one more name here plus an adapter in
 * electron/core/updates/update-delivery.ts (`routeDeliveries`); local channels (done by the renderer) are in `localChannels`.
 */
export const updateChannels = ['clipboard', 'markdown_file', 'jira', 'pagerduty', 'statuspage'] as const;
export const UpdateChannel = z.enum(updateChannels);
export type UpdateChannel = z.infer<typeof UpdateChannel>;
/** Channels the commander's own machine carries out (copy, download); every other channel goes through the outbox. */
export const localChannels = ['clipboard', 'markdown_file'] as const satisfies readonly UpdateChannel[];
export type LocalChannel = (typeof localChannels)[number];

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
    channel: UpdateChannel.exclude([...localChannels]),
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
  z.object({
    audience: Audience,
    source: z.string().max(TEMPLATE_SOURCE_MAX),
    /**
     * The last event the draft's facts were generated from (its global id, shared/events/event-refs.ts); later facts are
     * "new events since you started this draft". Logs written before global ids name it by local seq, `basedOnSeq`.
     */
    basedOnId: EventId.optional(),
    basedOnSeq: z.number().int().nonnegative().optional(),
    /** The generated text the commander started editing from: the base of the three-way merge of new facts. */
    base: z.string().max(TEMPLATE_SOURCE_MAX).optional(),
  }),
);

const Short = (max: number) => z.string().trim().min(1, 'Required').max(max);

/** Customer impact as the commander states it before the first update, and each time it changes: who, how badly, since when. */
export const UpdateImpactSet = eventOf(
  'update.impact_set',
  z.object({ who: Short(500), howBadly: Short(1000), since: Short(200) }),
);

/** What is being done next, as stakeholders should read it; each change is a new event. */
export const UpdateNextStepSet = eventOf('update.next_step_set', z.object({ text: Short(1000) }));

const Minutes = z.number().int('Whole minutes').min(1, 'At least 1 minute').max(24 * 60, 'At most 24 hours');

export const CadenceRuleSchema = z
  .object({
    /** The first update to each audience is due this long after declaring (or re-classifying, or reopening). */
    firstWithinMinutes: Minutes,
    /** While the incident is younger than `untilMinutes`, updates are due every `everyMinutes`. */
    phases: z.array(z.object({ untilMinutes: Minutes.max(7 * 24 * 60), everyMinutes: Minutes })).max(6),
    thenEveryMinutes: Minutes,
    audiences: z.array(Audience).min(1, 'Pick at least one audience, or turn the cadence off').max(audiences.length),
  })
  .refine((r) => r.phases.every((p, i) => i === 0 || p.untilMinutes > r.phases[i - 1]!.untilMinutes), {
    message: 'Phases must be listed in increasing "until" order',
    path: ['phases'],
  });

/** null turns the cadence off for that severity. */
export const CadencePolicySchema = z.object({
  SEV1: CadenceRuleSchema.nullable(),
  SEV2: CadenceRuleSchema.nullable(),
  SEV3: CadenceRuleSchema.nullable(),
  SEV4: CadenceRuleSchema.nullable(),
});

/**
 * The update cadence in force for this incident from now on: the settings' policy as first recorded, or the commander's
 * change for this incident. Countdowns (live, playback and review) read it from the log, never from today's settings.
 */
export const UpdateCadenceSet = eventOf(
  'update.cadence_set',
  z.object({ policy: CadencePolicySchema, origin: z.enum(['settings', 'commander']), reason: z.string().max(500).optional() }),
);

/** The commander saw the reminder for an update due at `dueAt` and dismissed it; the countdown stays visible. */
export const UpdateReminderAcknowledged = eventOf(
  'update.reminder_acknowledged',
  z.object({ audience: Audience, dueAt: z.iso.datetime() }),
);

export const updateEventSchemas = [UpdatePublished, UpdateDeliveryQueued, UpdateDraftSaved, UpdateReminderAcknowledged, UpdateImpactSet, UpdateNextStepSet, UpdateCadenceSet] as const;
