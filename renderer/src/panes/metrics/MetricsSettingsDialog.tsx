// Settings for metrics: Prometheus servers, the Alertmanager, refresh and lead-in, and the per-service panel catalogue.
import { useState, type FormEvent } from 'react';
import type { ConnectionTestResult, SettingsView } from '../../../../shared/ipc';
import type { MetricsConfigInput } from '../../../../shared/metrics/metrics-config';
import { CallError } from '../../api/client';
import { useIncident } from '../../api/queries';
import { useUiStore } from '../../state/ui-store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EndpointFields, storedHeaders, type EndpointDraft } from './EndpointFields';
import { useMetricsSettings, useSettingsMutations } from './metrics-queries';
import { PanelCatalogueEditor, type CatalogueEditorState } from './PanelCatalogueEditor';
import { catalogueFromDrafts, draftsFromCatalogue, duplicateServiceErrors, panelFieldErrors, parseCatalogueText } from './panel-catalogue-form';
import { FormActions } from '../../ui/FormActions';

interface ServerDraft extends EndpointDraft {
  id: string;
  name: string;
}

const emptyEndpoint = (): EndpointDraft => ({ baseUrl: '', auth: { type: 'none' }, headers: {}, timeoutMs: 10_000 });

function SettingsForm({ view, onClose }: { view: SettingsView; onClose: () => void }) {
  const { save, test } = useSettingsMutations();
  const config = view.config;
  const [servers, setServers] = useState<ServerDraft[]>(() =>
    config.prometheus.length > 0 ? config.prometheus.map((s) => ({ ...s })) : [{ id: 'default', name: 'Prometheus', ...emptyEndpoint() }],
  );
  const [alertmanager, setAlertmanager] = useState<(EndpointDraft & { serviceLabel: string }) | undefined>(config.alertmanager ? { ...config.alertmanager } : undefined);
  const [refreshSeconds, setRefreshSeconds] = useState(config.refreshSeconds);
  const [leadInMinutes, setLeadInMinutes] = useState(config.leadInMinutes);
  const [catalogue, setCatalogue] = useState<CatalogueEditorState>(() => ({ view: 'form', drafts: draftsFromCatalogue(config.services), text: '' }));
  const [catalogueError, setCatalogueError] = useState<string>();
  // New panel groups start from the service the open incident was declared for.
  const declared = useIncident(useUiStore((s) => s.selectedIncidentId)).data?.state?.services ?? [];
  const suggestedService = declared.find((d) => !catalogue.drafts.some((g) => g.service.toLowerCase() === d.toLowerCase()));
  const coreDetails = save.error instanceof CallError ? save.error.error.details : undefined;
  const duplicates = catalogue.view === 'form' ? duplicateServiceErrors(catalogue.drafts) : {};
  const catalogueErrors = catalogue.view === 'form' ? { ...panelFieldErrors(coreDetails, catalogue.drafts), ...duplicates } : {};
  const [results, setResults] = useState<Record<string, ConnectionTestResult>>({});
  const [testing, setTesting] = useState<string>();

  const runTest = (key: string, kind: 'prometheus' | 'alertmanager', endpoint: EndpointDraft, serverId?: string) => {
    setTesting(key);
    // Only the endpoint's own fields: the core refuses keys it does not know (a server's id and name, the service label).
    const { baseUrl, auth, headers, timeoutMs } = endpoint;
    test.mutate(
      { kind, endpoint: { baseUrl, auth, headers, timeoutMs }, ...(serverId ? { serverId } : {}) },
      {
        onSuccess: (r) => setResults((all) => ({ ...all, [key]: r })),
        onError: (e) => setResults((all) => ({ ...all, [key]: { ok: false, message: (e as Error).message } })),
        onSettled: () => setTesting(undefined),
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let services: unknown;
    if (catalogue.view === 'form') {
      if (Object.keys(duplicates).length > 0) return setCatalogueError('A service is listed twice in the panel catalogue; see the field marked below.');
      services = catalogueFromDrafts(catalogue.drafts);
    }
    else {
      const parsed = parseCatalogueText(catalogue.text);
      if ('problem' in parsed) return setCatalogueError(parsed.problem);
      services = parsed.catalogue;
    }
    setCatalogueError(undefined);
    save.mutate(
      {
        prometheus: servers.filter((s) => s.baseUrl.trim()),
        ...(alertmanager?.baseUrl.trim() ? { alertmanager } : {}),
        refreshSeconds,
        leadInMinutes,
        tailMinutes: config.tailMinutes,
        // Numbers typed as text reach the core as they are, so it names the field instead of the form guessing.
        services: services as MetricsConfigInput['services'],
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form className="form metrics-settings" onSubmit={submit} aria-label="Metrics settings">
      {view.problem ? <p className="panel-error">{view.problem}</p> : null}
      {servers.map((s, i) => {
        const update = (next: Partial<ServerDraft>) => setServers(servers.map((x, j) => (j === i ? { ...x, ...next } : x)));
        return (
          <fieldset key={i} className="settings-server">
            <legend>Prometheus server</legend>
            <div className="adhoc-row">
              <label>
                Id
                <input value={s.id} onChange={(e) => update({ id: e.target.value })} required />
              </label>
              <label>
                Name
                <input value={s.name} onChange={(e) => update({ name: e.target.value })} required />
              </label>
            </div>
            <EndpointFields
              label="Prometheus"
              draft={s}
              onChange={(d) => update(d)}
              secretStored={!!view.secretsStored[`prometheus:${s.id}`]}
              storedHeaders={storedHeaders(view.secretsStored, `prometheus:${s.id}`)}
              onTest={() => runTest(`p${i}`, 'prometheus', s, s.id)}
              testing={testing === `p${i}`}
              result={results[`p${i}`]}
            />
            {servers.length > 1 ? (
              <button type="button" className="link-button" onClick={() => setServers(servers.filter((_, j) => j !== i))}>
                Remove this server
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" className="link-button" onClick={() => setServers([...servers, { id: `prom-${servers.length + 1}`, name: 'Prometheus', ...emptyEndpoint() }])}>
        Add another Prometheus
      </button>
      <fieldset>
        <legend>Alertmanager</legend>
        {alertmanager ? (
          <>
            <EndpointFields
              label="Alertmanager"
              draft={alertmanager}
              onChange={(d) => setAlertmanager({ ...alertmanager, ...d })}
              secretStored={!!view.secretsStored.alertmanager}
              storedHeaders={storedHeaders(view.secretsStored, 'alertmanager')}
              onTest={() => runTest('am', 'alertmanager', alertmanager)}
              testing={testing === 'am'}
              result={results.am}
            />
            <label>
              Service label (matches alerts to the incident's services)
              <input value={alertmanager.serviceLabel} onChange={(e) => setAlertmanager({ ...alertmanager, serviceLabel: e.target.value })} />
            </label>
          </>
        ) : (
          <button type="button" className="link-button" onClick={() => setAlertmanager({ ...emptyEndpoint(), serviceLabel: 'service' })}>
            Connect an Alertmanager
          </button>
        )}
      </fieldset>
      <div className="adhoc-row">
        <label>
          Refresh every (s)
          <input type="number" min={2} max={300} value={refreshSeconds} onChange={(e) => setRefreshSeconds(Number(e.target.value))} />
        </label>
        <label>
          Lead-in before declaration (min)
          <input type="number" min={0} max={1440} value={leadInMinutes} onChange={(e) => setLeadInMinutes(Number(e.target.value))} />
        </label>
      </div>
      <PanelCatalogueEditor
        state={catalogue}
        onChange={setCatalogue}
        servers={servers.filter((s) => s.id.trim()).map((s) => ({ id: s.id, name: s.name }))}
        errors={catalogueErrors}
        jsonProblem={catalogueError}
        onJsonProblem={setCatalogueError}
        suggestedService={suggestedService}
      />
      <p className="field-hint">
        Saved to {view.file}; passwords and tokens are kept in the {view.secretsProtection}.
      </p>
      <ErrorNotice error={save.error} title="Settings not saved" />
      <FormActions onCancel={onClose} submitLabel="Save settings" disabled={save.isPending} />
    </form>
  );
}

export function MetricsSettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useMetricsSettings();
  return (
    <Dialog title="Metrics settings" onClose={onClose} wide>
      <ErrorNotice error={settings.error} title="Settings could not be loaded" />
      {settings.data ? <SettingsForm view={settings.data} onClose={onClose} /> : <p className="loading">Loading…</p>}
    </Dialog>
  );
}
