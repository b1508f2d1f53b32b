// The rollback strategy of a service, chosen the same way wherever a strategy is picked (planning a rollback, a hot fix's
// rollback step); a service without one says so and offers its editor.
import type { ServiceConfig, StrategyKind } from '../../../../shared/services/service-config';
import { useUiStore } from '../../state/ui-store';
import { strategyLabels } from './rollback-view';

export function StrategySelect({ label, strategies, value, onChange }: { label: string; strategies: readonly StrategyKind[]; value: StrategyKind | undefined; onChange: (k: StrategyKind) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value as StrategyKind)} disabled={strategies.length === 0}>
        {strategies.map((k) => (
          <option key={k} value={k}>
            {strategyLabels[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function NoStrategyHint({ service }: { service: ServiceConfig }) {
  const openServiceEditor = useUiStore((s) => s.openServiceEditor);
  return (
    <p className="field-hint">
      {service.name} has no rollback strategy configured —{' '}
      <button type="button" className="link-button" onClick={() => openServiceEditor({ name: service.name })}>
        Edit {service.name}
      </button>
    </p>
  );
}
