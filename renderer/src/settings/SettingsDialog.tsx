// The one settings screen: a section per connector and service area, each mounting that domain's own settings
// component (or opening its own dialog), plus configuration import / export and diagnostics.
import { useState } from 'react';
import type { ServiceConfig } from '../../../shared/services/service-config';
import { CopyDiagnosticsButton } from '../diagnostics/CopyDiagnosticsButton';
import { ConnectorSettingsDialog } from '../panes/connectors/ConnectorSettingsDialog';
import { useJiraSettings, usePagerDutySettings } from '../panes/connectors/connector-queries';
import { MetricsSettingsDialog } from '../panes/metrics/MetricsSettingsDialog';
import { useMetricsSettings } from '../panes/metrics/metrics-queries';
import { ServiceEditorDialog } from '../panes/rollback/ServiceEditorDialog';
import { useServices } from '../panes/rollback/rollback-queries';
import { LibrarySyncPanel } from '../panes/runbooks/LibrarySyncPanel';
import { useLibraryStatus } from '../panes/runbooks/runbook-queries';
import { CadenceSettings } from '../panes/updates/CadenceSettings';
import { audienceLabels } from '../panes/updates/UpdatesPane';
import { useIncident } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TimeZoneSetting } from '../time/TimeZoneSetting';
import { IdentitySection } from '../identity/IdentitySection';
import { ConfigFileSection } from './ConfigFileSection';
import { SigningKeysSection } from './SigningKeysSection';
import { HotfixPolicySection } from './HotfixPolicySection';
import { StatusPageSection } from './StatusPageSection';
import { TeamSyncSection } from '../sync/TeamSyncSection';
import './settings.css';

type Editor = { kind: 'connectors' } | { kind: 'metrics' } | { kind: 'service'; service: ServiceConfig | undefined };

function Status({ ok, children }: { ok: boolean; children: string }) {
  return <span className={ok ? 'settings-status configured' : 'settings-status'}>{children}</span>;
}

function ConnectorsSection({ onEdit }: { onEdit: () => void }) {
  const jira = useJiraSettings();
  const pd = usePagerDutySettings();
  return (
    <section className="settings-section" aria-labelledby="settings-connectors">
      <h3 id="settings-connectors">Connectors</h3>
      <ul className="settings-list">
        <li>
          Jira Cloud <Status ok={!!jira.data?.configured}>{jira.data?.configured ? `connected to ${jira.data.siteUrl ?? ''}` : 'not configured'}</Status>
        </li>
        <li>
          PagerDuty <Status ok={!!pd.data?.configured}>{pd.data?.configured ? `as ${pd.data.fromEmail ?? ''}, ${pd.data.routingKeyNames.length} routing key(s)` : 'not configured'}</Status>
        </li>
      </ul>
      <ErrorNotice error={jira.error ?? pd.error} title="Connector settings could not be loaded" />
      <button type="button" onClick={onEdit}>
        Jira &amp; PagerDuty settings…
      </button>
    </section>
  );
}

function MetricsSection({ onEdit }: { onEdit: () => void }) {
  const metrics = useMetricsSettings();
  const servers = metrics.data?.config.prometheus ?? [];
  return (
    <section className="settings-section" aria-labelledby="settings-metrics">
      <h3 id="settings-metrics">Metrics</h3>
      <p>
        Prometheus <Status ok={servers.length > 0}>{servers.length > 0 ? servers.map((s) => s.baseUrl).join(', ') : 'not configured'}</Status> · Alertmanager{' '}
        <Status ok={!!metrics.data?.config.alertmanager}>{metrics.data?.config.alertmanager?.baseUrl ?? 'not configured'}</Status>
      </p>
      {metrics.data?.problem ? <p className="settings-problem">{metrics.data.problem}</p> : null}
      <ErrorNotice error={metrics.error} title="Metrics settings could not be loaded" />
      <button type="button" onClick={onEdit}>
        Metrics settings…
      </button>
    </section>
  );
}

function ServicesSection({ onEdit }: { onEdit: (service: ServiceConfig | undefined) => void }) {
  const services = useServices();
  return (
    <section className="settings-section" aria-labelledby="settings-services">
      <h3 id="settings-services">Services (rollback)</h3>
      {services.data?.problem ? <p className="settings-problem">{services.data.problem.message}</p> : null}
      <ul className="settings-list">
        {(services.data?.services ?? []).map((s) => (
          <li key={s.name}>
            {s.name}{' '}
            <button type="button" className="link-button" onClick={() => onEdit(s)} aria-label={`Edit service ${s.name}`}>
              Edit
            </button>
          </li>
        ))}
        {services.data && services.data.services.length === 0 ? <li>No services yet: add one to enable guarded rollback.</li> : null}
      </ul>
      <ErrorNotice error={services.error} title="Services could not be loaded" />
      <button type="button" onClick={() => onEdit(undefined)}>
        Add service…
      </button>
    </section>
  );
}

function RunbooksSection() {
  const library = useLibraryStatus();
  return (
    <section className="settings-section" aria-labelledby="settings-runbooks">
      <h3 id="settings-runbooks">Runbook library</h3>
      {library.data ? <LibrarySyncPanel status={library.data} /> : null}
      <ErrorNotice error={library.error} title="The runbook library could not be loaded" />
    </section>
  );
}

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const [editor, setEditor] = useState<Editor>();
  const back = () => setEditor(undefined);
  // A new service starts from the open incident's first declared service that has no entry yet.
  const declared = useIncident(useUiStore((st) => st.selectedIncidentId)).data?.state?.services ?? [];
  const configured = useServices().data?.services ?? [];
  const suggestedName = declared.find((d) => !configured.some((c) => c.name.toLowerCase() === d.toLowerCase()));
  // Each domain's editor is its own dialog: show it in place of this one and come back here when it closes.
  if (editor?.kind === 'connectors') return <ConnectorSettingsDialog onClose={back} />;
  if (editor?.kind === 'metrics') return <MetricsSettingsDialog onClose={back} />;
  if (editor?.kind === 'service') return <ServiceEditorDialog service={editor.service} suggestedName={suggestedName} onClose={back} />;
  return (
    <Dialog title="Settings" onClose={onClose} wide>
      <div className="settings">
        <IdentitySection />
        <TimeZoneSetting />
        <ConnectorsSection onEdit={() => setEditor({ kind: 'connectors' })} />
        <MetricsSection onEdit={() => setEditor({ kind: 'metrics' })} />
        <ServicesSection onEdit={(service) => setEditor({ kind: 'service', service })} />
        <RunbooksSection />
        <section className="settings-section" aria-labelledby="settings-cadence">
          <h3 id="settings-cadence">Stakeholder update cadence</h3>
          <CadenceSettings labels={audienceLabels} />
        </section>
        <HotfixPolicySection />
        <StatusPageSection />
        <TeamSyncSection />
        <SigningKeysSection />
        <ConfigFileSection />
        <section className="settings-section" aria-labelledby="settings-diagnostics">
          <h3 id="settings-diagnostics">Diagnostics</h3>
          <p className="settings-help">A redacted report for support: versions, configuration without secrets, recent log lines.</p>
          <CopyDiagnosticsButton />
        </section>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
