// A step's action (metrics, rollback, update): brings that pane into view when the capability exists, says so when it does not.
import type { CapabilityName } from '../../../../shared/ipc';
import type { StepAction } from '../../../../shared/runbooks/runbook';
import { useAppInfo } from '../../api/queries';

const actions: Record<StepAction, { label: string; capability: CapabilityName; pane: string }> = {
  metrics: { label: 'Open metrics', capability: 'metrics', pane: 'metrics' },
  rollback: { label: 'Start rollback', capability: 'rollback', pane: 'rollback' },
  update: { label: 'Draft update', capability: 'updates', pane: 'updates' },
};

export function StepActionButton({ action }: { action: StepAction }) {
  const info = useAppInfo();
  const spec = actions[action];
  const available = info.data?.capabilities.includes(spec.capability) ?? false;
  return (
    <button
      type="button"
      className="step-action"
      disabled={!available}
      title={available ? `${spec.label} in the cockpit` : `${spec.label}: not available in this version`}
      onClick={() => {
        const pane = document.querySelector<HTMLElement>(`[data-pane="${spec.pane}"]`);
        pane?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
        pane?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
      }}
    >
      {spec.label}
    </button>
  );
}
