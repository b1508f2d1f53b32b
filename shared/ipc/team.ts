// IPC contract for the incident team: assign and release roles, and the two-step commander handover.
import { z } from 'zod';
import { RoleName } from '../events';
import { request } from './define';
import { IncidentId, IncidentStateSchema } from './incidents';

const ByIncident = z.object({ incidentId: IncidentId });
const Person = z.string().trim().min(1, 'Name the person').max(120);

export const teamContract = {
  'team.assignRole': request('Give a role (deputy, scribe, comms lead, ops lead or a custom one) to a person', ByIncident.extend({ role: RoleName, person: Person }), IncidentStateSchema),
  'team.releaseRole': request('Free a role: nobody holds it any more', ByIncident.extend({ role: RoleName }), IncidentStateSchema),
  'team.handoverDraft': request('A handover note pre-filled with the status, open actions, next update due and open checklist steps', ByIncident, z.object({ note: z.string() })),
  'team.proposeHandover': request('Step one of a commander handover: name the successor with a handover note', ByIncident.extend({ to: Person, note: z.string().max(20000) }), IncidentStateSchema),
  'team.withdrawHandover': request('Withdraw the proposed handover', ByIncident, IncidentStateSchema),
  'team.acceptHandover': request('The proposed successor accepts command (as the identity using this installation)', ByIncident, IncidentStateSchema),
  'team.recordHandover': request('The current commander records that the successor took command (the successor is not in Firebreak)', ByIncident, IncidentStateSchema),
};
