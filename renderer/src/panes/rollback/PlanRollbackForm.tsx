// Chooses the service and strategy (and, for git strategies, an optional known-good commit or tag) and asks the core for a plan.
import { useState } from 'react';
import type { ServiceConfig, StrategyKind } from '../../../../shared/services/service-config';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { GitHistoryImport } from './GitHistoryImport';
import { useRollbackMutations } from './rollback-queries';
import { strategiesOf, strategyLabels } from './rollback-view';

export function PlanRollbackForm({ incidentId, services, onPlanned }: { incidentId: string; services: ServiceConfig[]; onPlanned: (rollbackId: string) => void }) {
  const [serviceName, setServiceName] = useState(services[0]?.name ?? '');
  const service = services.find((s) => s.name === serviceName) ?? services[0];
  const strategies = strategiesOf(service);
  const [chosen, setChosen] = useState<StrategyKind | ''>('');
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
          <select value={service?.name ?? ''} onChange={(e) => setServiceName(e.target.value)}>
            {services.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Strategy
          <select value={strategy ?? ''} onChange={(e) => setChosen(e.target.value as StrategyKind)} disabled={strategies.length === 0}>
            {strategies.map((k) => (
              <option key={k} value={k}>
                {strategyLabels[k]}
              </option>
            ))}
          </select>
        </label>
        {gitStrategy ? (
          <label>
            Known-good commit or tag
            <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder={service?.deploy?.releaseTagPattern ? 'previous release' : 'required'} />
          </label>
        ) : null}
      </div>
      {strategies.length === 0 ? <p className="field-hint">{service?.name} has no rollback strategy configured.</p> : null}
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
