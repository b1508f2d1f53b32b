// Chooses the service and strategy (and, for git strategies, an optional known-good commit or tag) and asks the core for a plan.
import { useEffect, useState } from 'react';
import { serviceForRollback } from '../../../../shared/runbooks/step-targets';
import { useStepIntentStore } from '../../state/step-intent-store';
import type { ServiceConfig, StrategyKind } from '../../../../shared/services/service-config';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { GitHistoryImport } from './GitHistoryImport';
import { useRollbackMutations } from './rollback-queries';
import { strategiesOf } from './rollback-view';
import { NoStrategyHint, StrategySelect } from './StrategyPicker';

interface Props {
  incidentId: string;
  services: ServiceConfig[];
  /** The services named when the incident was declared: the plan starts from the first one that is configured. */
  declared: readonly string[];
  onPlanned: (rollbackId: string) => void;
}

export function PlanRollbackForm({ incidentId, services, declared, onPlanned }: Props) {
  const names = services.map((s) => s.name);
  const preferred = serviceForRollback(declared, names) ?? services[0]?.name ?? '';
  const [serviceName, setServiceName] = useState<string>();
  const service = services.find((s) => s.name === (serviceName ?? preferred)) ?? services[0];
  const strategies = strategiesOf(service);
  const [chosen, setChosen] = useState<StrategyKind | ''>('');
  // A runbook step's "Start rollback": start over from the incident's service and its default (first) strategy.
  const intent = useStepIntentStore((s) => s.intent);
  useEffect(() => {
    if (intent?.pane !== 'rollback') return;
    const taken = useStepIntentStore.getState().take('rollback');
    setServiceName(taken?.service && names.includes(taken.service) ? taken.service : preferred);
    setChosen('');
  }, [intent]);
  const strategy = chosen && strategies.includes(chosen) ? chosen : strategies[0];
  const [target, setTarget] = useState('');
  const { plan } = useRollbackMutations(incidentId);
  const gitStrategy = strategy === 'revert' || strategy === 'move-ref';

  return (
    <form
      className="rollback-plan-form"
      aria-label="Plan a rollback"
      onSubmit={(e) => {
        e.preventDefault();
        if (!service || !strategy) return;
        plan.mutate({ service: service.name, strategy, ...(gitStrategy && target.trim() ? { target: target.trim() } : {}) }, { onSuccess: (r) => onPlanned(r.id) });
      }}
    >
      <div className="rollback-form-row">
        <label>
          Service
          <select value={service?.name ?? ''} onChange={(e) => (setServiceName(e.target.value), setChosen(''))}>
            {services.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <StrategySelect label="Strategy" strategies={strategies} value={strategy} onChange={setChosen} />
        {gitStrategy ? (
          <label>
            Known-good commit or tag
            <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder={service?.deploy?.releaseTagPattern ? 'previous release' : 'required'} />
          </label>
        ) : null}
      </div>
      {strategies.length === 0 && service ? <NoStrategyHint service={service} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!strategy || plan.isPending}>
          {plan.isPending ? 'Planning…' : 'Plan rollback'}
        </button>
      </div>
      <ErrorNotice error={plan.error} title="No plan" />
      {service?.git && service.deploy ? <GitHistoryImport key={service.name} incidentId={incidentId} service={service.name} /> : null}
    </form>
  );
}
