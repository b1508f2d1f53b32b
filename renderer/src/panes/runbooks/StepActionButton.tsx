// A step's action (metrics, rollback, update): brings that pane into view with its form ready; when the capability is not
// set up yet it says what is missing and links to where to set it up, instead of a dead greyed-out button.
import type { CapabilityName } from '../../../../shared/ipc';
import type { StepAction } from '../../../../shared/runbooks/runbook';
import { useAppInfo } from '../../api/queries';
import { jumpToPane } from '../../palette/pane-jump';
import { useUiStore } from '../../state/ui-store';

const actions: Record<StepAction, { label: string; capability: CapabilityName; pane: string; missing: string; fix: string; focus: string }> = {
  metrics: {
    label: 'Open metrics',
    capability: 'metrics',
    pane: 'metrics',
    missing: 'Prometheus is not configured yet.',
    fix: 'Set up Prometheus…',
    focus: 'input, select, button',
  },
  rollback: {
    label: 'Start rollback',
    capability: 'rollback',
    pane: 'rollback',
    missing: 'No service with a rollback strategy is configured yet.',
    fix: 'Add a service…',
    // The plan form's first field (service / strategy), so the plan starts from this step.
    focus: 'form select, form input, button',
  },
  update: { label: 'Draft update', capability: 'updates', pane: 'updates', missing: 'Stakeholder updates are unavailable.', fix: 'Open settings…', focus: '#update-tabpanel textarea' },
};

export function StepActionButton({ action }: { action: StepAction }) {
  const info = useAppInfo();
  const openDialog = useUiStore((s) => s.openDialog);
  const spec = actions[action];
  const available = info.data?.capabilities.includes(spec.capability) ?? false;
  if (info.data && !available) {
    return (
      <span className="step-action-blocked" data-testid="step-action-blocked">
        {spec.label}: {spec.missing}
        <button type="button" className="link-button" onClick={() => openDialog('settings')}>
          {spec.fix}
        </button>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="step-action"
      disabled={!info.data}
      title={`${spec.label} in the cockpit`}
      onClick={() => {
        if (!jumpToPane(spec.pane)) return;
        document.querySelector<HTMLElement>(`[data-pane="${spec.pane}"]`)?.querySelector<HTMLElement>(spec.focus)?.focus();
      }}
    >
      {spec.label}
    </button>
  );
}
