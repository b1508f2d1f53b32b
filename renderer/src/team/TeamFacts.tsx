// The header's team line: the commander (and a handover in progress), who holds each other role, and the button to change them.
import type { IncidentState } from '../../../shared/incidents/incident-state';
import { roleLabel } from '../../../shared/team/roles';
import { channelAccess } from '../api/access';
import { useUiStore } from '../state/ui-store';
import './team.css';

/** At 1366×768 the header keeps one line of facts: the first roles show, the rest are counted and listed in the tooltip. */
const SHOWN_ROLES = 3;

export function TeamFacts({ state, readOnly, why }: { state: IncidentState; readOnly: boolean; why: string }) {
  const openDialog = useUiStore((s) => s.openDialog);
  // A read-only review bundle shows the team but cannot change it.
  const { serves, reason } = channelAccess();
  const canChange = !readOnly && serves('team.assignRole');
  const whyNot = readOnly ? why : (reason ?? why);
  const roles = state.roles ?? [];
  const hidden = roles.slice(SHOWN_ROLES);
  return (
    <span className="team-facts" data-testid="team-facts">
      <span className="fact">
        Commander <strong data-testid="commander">{state.commander}</strong>
      </span>
      {state.handover ? (
        <button type="button" className="handover-chip" onClick={() => openDialog('handover')} disabled={!canChange} title={canChange ? 'Open the proposed handover' : whyNot}>
          Handover to {state.handover.to} proposed
        </button>
      ) : null}
      {roles.slice(0, SHOWN_ROLES).map((r) => (
        <span className="fact" key={r.role}>
          {roleLabel(r.role)} <strong>{r.person}</strong>
        </span>
      ))}
      {hidden.length > 0 ? (
        <span className="fact" title={hidden.map((r) => `${roleLabel(r.role)}: ${r.person}`).join('\n')}>
          +{hidden.length} more
        </span>
      ) : null}
      <button type="button" className="team-roles-button" onClick={() => openDialog('roles')} disabled={!canChange} title={canChange ? 'Assign or release roles' : whyNot}>
        Roles…
      </button>
    </span>
  );
}
