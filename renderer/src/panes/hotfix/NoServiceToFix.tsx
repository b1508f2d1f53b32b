// What the hot-fix pane shows when no hot fix can be opened for want of a service. A hot fix names the service it fixes (and
// rolls back with that service's strategies), so the fix is one click from here: the same service form the Rollback pane's
// "Add service" opens, with the incident's declared service filled in. An invalid catalogue is not "no services": the
// Rollback pane lists what is wrong, so the button brings it into view (opened first if collapsed).
import { channelAccess } from '../../api/access';
import { useCockpitLayout } from '../../cockpit/cockpit-layout-context';
import { goToPane } from '../../palette/pane-jump';
import { useUiStore } from '../../state/ui-store';

interface Props {
  /** The services the incident was declared for: the first is suggested as the new service's name. */
  declared: readonly string[];
  /** The service catalogue could not be read (its problem is shown in the Rollback pane). */
  invalid: boolean;
}

export function NoServiceToFix({ declared, invalid }: Props) {
  const openServiceEditor = useUiStore((s) => s.openServiceEditor);
  const layout = useCockpitLayout();
  const access = channelAccess();
  if (invalid) {
    return (
      <div className="hotfix-empty">
        <p>The service catalogue is invalid, so no hot fix can be opened until it is fixed.</p>
        <button
          type="button"
          onClick={() => {
            if (layout.isCollapsed('rollback')) layout.toggleCollapsed('rollback');
            goToPane('rollback');
          }}
        >
          Show what is wrong
        </button>
      </div>
    );
  }
  const suggested = declared[0];
  return (
    <div className="hotfix-empty">
      <p>No services are configured, so no hot fix can be opened yet: a hot fix names the service it fixes and how to roll it back.</p>
      {access.serves('services.put') ? (
        <button type="button" className="primary" onClick={() => openServiceEditor(suggested ? { suggestedName: suggested } : {})}>
          {suggested ? `Add service ${suggested}…` : 'Add service…'}
        </button>
      ) : (
        <p>Services cannot be added here ({access.reason ?? 'not available in this window'}).</p>
      )}
    </div>
  );
}
