// First run: before anything is recorded, ask who is using this installation (never taken from the OS user name). Scripts and
// tests that pass --operator or FIREBREAK_OPERATOR are never asked.
import { Dialog } from '../ui/Dialog';
import { IdentityForm } from './IdentityForm';
import { useIdentity } from './identity-queries';

export function FirstRunIdentityDialog() {
  const identity = useIdentity();
  const view = identity.data;
  if (!view || view.source !== 'unset') return null;
  return (
    // Not dismissable: every event this installation records is signed with this name, so it is set before the first one.
    <Dialog title="Who is using Firebreak?" onClose={() => undefined}>
      <p>Your name and handle go on everything you record: notes, status changes, roles, handovers and approvals.</p>
      {view.problem ? <p className="settings-problem" role="alert">{view.problem}</p> : null}
      <IdentityForm submitLabel="Start using Firebreak" />
      <p className="field-hint">
        This installation&apos;s device id: <code>{view.deviceId}</code>
      </p>
    </Dialog>
  );
}
