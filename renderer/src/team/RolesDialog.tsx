// Assign and release the incident's roles: the well-known ones (deputy, scribe, comms lead, ops lead) and custom ones.
// Command itself changes hands through the handover dialog, reached from here too.
import { useState, type FormEvent } from 'react';
import { knownRoles, roleLabel, roleLabels } from '../../../shared/team/roles';
import { useIncident } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FormField } from '../ui/FormField';
import { useTeamChange } from './team-queries';
import './team.css';
import { FormActions } from '../ui/FormActions';

const CUSTOM = '__custom';

export function RolesDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const state = useIncident(incidentId).data?.state;
  const openDialog = useUiStore((s) => s.openDialog);
  const [role, setRole] = useState<string>('scribe');
  const [customRole, setCustomRole] = useState('');
  const [person, setPerson] = useState('');
  const [tried, setTried] = useState(false);
  const assign = useTeamChange('team.assignRole', () => {
    setPerson('');
    setCustomRole('');
    setTried(false);
  });
  const release = useTeamChange('team.releaseRole');
  if (!state) return null;
  const roles = state.roles ?? [];
  const custom = roles.filter((r) => !(knownRoles as readonly string[]).includes(r.role));
  const rows = [...knownRoles.map((r) => ({ role: r as string, holder: roles.find((h) => h.role === r)?.person })), ...custom.map((r) => ({ role: r.role, holder: r.person }))];
  const chosenRole = role === CUSTOM ? customRole.trim() : role;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!chosenRole || !person.trim()) return;
    assign.mutate({ incidentId, role: chosenRole, person: person.trim() });
  };
  return (
    <Dialog title="Roles" onClose={onClose}>
      <table className="roles-table" aria-label="Who holds each role">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Held by</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{roleLabels.commander}</th>
            <td>{state.commander}</td>
            <td>
              <button type="button" onClick={() => openDialog('handover')}>
                Hand over command…
              </button>
            </td>
          </tr>
          {rows.map((r) => (
            <tr key={r.role}>
              <th scope="row">{roleLabel(r.role)}</th>
              <td className={r.holder ? undefined : 'unassigned'}>{r.holder ?? 'unassigned'}</td>
              <td>
                {r.holder ? (
                  <button type="button" onClick={() => release.mutate({ incidentId, role: r.role })} disabled={release.isPending} aria-label={`Release ${roleLabel(r.role)} (${r.holder})`}>
                    Release
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNotice error={release.error} title="Role not released" />
      <form className="form" onSubmit={submit} noValidate>
        <FormField label="Role">
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {knownRoles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
            {custom.map((r) => (
              <option key={r.role} value={r.role}>
                {r.role}
              </option>
            ))}
            <option value={CUSTOM}>Custom role…</option>
          </select>
        </FormField>
        {role === CUSTOM ? (
          <FormField label="Custom role name" hint="e.g. Database expert" {...(tried && !customRole.trim() ? { error: 'Name the role' } : {})}>
            <input value={customRole} maxLength={60} onChange={(e) => setCustomRole(e.target.value)} />
          </FormField>
        ) : null}
        <FormField label="Person" hint="Name or handle" {...(tried && !person.trim() ? { error: 'Name the person' } : {})}>
          <input value={person} maxLength={120} onChange={(e) => setPerson(e.target.value)} data-autofocus />
        </FormField>
        <ErrorNotice error={assign.error} title="Role not assigned" />
        <FormActions onCancel={onClose} cancelLabel="Close" submitLabel="Assign role" disabled={assign.isPending} />
      </form>
    </Dialog>
  );
}
