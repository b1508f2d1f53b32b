// Guarded rollback pane: choose service and strategy → plan → typed confirmation → streamed progress → verify → result,
// with the incident's audit trail. In playback it shows the projection of the events up to the chosen moment, read-only.
import { useMemo, useState } from 'react';
import type { PaneProps } from '../../playback/pane-moment';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AuditTrail } from './AuditTrail';
import { PlanRollbackForm } from './PlanRollbackForm';
import { RollbackCard } from './RollbackCard';
import { useRollbacks, useServices } from './rollback-queries';
import { currentRollback } from './rollback-view';
import './rollback.css';
import { PaneControls } from '../../cockpit/PaneControls';
import { useIncident } from '../../api/queries';
import { useUiStore } from '../../state/ui-store';

export function RollbackPane({ incidentId, asOf }: PaneProps) {
  const readOnly = asOf !== undefined;
  // The service catalogue is live configuration: a past moment never asks for it.
  const services = useServices(!readOnly);
  const live = useRollbacks(incidentId, !readOnly);
  const replayed = useMemo(() => (asOf ? [...asOf.state.rollbacks.values()] : undefined), [asOf]);
  const rollbacks = replayed ?? live.data ?? [];
  const [selectedId, setSelectedId] = useState<string>();
  // The chosen one, else the one that needs the operator, else the newest: a finished rollback's outcome stays in view.
  const shown = rollbacks.find((r) => r.id === selectedId) ?? currentRollback(rollbacks) ?? rollbacks.at(-1);
  const configured = services.data?.services ?? [];
  const openServiceEditor = useUiStore((s) => s.openServiceEditor);
  // A new service starts from the first service the incident was declared for that has no entry yet.
  const declared = useIncident(incidentId).data?.state?.services ?? [];
  const unconfigured = declared.find((d) => !configured.some((s) => s.name.toLowerCase() === d.toLowerCase()));
  const noServices =
    services.data && !services.data.problem && configured.length === 0 ? (
      <div className="rollback-empty">
        <p>
          {/* The cockpit names no file paths; Settings shows where services.json lives. */}
          {rollbacks.length > 0 ? 'No services are configured here, so no new rollback can be planned.' : 'No services are configured, so there is nothing to roll back yet.'} Add one
          with “Add service”, or import a configuration in Settings.
        </p>
      </div>
    ) : null;

  return (
    <section className="pane rollback-pane" aria-labelledby="rollback-title" data-pane="rollback">
      <header className="pane-header">
        <h2 id="rollback-title">Rollback</h2>
        {readOnly ? <span className="pane-meta">playback — read-only</span> : null}
        <PaneControls pane="rollback" title="Rollback">
          {!readOnly && services.data && !services.data.problem ? (
            <span className="rollback-service-buttons">
              {configured.map((s) => (
                <button key={s.name} type="button" className="link-button" onClick={() => openServiceEditor({ name: s.name })}>
                  Edit {s.name}
                </button>
              ))}
              <button type="button" className="link-button" onClick={() => openServiceEditor(unconfigured ? { suggestedName: unconfigured } : {})}>
                Add service
              </button>
            </span>
          ) : null}
        </PaneControls>
      </header>
      {!readOnly ? (
        <>
          <ErrorNotice error={services.error} title="Services could not be loaded" />
          <ErrorNotice error={live.error} title="Rollbacks could not be loaded" />
          {services.data?.problem ? (
            <div className="error-notice" role="alert">
              <strong>The service catalogue is invalid</strong>
              <p>{services.data.problem.message}</p>
              <ul>
                {services.data.problem.details.slice(0, 8).map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {rollbacks.length === 0 ? noServices : null}
          {configured.length > 0 ? <PlanRollbackForm incidentId={incidentId} services={configured} declared={declared} onPlanned={setSelectedId} /> : null}
        </>
      ) : null}
      {shown ? <RollbackCard key={shown.id} incidentId={incidentId} rollback={shown} all={rollbacks} readOnly={readOnly} /> : null}
      {/* With rollbacks on record (the demo's, or one planned before the catalogue changed), they come first. */}
      {!readOnly && rollbacks.length > 0 ? noServices : null}
      <AuditTrail rollbacks={rollbacks} selectedId={shown?.id} onSelect={setSelectedId} />
    </section>
  );
}
