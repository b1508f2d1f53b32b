// The handover note a commander starts from: where the incident stands, open actions, when the next update is due and the
// checklist steps still open — all from the existing projections, so the successor reads what the log says, not a memory.
import type { IncidentEvent } from '../events';
import type { IncidentState } from '../incidents/incident-state';
import type { ProjectionDef } from '../projections/incremental-projection';
import { statusLabels } from '../incidents/status';
import type { RunbookChecklist } from '../runbooks/checklist';
import type { AudienceCadence } from '../updates/cadence';
import { roleLabel } from './roles';

export interface HandoverFacts {
  state: IncidentState;
  /** The open action lines (openActions over the log, or openActionsProjection). */
  actions: readonly string[];
  checklists: readonly RunbookChecklist[];
  /** The next stakeholder update due (the cadence's `next`), if any. */
  nextUpdate?: Pick<AudienceCadence, 'audience' | 'dueAt'> | undefined;
}

/** The line an action note adds to the handover note (its first line, at most 200 characters), or undefined. */
function actionLine(e: IncidentEvent): string | undefined {
  return e.type === 'note.added' && e.payload.kind === 'action' ? e.payload.text.split('\n')[0]!.slice(0, 200) : undefined;
}

/** Action notes are open until the same text is noted again as done; the log has no "action done" event, so all are listed. */
export function openActions(events: readonly IncidentEvent[]): string[] {
  return events.flatMap((e) => {
    const line = actionLine(e);
    return line === undefined ? [] : [line];
  });
}

/** openActions advanced event by event, so a handover draft does not read the whole log back (it keeps only the short lines). */
export const openActionsProjection: ProjectionDef<string[]> = {
  name: 'open actions',
  initial: () => [],
  apply: (actions, e) => {
    const line = actionLine(e);
    if (line !== undefined) actions.push(line);
    return actions;
  },
  view: (actions) => actions,
};

export function handoverNote({ state, actions, checklists, nextUpdate }: HandoverFacts): string {
  const lines = [`Status: ${statusLabels[state.status]} · ${state.severity}${state.services.length ? ` · services ${state.services.join(', ')}` : ''}`];
  lines.push('', 'Open actions:', ...(actions.length ? actions.map((a) => `- ${a}`) : ['- none recorded']));
  lines.push('', `Next update due: ${nextUpdate?.dueAt ? `${nextUpdate.dueAt.slice(11, 16)} UTC to ${nextUpdate.audience}` : 'none scheduled'}`);
  const steps = checklists.flatMap((c) => c.steps.filter((s) => s.status === 'open').map((s) => `- ${c.title}: ${s.text}${s.owner ? ` (${s.owner})` : ''}`));
  lines.push('', 'Open checklist steps:', ...(steps.length ? steps : ['- none']));
  if (state.roles.length) lines.push('', `Team: ${state.roles.map((r) => `${roleLabel(r.role)} ${r.person}`).join(', ')}`);
  return lines.join('\n');
}
