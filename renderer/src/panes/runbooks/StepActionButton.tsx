// A step's action (metrics, rollback, update): brings that pane into view with its form ready and pre-filled (the rollback
// plan for the incident's service, the update draft for the audience the step names). When the capability is not set up
// yet, the button stays visible but disabled, says the real cause next to it, and links straight to the form that fixes it.
import { useId } from 'react';
import type { CapabilityName } from '../../../../shared/ipc';
import type { StepAction } from '../../../../shared/runbooks/runbook';
import { audienceNamedIn } from '../../../../shared/runbooks/step-targets';
import { channelAccess } from '../../api/access';
import { useAppInfo, useIncident } from '../../api/queries';
import { useCockpitLayout } from '../../cockpit/cockpit-layout-context';
import { jumpToPane } from '../../palette/pane-jump';
import { useStepIntentStore, type StepIntent } from '../../state/step-intent-store';
import { useUiStore } from '../../state/ui-store';

interface ActionSpec {
  label: string;
  capability: CapabilityName;
  pane: 'metrics' | 'rollback' | 'updates';
  /** Why the action cannot run while the capability is missing. */
  missing: string;
  /** The control that fixes it. */
  fix: string;
  /** What to focus in the pane, first match wins (a selector list would take whichever comes first in the page). */
  focus: string[];
}

const actions: Record<StepAction, ActionSpec> = {
  metrics: { label: 'Open metrics', capability: 'metrics', pane: 'metrics', missing: 'Prometheus is not configured', fix: 'Configure metrics', focus: ['input, select', 'button'] },
  rollback: {
    label: 'Start rollback',
    capability: 'rollback',
    pane: 'rollback',
    missing: 'No service is configured',
    fix: 'Add service',
    // The plan form's first field (service / strategy), so the plan starts from this step.
    focus: ['form[aria-label="Plan a rollback"] select', 'button'],
  },
  update: { label: 'Draft update', capability: 'updates', pane: 'updates', missing: 'Stakeholder updates are unavailable', fix: 'Open settings', focus: ['#update-tabpanel textarea', '#update-tabpanel button'] },
};

/** Focuses the pane's first control once the pane has applied the step's request (next frame, after React re-renders). */
function focusPane(spec: ActionSpec): void {
  requestAnimationFrame(() => {
    const pane = document.querySelector<HTMLElement>(`[data-pane="${spec.pane}"]`);
    const target = spec.focus.map((selector) => pane?.querySelector<HTMLElement>(selector)).find(Boolean);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  });
}

export function StepActionButton({ action, stepText }: { action: StepAction; stepText: string }) {
  const info = useAppInfo();
  const incidentId = useUiStore((s) => s.selectedIncidentId);
  const incident = useIncident(incidentId);
  const openDialog = useUiStore((s) => s.openDialog);
  const openServiceEditor = useUiStore((s) => s.openServiceEditor);
  const request = useStepIntentStore((s) => s.request);
  const causeId = useId();
  const layout = useCockpitLayout();
  const spec = actions[action];
  const declared = incident.data?.state?.services ?? [];

  const intent = (): StepIntent | undefined => {
    if (action === 'rollback') return { pane: 'rollback' };
    if (action === 'update') {
      const audience = audienceNamedIn(stepText);
      return audience ? { pane: 'updates', audience } : { pane: 'updates' };
    }
    return undefined;
  };

  const fix = () => {
    if (action === 'metrics') openDialog('metrics-settings');
    else if (action === 'rollback') openServiceEditor(declared[0] ? { suggestedName: declared[0] } : {});
    else openDialog('settings');
  };
  // A read-only review bundle cannot configure anything: say so instead of offering a fix that cannot open.
  const access = channelAccess();
  const canFix = action === 'metrics' ? access.serves('metrics.settings.save') : action === 'rollback' ? access.serves('services.put') : access.serves('settings.exportConfig');

  const available = info.data?.capabilities.includes(spec.capability) ?? false;
  if (info.data && !available) {
    return (
      <span className="step-action-blocked" data-testid="step-action-blocked">
        <button type="button" className="step-action" disabled aria-describedby={causeId}>
          {spec.label}
        </button>{' '}
        {/* The cause and its fix stay together when the row wraps in a narrow pane. */}
        <span className="step-action-cause">
          <span id={causeId}>{spec.missing}</span>
          {canFix ? (
            <>
              {' — '}
              <button type="button" className="link-button" onClick={fix}>
                {spec.fix}
              </button>
            </>
          ) : (
            <span> ({access.reason ?? 'not available here'})</span>
          )}
        </span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="step-action"
      disabled={!info.data}
      title={info.data ? `${spec.label} in the cockpit` : 'Checking what is set up…'}
      onClick={() => {
        const next = intent();
        if (next) request(next);
        // A collapsed pane opens first, so the pre-filled form is visible, not only focused.
        if (layout.isCollapsed(spec.pane)) layout.toggleCollapsed(spec.pane);
        if (!jumpToPane(spec.pane)) return;
        focusPane(spec);
      }}
    >
      {spec.label}
    </button>
  );
}
