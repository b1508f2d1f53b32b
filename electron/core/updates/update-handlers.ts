// The router handlers for every updates.* channel, so firebreak-core registers the whole domain with one spread.
import type { Handlers } from '../ipc/router';
import type { UpdateService } from './update-service';

type UpdateChannelName = Extract<keyof Handlers, `updates.${string}`>;

export function updateHandlers(updates: UpdateService): Pick<Handlers, UpdateChannelName> {
  return {
    'updates.templates': () => updates.templates(),
    'updates.saveTemplate': ({ audience, source }) => updates.saveTemplate(audience, source),
    'updates.resetTemplate': ({ audience }) => updates.resetTemplate(audience),
    'updates.draft': ({ incidentId, audience }) => updates.draft(incidentId, audience),
    'updates.render': ({ incidentId, audience, source }) => updates.render(incidentId, audience, source),
    'updates.saveDraft': ({ incidentId, audience, source, basedOnSeq, base }) =>
      updates.saveDraft(incidentId, audience, source, { ...(basedOnSeq !== undefined ? { basedOnSeq } : {}), ...(base !== undefined ? { base } : {}) }),
    'updates.facts': ({ incidentId }) => updates.facts(incidentId),
    'updates.setImpact': ({ incidentId, who, howBadly, since }) => updates.setImpact(incidentId, { who, howBadly, since }),
    'updates.setNextStep': ({ incidentId, text }) => updates.setNextStep(incidentId, text),
    'updates.setCadence': ({ incidentId, rule, reason }) => updates.setCadence(incidentId, rule, reason),
    'updates.publishMany': (input) => updates.publishMany(input),
    'updates.cadence': ({ incidentId }) => updates.cadence(incidentId),
    'updates.acknowledgeReminder': ({ incidentId, audience, dueAt }) => updates.acknowledgeReminder(incidentId, audience, dueAt),
    'updates.policy': () => updates.policy(),
    'updates.savePolicy': ({ policy }) => updates.savePolicy(policy),
    'updates.channels': () => updates.channels(),
    'updates.publish': (input) => updates.publish(input),
  };
}
