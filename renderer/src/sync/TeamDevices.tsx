// Settings → Team sync, with sync on: what this laptop refused or holds back from the team (events that did not verify
// against the sending device's registered key), whether its own key could be registered, and the team's devices with the
// handle and signing-key fingerprint each registered, to compare aloud with a colleague's Settings → Signing keys.
import type { SyncStatusView } from '../../../shared/ipc';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useSyncDevices } from './sync-queries';

/** The status's trust problems as sentences (refusals, events held unverified, this laptop's key not registered). */
export function trustNotices(status: SyncStatusView): string[] {
  const notices = (status.refused ?? []).map((r) => r.notice);
  const held = status.unverified ?? 0;
  if (held > 0) notices.push(`${held === 1 ? '1 event is' : `${held} events are`} held back unverified: the device that sent ${held === 1 ? 'it' : 'them'} has no signing key registered with the team yet. ${held === 1 ? 'It is' : 'They are'} added once it registers.`);
  if (status.registration) notices.push(status.registration);
  return notices;
}

export function TeamTrustNotices({ status }: { status: SyncStatusView }) {
  const notices = trustNotices(status);
  if (notices.length === 0) return null;
  return (
    <ul className="settings-list sync-trust-notices" aria-label="Events refused from the team" data-testid="sync-trust-notices">
      {notices.map((n) => (
        <li key={n}>
          {n}
        </li>
      ))}
    </ul>
  );
}

export function TeamDevices() {
  const devices = useSyncDevices();
  const list = devices.data?.devices ?? [];
  return (
    <>
      <h4 className="signing-subhead">Team devices</h4>
      <p className="settings-help">
        Each laptop signs what it shares with its own key; events are accepted only from the key registered first for their device. An admin revokes a device by
        marking its entry revoked in the team&apos;s devices bucket.
      </p>
      <ul className="settings-list" aria-label="Team devices">
        {list.map((d) => (
          <li key={d.deviceId}>
            <strong>@{d.handle}</strong> · device {d.deviceId}
            {d.thisDevice ? ' (this laptop)' : ''} — key <code>{d.fingerprint}</code>
          </li>
        ))}
        {devices.data && list.length === 0 ? <li>No device has registered its key yet.</li> : null}
      </ul>
      <ErrorNotice error={devices.error} title="The team's devices could not be loaded" />
    </>
  );
}
