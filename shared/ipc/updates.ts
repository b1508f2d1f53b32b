// IPC contract for stakeholder updates: templates, drafts with preview and diff, cadence status and publishing.
import { z } from 'zod';
import { Audience, IncidentEvent, TEMPLATE_SOURCE_MAX, UpdateChannel, UpdateFormat, UpdateImpactSet, UpdateNextStepSet } from '../events';
import { Severity } from '../incidents/severity';
import { CadencePolicy, CadenceRule } from '../updates/cadence';
import { MAX_DRAFT_FACT_SEQS } from '../updates/draft-fact-seqs';
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
  /** The draft to edit: the commander's last saved draft, or the text generated from the audience template now. */
  source: z.string(),
  origin: z.enum(['draft', 'generated']),
  draftSavedAt: z.string().optional(),
  /** For a saved draft: the generated text it started from and the last event its facts came from. */
  base: z.string().optional(),
  basedOnSeq: z.number().optional(),
  /** The text the template gives now; absent when the template has problems (see templateProblems). */
  generated: z.string().optional(),
  templateProblems: z.array(TemplateProblemSchema),
  /** The last event in the log when `generated` was made. */
  lastSeq: z.number(),
  /**
   * The events feeding this audience's facts since its previous update (or an older saved draft's basis), the newest
   * MAX_DRAFT_FACT_SEQS by seq (draftFactSeqs); those after a draft's basedOnSeq are its "new events".
   */
  factSeqs: z.array(z.number().int().nonnegative()).max(MAX_DRAFT_FACT_SEQS),
  /** How many older such facts were left out of factSeqs: a basis before its first seq has at least factSeqs.length new events. */
  factSeqsLeftOut: z.number().int().nonnegative(),
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
  state: z.enum(['copied', 'downloaded', 'queued', 'not_configured', 'failed']),
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

const Published = z.object({ event: IncidentEvent, deliveries: z.array(DeliveryOutcome) });

export const PublishManyInput = z.object({
  incidentId: IncidentId,
  items: z
    .array(z.object({ audience: Audience, source: TemplateSource, renderedAt: z.iso.datetime(), expectedText: z.string().min(1) }))
    .min(1, 'Choose at least one audience')
    .refine((items) => new Set(items.map((i) => i.audience)).size === items.length, 'Each audience once'),
  channels: z.array(UpdateChannel).min(1, 'Choose at least one channel').refine((c) => new Set(c).size === c.length, 'Each channel once'),
  format: UpdateFormat.default('markdown'),
});
export type ParsedPublishManyInput = z.output<typeof PublishManyInput>;

/** One audience's outcome of a multi-audience publish: published (with per-channel deliveries) or refused, with why. */
export const AudiencePublishResult = z.object({
  audience: Audience,
  published: Published.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type AudiencePublishResult = z.infer<typeof AudiencePublishResult>;

/** What stakeholders are told before any update: stated impact and next step, and the cadence in force for this incident. */
export const UpdateFacts = z.object({
  impact: UpdateImpactSet.shape.payload.extend({ ts: z.string() }).optional(),
  nextStep: z.object({ text: z.string(), ts: z.string() }).optional(),
  /** True once any update was published: the impact/next-step prompt comes before the first. */
  publishedAny: z.boolean(),
  severity: Severity,
  /** The rule for the incident's current severity, as recorded in the log (or today's settings until one is recorded). */
  rule: CadenceRule.nullable(),
  ruleText: z.string(),
  policyOrigin: z.enum(['settings', 'commander', 'unrecorded']),
});
export type UpdateFacts = z.infer<typeof UpdateFacts>;

export const updatesContract = {
  'updates.facts': request('Stated impact, next step and the cadence in force for an incident', z.object({ incidentId: IncidentId }), UpdateFacts),
  'updates.setImpact': request(
    'State (or restate) the customer impact: who is affected, how badly, since when',
    z.object({ incidentId: IncidentId }).extend(UpdateImpactSet.shape.payload.shape),
    IncidentEvent,
  ),
  'updates.setNextStep': request('State (or restate) the next step', z.object({ incidentId: IncidentId }).extend(UpdateNextStepSet.shape.payload.shape), IncidentEvent),
  'updates.setCadence': request(
    "Tighten or loosen the update cadence for this incident's current severity (recorded in the incident log)",
    z.object({ incidentId: IncidentId, rule: CadenceRule.nullable(), reason: z.string().max(500).optional() }),
    UpdateFacts,
  ),
  'updates.publishMany': request(
    'Publish the drafts of several audiences at once to the chosen channels; each audience succeeds or fails on its own',
    PublishManyInput,
    z.object({ results: z.array(AudiencePublishResult) }),
  ),
  'updates.templates': request('The update template of every audience', z.object({}), z.array(UpdateTemplate)),
  'updates.saveTemplate': request('Save an audience template (refused when it has problems)', z.object({ audience: Audience, source: TemplateSource }), UpdateTemplate),
  'updates.resetTemplate': request('Put the shipped template of an audience back', z.object({ audience: Audience }), UpdateTemplate),
  'updates.draft': request('The draft for one audience of an incident, with variables, previous update and cadence', ByIncidentAudience, UpdateDraftSchema),
  'updates.render': request(
    'Render a draft for an incident and audience, with problems and the diff against the previous update',
    ByIncidentAudience.extend({ source: TemplateSource }),
    RenderedUpdate,
  ),
  'updates.saveDraft': request(
    'Save the working draft for an audience (recorded on the timeline)',
    ByIncidentAudience.extend({ source: TemplateSource, basedOnSeq: z.number().int().nonnegative().optional(), base: TemplateSource.optional() }),
    IncidentEvent,
  ),
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
    Published,
  ),
};
