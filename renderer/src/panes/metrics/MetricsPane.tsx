// Live metrics pane: the incident's panels (catalogue + ad-hoc) refreshed while visible, event markers, firing alerts and
// silences; in playback it shows what was captured up to the moment, never live data.
import { useState } from 'react';
import type { PaneProps } from '../../playback/pane-moment';
import { useIncident } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AdhocPanelForm } from './AdhocPanelForm';
import { AlertList } from './AlertList';
import { MetricPanelCard } from './MetricPanelCard';
import { MetricsSettingsDialog } from './MetricsSettingsDialog';
import { useMetricsMutations, useMetricsView } from './metrics-queries';
import { useElementWidth } from './use-element-width';
import './metrics.css';
import { PaneControls } from '../../cockpit/PaneControls';
import { plural } from '../../ui/plural';

export function MetricsPane({ incidentId, asOf }: PaneProps) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const chartWidth = Math.max(200, width - 24);
  const view = useMetricsView(incidentId, chartWidth, asOf?.at);
  const mutations = useMetricsMutations(incidentId);
  const [adding, setAdding] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const readOnly = asOf !== undefined;
  const declared = useIncident(incidentId).data?.state?.declaredAt;
  const data = view.data;
  const declaredAt = declared ? Date.parse(declared) : (data?.range.start ?? 0) * 1000;

  return (
    <section className="pane metrics-pane" aria-labelledby="metrics-title" data-pane="metrics" data-live={data?.live ? 'true' : 'false'}>
      <header className="pane-header">
        <h2 id="metrics-title">Live metrics</h2>
        {asOf ? <span className="pane-meta" title="Metric readings recorded in the incident log up to this moment">{plural(asOf.state.metrics.samples, 'reading')} logged by then</span> : null}
        <PaneControls pane="metrics" title="Live metrics">
          {!readOnly ? (
            <span className="row-actions">
              {data?.configured ? (
                <button type="button" className="link-button" onClick={() => setAdding(!adding)}>
                  Add panel
                </button>
              ) : null}
              <button type="button" className="link-button" onClick={() => setSettingsOpen(true)}>
                Metrics settings…
              </button>
            </span>
          ) : null}
        </PaneControls>
      </header>
      <div ref={ref} className="metrics-body">
        <ErrorNotice error={view.error} title="Metrics could not be loaded" />
        {data?.problems.map((p) => (
          <p key={p} className="panel-warning">
            {p}
          </p>
        ))}
        {data && !data.configured && data.panels.length === 0 ? (
          <div className="metrics-empty">
            <p>No Prometheus server is configured, and nothing was captured for this incident.</p>
            {!readOnly ? (
              <button type="button" className="primary" onClick={() => setSettingsOpen(true)}>
                Connect Prometheus…
              </button>
            ) : null}
          </div>
        ) : null}
        {data && data.configured && data.panels.length === 0 && !adding ? (
          <p className="panel-empty">
            {readOnly
              ? 'Nothing was captured by this moment.'
              : 'No panels for this incident’s services. Add panels to the catalogue in Metrics settings, or add an ad-hoc PromQL panel.'}
          </p>
        ) : null}
        {adding && !readOnly ? <AdhocPanelForm addPanel={mutations.addPanel} onDone={() => setAdding(false)} /> : null}
        <ErrorNotice error={mutations.removePanel.error} title="Panel not removed" />
        {data ? (
          <div className="metric-panels">
            {data.panels.map((p) => (
              <MetricPanelCard
                key={p.key}
                panel={p}
                view={data}
                width={chartWidth}
                declaredAt={declaredAt}
                onRemove={!readOnly && p.origin.kind === 'adhoc' ? () => mutations.removePanel.mutate(p.origin.kind === 'adhoc' ? p.origin.panelId : '') : undefined}
              />
            ))}
          </div>
        ) : view.isPending ? (
          <p className="loading">Loading metrics…</p>
        ) : null}
        {data && (data.alerts.configured || data.alerts.alerts.length > 0) ? <AlertList alerts={data.alerts} mutations={mutations} readOnly={readOnly} /> : null}
      </div>
      {settingsOpen ? <MetricsSettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
    </section>
  );
}
