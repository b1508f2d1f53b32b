// The first steps of the track: overriding unmet criteria with a reason, and choosing the rollback strategy.
import { useState } from 'react';
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';
import type { ServiceConfig, StrategyKind } from '../../../../shared/services/service-config';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { strategiesOf } from '../rollback/rollback-view';
import { NoStrategyHint, StrategySelect } from '../rollback/StrategyPicker';
import { useHotfixCall } from './hotfix-queries';

export function CriteriaStep({ incidentId, hotfix: h }: { incidentId: string; hotfix: HotfixState }) {
  const [reason, setReason] = useState('');
  const override = useHotfixCall(incidentId, 'hotfix.overrideCriteria');
  if (!h.criteria || h.criteria.met || h.criteriaOverride) return null;
  return (
    <form
      className="hotfix-inline-form"
      aria-label="Override the hot-fix criteria"
      onSubmit={(e) => {
        e.preventDefault();
        override.mutate({ hotfixId: h.id, reason });
      }}
    >
      <label>
        Reason to go ahead anyway
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="why this cannot wait for the next release" />
      </label>
      <button type="submit" disabled={override.isPending}>
        Override the criteria
      </button>
      <ErrorNotice error={override.error} title="The override was not recorded" />
    </form>
  );
}

export function RollbackStep({ incidentId, hotfix: h, service }: { incidentId: string; hotfix: HotfixState; service: ServiceConfig | undefined }) {
  const strategies = strategiesOf(service);
  const [chosen, setChosen] = useState<StrategyKind | ''>('');
  const choose = useHotfixCall(incidentId, 'hotfix.chooseRollback');
  if (!service) return null;
  if (strategies.length === 0) return <NoStrategyHint service={service} />;
  const strategy = chosen || h.rollback?.strategy || strategies[0]!;
  return (
    <form
      className="hotfix-inline-form"
      aria-label="Choose the rollback strategy"
      onSubmit={(e) => {
        e.preventDefault();
        choose.mutate({ hotfixId: h.id, strategy });
      }}
    >
      <StrategySelect label="Rollback strategy" strategies={strategies} value={strategy} onChange={setChosen} />
      <button type="submit" disabled={choose.isPending || strategy === h.rollback?.strategy}>
        {h.rollback ? 'Change strategy' : 'Choose strategy'}
      </button>
      <ErrorNotice error={choose.error} title="The rollback strategy was not recorded" />
    </form>
  );
}
