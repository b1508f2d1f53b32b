// IPC contract for stakeholder updates: templates, drafts with preview and diff, cadence status and publishing.
import { z } from 'zod';
import { Audience, IncidentEvent, TEMPLATE_SOURCE_MAX, UpdateChannel, UpdateFormat } from '../events';
import { Severity } from '../incidents/severity';
import { CadencePolicy } from '../updates/cadence';
import { request } from './define';
import { IncidentId } from './incidents';

export const TemplateProblemSchema = z.object({ message: z.string(), line: z.number(), column: z.number(), length: z.number() });

const TemplateSource = z.string().max(TEMPLATE_SOURCE_MAX, `A template can hold at most ${TEMPLATE_SOURCE_MAX} characters`);

export const UpdateTemplate = z.object({
  audience: Audience,
  label: z.string(),
  source: z.string(),
  /** True when it differs from the shipped default. */
  customized: z.boolean(),
  problems: z.array(TemplateProblemSchema),
  /** Where the editable copy lives, so power users can edit it with their own editor. */
  file: z.string(),
});
export type UpdateTemplate = z.infer<typeof UpdateTemplate>;

export const CadencePolicyInfo = z.object({
  policy: CadencePolicy,
  origin: z.enum(['default', 'file']),
  file: z.string(),
  /** Why the saved file is not in force, when it is broken. */
  problem: z.string().optional(),
});
export type CadencePolicyInfo = z.infer<typeof CadencePolicyInfo>;

export const AudienceCadenceSchema = z.object({
  audience: Audience,
  state: z.enum(['off', 'scheduled', 'overdue', 'done']),
  dueAt: z.string().optional(),
  reason: z.string(),
  lastPublishedAt: z.string().optional(),
  acknowledged: z.boolean(),
});

export const CadenceStatusSchema = z.object({
  severity: Severity,
  resolved: z.boolean(),
  at: z.string(),
  audiences: z.array(AudienceCadenceSchema),
  next: AudienceCadenceSchema.optional(),
  policyProblem: z.string().optional(),
});
export type CadenceStatusOutput = z.infer<typeof CadenceStatusSchema>;

export const ChannelStatus = z.object({
  channel: UpdateChannel,
  /** Whether something will actually deliver it; clipboard always can. */
  configured: z.boolean(),
  detail: z.string(),
});
export type ChannelStatus = z.infer<typeof ChannelStatus>;

const TemplateValueSchema = z.union([z.string(), z.array(z.string())]);

/** Where a delivery of a published update stands: never sent (nothing to deliver it), or its outbox entry's status. */
export const DeliveryState = z.object({
  channel: UpdateChannel,
  state: z.enum(['not_sent', 'pending', 'sent', 'failed', 'cancelled']),
  detail: z.string(),
});
export type DeliveryState = z.infer<typeof DeliveryState>;

export const PreviousUpdateSchema = z.object({
  seq: z.number(),
  ts: z.string(),
  actor: z.string(),
  channel: z.string(),
  text: z.string(),
  deliveries: z.array(DeliveryState),
});

export const UpdateDraftSchema = z.object({
  incidentId: IncidentId,
  audience: Audience,
  label: z.string(),
  /** The draft to edit: the commander's last saved draft for this incident, or the audience template. */
  source: z.string(),
  origin: z.enum(['draft', 'template']),
  draftSavedAt: z.string().optional(),
  /** The audience template, for "reset to template". */
  templateSource: z.string(),
  /** Variable values at `at`, so the editor can preview locally as the commander types. */
  variables: z.record(z.string(), TemplateValueSchema),
  catalogue: z.array(z.object({ name: z.string(), kind: z.enum(['text', 'list']), description: z.string() })),
  at: z.string(),
  previous: PreviousUpdateSchema.optional(),
  cadence: AudienceCadenceSchema,
  channels: z.array(ChannelStatus),
});
export type UpdateDraft = z.infer<typeof UpdateDraftSchema>;

export const DiffSchema = z.object({
  parts: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  added: z.number(),
  removed: z.number(),
});

export const RenderedUpdate = z.object({
  /** Absent when the draft has problems: a broken draft has no text to copy or publish. */
  text: z.string().optional(),
  plainText: z.string().optional(),
  problems: z.array(TemplateProblemSchema),
  /** The instant the draft was rendered for; publishing re-renders at the same instant to check nothing changed. */
  renderedAt: z.string(),
  diff: DiffSchema.optional(),
});
export type RenderedUpdate = z.infer<typeof RenderedUpdate>;

export const DeliveryOutcome = z.object({
  channel: UpdateChannel,
  /** failed: the outbox refused it; nothing was queued and the commander is told to retry. */
  state: z.enum(['copied', 'queued', 'not_configured', 'failed']),
  detail: z.string(),
  outboxId: z.string().optional(),
});
export type DeliveryOutcome = z.infer<typeof DeliveryOutcome>;

const ByIncidentAudience = z.object({ incidentId: IncidentId, audience: Audience });

export const PublishUpdateInput = ByIncidentAudience.extend({
  source: TemplateSource,
  channels: z.array(UpdateChannel).min(1, 'Choose at least one channel').refine((c) => new Set(c).size === c.length, 'Each channel once'),
  /** Which flavour went to the clipboard; the recorded text is always the Markdown. */
  format: UpdateFormat.default('markdown'),
  renderedAt: z.iso.datetime(),
  /** The exact Markdown the commander saw (and copied); publishing is refused if the incident changed it meanwhile. */
  expectedText: z.string().min(1),
});
export type ParsedPublishInput = z.output<typeof PublishUpdateInput>;

export const updatesContract = {
  'updates.templates': request('The update template of every audience', z.object({}), z.array(UpdateTemplate)),
  'updates.saveTemplate': request('Save an audience template (refused when it has problems)', z.object({ audience: Audience, source: TemplateSource }), UpdateTemplate),
  'updates.resetTemplate': request('Put the shipped template of an audience back', z.object({ audience: Audience }), UpdateTemplate),
  'updates.draft': request('The draft for one audience of an incident, with variables, previous update and cadence', ByIncidentAudience, UpdateDraftSchema),
  'updates.render': request(
    'Render a draft for an incident and audience, with problems and the diff against the previous update',
    ByIncidentAudience.extend({ source: TemplateSource }),
    RenderedUpdate,
  ),
  'updates.saveDraft': request('Save the working draft for an audience (recorded on the timeline)', ByIncidentAudience.extend({ source: TemplateSource }), IncidentEvent),
  'updates.cadence': request('When the next update to each audience is due', z.object({ incidentId: IncidentId }), CadenceStatusSchema),
  'updates.acknowledgeReminder': request(
    'Dismiss the reminder for an update due at a given time',
    ByIncidentAudience.extend({ dueAt: z.iso.datetime() }),
    CadenceStatusSchema,
  ),
  'updates.policy': request('The update cadence per severity', z.object({}), CadencePolicyInfo),
  'updates.savePolicy': request('Change the update cadence per severity', z.object({ policy: CadencePolicy }), CadencePolicyInfo),
  'updates.channels': request('Which publishing channels can deliver right now', z.object({}), z.array(ChannelStatus)),
  'updates.publish': request(
    'Publish an update: record it on the timeline and queue it to Jira/PagerDuty',
    PublishUpdateInput,
    z.object({ event: IncidentEvent, deliveries: z.array(DeliveryOutcome) }),
  ),
};
