// The rollback a failed rollout offers, made actionable: one click plans the guarded rollback of the service with the
// strategy the hot fix chose (the Rollback pane's own plan call, so nothing runs yet), then brings the Rollback pane into
// view with that plan's "Confirm…" focused — as a runbook step's "Start rollback" does. The plan still needs its approvals
// and confirmation there; an automatic rollback only points to it.
import type { HotfixState } from '../../../../../shared/hotfix/hotfix-state';
import type { RolloutState } from '../../../../../shared/hotfix/rollout-state';
import { StrategyKind } from '../../../../../shared/services/service-config';
import { useCockpitLayout } from '../../../cockpit/cockpit-layout-context';
import { goToPane } from '../../../palette/pane-jump';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useRollbackMutations, useRollbacks } from '../../rollback/rollback-queries';

/** How many frames to wait for the planned rollback's card to render in the Rollback pane (its list refreshes first). */
const FRAMES_FOR_CARD = 60;

/** Focuses the planned rollback's "Confirm…" (or its card) in the Rollback pane once it has rendered. */
function focusPlannedRollback(rollbackId: string): void {
  let frames = 0;
  const attempt = () => {
    const card = document.querySelector<HTMLElement>(`[data-pane="rollback"] [data-rollback-id="${CSS.escape(rollbackId)}"]`);
    if (!card) {
      if (++frames <= FRAMES_FOR_CARD) requestAnimationFrame(attempt);
      return;
    }
    const target = card.querySelector<HTMLElement>('.form-actions button.primary') ?? card;
    if (target === card && !card.hasAttribute('tabindex')) card.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'nearest' });
    target.focus();
  };
  attempt();
}

interface Props {
  incidentId: string;
  hotfix: HotfixState;
  rollout: RolloutState;
  readOnly: boolean;
}

export function OfferedRollback({ incidentId, hotfix: h, rollout, readOnly }: Props) {
  const offer = rollout.rollback;
  const { plan } = useRollbackMutations(incidentId);
  const layout = useCockpitLayout();
  // A plan made since this rollout started (here or in the Rollback pane) answers the offer; read from the log, so it
  // survives the pane being restored from maximised and a reload.
  const rollbacks = useRollbacks(incidentId, !offer?.rollbackId);
  const plannedId = rollbacks.data?.filter((r) => r.plan.service === rollout.service && r.plan.direction === 'rollback' && r.stage !== 'cancelled' && r.plannedAt >= rollout.startedAt).at(-1)?.id;
  if (!offer) return null;
  const strategy = StrategyKind.safeParse(offer.strategy);
  const show = (rollbackId: string) => {
    // A collapsed Rollback pane opens first, so the plan is visible, not only focused; a maximised Hot fix pane is restored.
    if (layout.isCollapsed('rollback')) layout.toggleCollapsed('rollback');
    goToPane('rollback', (reached) => reached && focusPlannedRollback(rollbackId));
  };
  const existing = offer.rollbackId ?? plannedId;
  // Undoing a hot fix goes back to the release it was built on (the deployed tag), not to whatever release came before.
  const gitStrategy = strategy.success && (strategy.data === 'revert' || strategy.data === 'move-ref');
  const target = gitStrategy ? h.change?.base.label.replace(/\s.*$/, '') : undefined;
  return (
    <div className="hotfix-blockers" role="note" aria-label="Rollback">
      <strong>{offer.rollbackId ? 'Rollback started automatically' : plannedId ? 'Rollback planned' : 'Roll back?'}</strong>
      <p className="hotfix-step-summary">
        {offer.rollbackId
          ? `The ${offer.strategy ?? ''} rollback (${offer.rollbackId}) is in the Rollback pane.`
          : plannedId
            ? `The ${offer.strategy ?? ''} rollback of ${rollout.service} is planned: review and confirm it in the Rollback pane.`
            : offer.message}
      </p>
      {existing ? (
        <div className="hotfix-actions">
          <button type="button" onClick={() => show(existing)}>
            Show it in the Rollback pane
          </button>
        </div>
      ) : !readOnly && strategy.success ? (
        <div className="hotfix-actions">
          <button
            type="button"
            className="primary"
            disabled={plan.isPending}
            onClick={() =>
              plan.mutate(
                { service: rollout.service, strategy: strategy.data, ...(target ? { target } : {}) },
                {
                  onSuccess: (planned) => show(planned.id),
                },
              )
            }
          >
            {plan.isPending ? 'Planning…' : `Plan the ${strategy.data} rollback of ${rollout.service}${target ? ` to ${target}` : ''}`}
          </button>
        </div>
      ) : null}
      <ErrorNotice error={plan.error} title="The rollback was not planned" />
    </div>
  );
}
