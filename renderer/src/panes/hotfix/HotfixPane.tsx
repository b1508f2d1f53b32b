// The hot-fix track pane: open a hot fix from the incident, then follow it step by step — criteria, rollback plan, change,
// rapid tests, approvals, rollout, verification, tag, Jira — with what blocks it and how to fix that. In playback it shows
// the track as it stood at the chosen moment, read-only.
import { useMemo, useState } from 'react';
import { PaneControls } from '../../cockpit/PaneControls';
import { useIncident } from '../../api/queries';
import type { PaneProps } from '../../playback/pane-moment';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useServices } from '../rollback/rollback-queries';
import { HotfixTrack } from './HotfixTrack';
import { NoServiceToFix } from './NoServiceToFix';
import { OpenHotfixForm } from './OpenHotfixForm';
import { useHotfixes } from './hotfix-queries';
import { useRollouts } from './rollout/rollout-queries';
import { stageLabels } from './hotfix-view';
import './hotfix.css';

export function HotfixPane({ incidentId, asOf }: PaneProps) {
  const readOnly = asOf !== undefined;
  const live = useHotfixes(incidentId, !readOnly);
  const services = useServices(!readOnly);
  const declared = useIncident(incidentId).data?.state?.services ?? [];
  const replayed = useMemo(() => (asOf ? [...asOf.state.hotfixes.values()] : undefined), [asOf]);
  const hotfixes = replayed ?? live.data ?? [];
  const liveRollouts = useRollouts(incidentId, !readOnly);
  const rollouts = useMemo(() => (asOf ? [...asOf.state.rollouts.values()] : (liveRollouts.data ?? [])), [asOf, liveRollouts.data]);
  const [selectedId, setSelectedId] = useState<string>();
  const [opening, setOpening] = useState(false);
  // The chosen one, else the newest still open, else the newest.
  const shown = hotfixes.find((h) => h.id === selectedId) ?? hotfixes.filter((h) => h.stage !== 'closed').at(-1) ?? hotfixes.at(-1);
  const configured = services.data?.services ?? [];
  const service = configured.find((s) => s.name === shown?.service);
  const showForm = !readOnly && (opening || hotfixes.length === 0);

  return (
    <section className="pane hotfix-pane" aria-labelledby="hotfix-title" data-pane="hotfix">
      <header className="pane-header">
        <h2 id="hotfix-title">Hot fix</h2>
        {readOnly ? <span className="pane-meta">playback — read-only</span> : shown ? <span className="pane-meta">{shown.id}</span> : null}
        <PaneControls pane="hotfix" title="Hot fix">
          {!readOnly && hotfixes.length > 0 && !opening ? (
            <button type="button" className="link-button" onClick={() => setOpening(true)}>
              Open another hot fix
            </button>
          ) : null}
        </PaneControls>
      </header>
      {!readOnly ? (
        <>
          <ErrorNotice error={live.error} title="Hot fixes could not be loaded" />
          <ErrorNotice error={services.error} title="Services could not be loaded" />
        </>
      ) : null}
      {hotfixes.length > 1 ? (
        <label className="hotfix-picker">
          Hot fix
          <select value={shown?.id ?? ''} onChange={(e) => setSelectedId(e.target.value)}>
            {hotfixes.map((h) => (
              <option key={h.id} value={h.id}>
                {h.id} — {h.service} ({stageLabels[h.stage]})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {showForm ? (
        services.data && configured.length === 0 ? (
          <NoServiceToFix declared={declared} invalid={services.data.problem !== undefined} />
        ) : (
          <OpenHotfixForm
            incidentId={incidentId}
            services={configured.map((s) => s.name)}
            declared={declared}
            onOpened={(id) => {
              setSelectedId(id);
              setOpening(false);
            }}
            onCancel={hotfixes.length > 0 ? () => setOpening(false) : undefined}
          />
        )
      ) : null}
      {readOnly && hotfixes.length === 0 ? <p className="hotfix-empty">No hot fix had been opened at this moment.</p> : null}
      {shown && !showForm ? <HotfixTrack key={shown.id} incidentId={incidentId} hotfix={shown} service={service} rollouts={rollouts.filter((r) => r.hotfixId === shown.id)} readOnly={readOnly} /> : null}
    </section>
  );
}
