// Settings for Jira Cloud and PagerDuty: tokens are write-only here (the core only ever says whether one is stored).
import { useState, type FormEvent } from 'react';
import type { JiraSettingsView, PagerDutySettingsView } from '../../../../shared/ipc';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConnectionResult } from './ConnectionResult';
import { useConnectorSettingsMutations, useJiraSettings, usePagerDutySettings } from './connector-queries';

function JiraForm({ view }: { view: JiraSettingsView }) {
  const { saveJira, clearJira, testJira } = useConnectorSettingsMutations();
  const [siteUrl, setSiteUrl] = useState(view.siteUrl ?? '');
  const [email, setEmail] = useState(view.email ?? '');
  const [apiToken, setApiToken] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    saveJira.mutate({ siteUrl, email, ...(apiToken ? { apiToken } : {}) }, { onSuccess: () => (setApiToken(''), testJira.mutate()) });
  };
  return (
    <form className="form connector-form" onSubmit={submit} aria-label="Jira settings">
      <h3>Jira Cloud</h3>
      <label>
        Site URL
        <input value={siteUrl} onChange={(e) => setSiteUrl(e.target.value)} placeholder="https://acme.atlassian.net" required />
      </label>
      <label>
        Atlassian account email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        API token
        <input type="password" value={apiToken} onChange={(e) => setApiToken(e.target.value)} placeholder={view.tokenConfigured ? 'stored — leave empty to keep it' : 'paste from id.atlassian.com'} autoComplete="off" />
      </label>
      <ErrorNotice error={saveJira.error ?? clearJira.error ?? testJira.error} title="Jira settings" />
      <ConnectionResult report={testJira.data} />
      <div className="form-actions">
        {view.configured ? (
          <button type="button" onClick={() => clearJira.mutate()} disabled={clearJira.isPending}>
            Forget
          </button>
        ) : null}
        <button type="button" onClick={() => testJira.mutate()} disabled={!view.configured || testJira.isPending}>
          {testJira.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={saveJira.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

function PagerDutyForm({ view }: { view: PagerDutySettingsView }) {
  const { savePagerDuty, clearPagerDuty, testPagerDuty } = useConnectorSettingsMutations();
  const [fromEmail, setFromEmail] = useState(view.fromEmail ?? '');
  const [apiUrl, setApiUrl] = useState(view.apiUrl);
  const [eventsUrl, setEventsUrl] = useState(view.eventsUrl);
  const [apiToken, setApiToken] = useState('');
  const [keyName, setKeyName] = useState('');
  const [keyValue, setKeyValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const routingKeys = keyName.trim() ? { [keyName.trim()]: keyValue.trim() } : undefined;
    savePagerDuty.mutate(
      { fromEmail, apiUrl, eventsUrl, ...(apiToken ? { apiToken } : {}), ...(routingKeys ? { routingKeys } : {}) },
      { onSuccess: () => (setApiToken(''), setKeyName(''), setKeyValue(''), testPagerDuty.mutate()) },
    );
  };
  const removeKey = (name: string) => savePagerDuty.mutate({ fromEmail, apiUrl, eventsUrl, routingKeys: { [name]: '' } });
  return (
    <form className="form connector-form" onSubmit={submit} aria-label="PagerDuty settings">
      <h3>PagerDuty</h3>
      <label>
        REST API token
        <input type="password" value={apiToken} onChange={(e) => setApiToken(e.target.value)} placeholder={view.tokenConfigured ? 'stored — leave empty to keep it' : 'user or account API key'} autoComplete="off" />
      </label>
      <label>
        From email <span className="field-hint">a PagerDuty user; required by PagerDuty on every write</span>
        <input type="email" value={fromEmail} onChange={(e) => setFromEmail(e.target.value)} required />
      </label>
      <details>
        <summary>API addresses (EU accounts, proxies)</summary>
        <label>
          REST API URL
          <input value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} />
        </label>
        <label>
          Events API URL
          <input value={eventsUrl} onChange={(e) => setEventsUrl(e.target.value)} aria-describedby="pd-events-url-hint" />
          <span id="pd-events-url-hint" className="field-hint">
            With or without /v2, e.g. https://events.pagerduty.com
          </span>
        </label>
      </details>
      <fieldset className="routing-keys">
        <legend>Events v2 routing keys</legend>
        {view.routingKeyNames.length === 0 ? <p className="field-hint">None. Add one to trigger / resolve alerts from Firebreak.</p> : null}
        <ul>
          {view.routingKeyNames.map((name) => (
            <li key={name}>
              {name} <span className="field-hint">stored</span>{' '}
              <button type="button" className="link-button" onClick={() => removeKey(name)}>
                remove
              </button>
            </li>
          ))}
        </ul>
        <div className="routing-key-row">
          <input aria-label="Routing key name" value={keyName} onChange={(e) => setKeyName(e.target.value)} placeholder="name, e.g. checkout" />
          <input aria-label="Routing key" type="password" value={keyValue} onChange={(e) => setKeyValue(e.target.value)} placeholder="integration key" autoComplete="off" />
        </div>
      </fieldset>
      <ErrorNotice error={savePagerDuty.error ?? clearPagerDuty.error ?? testPagerDuty.error} title="PagerDuty settings" />
      <ConnectionResult report={testPagerDuty.data} />
      <div className="form-actions">
        {view.configured ? (
          <button type="button" onClick={() => clearPagerDuty.mutate()} disabled={clearPagerDuty.isPending}>
            Forget
          </button>
        ) : null}
        <button type="button" onClick={() => testPagerDuty.mutate()} disabled={!view.configured || testPagerDuty.isPending}>
          {testPagerDuty.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={savePagerDuty.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

export function ConnectorSettingsDialog({ onClose }: { onClose: () => void }) {
  const jira = useJiraSettings();
  const pd = usePagerDutySettings();
  return (
    <Dialog title="Connectors" onClose={onClose} wide>
      <p className="field-hint">Tokens stay in Firebreak’s main process ({jira.data?.protection ?? pd.data?.protection ?? 'encrypted'}); this window never receives them.</p>
      <ErrorNotice error={jira.error ?? pd.error} title="Settings could not be loaded" />
      {jira.data ? <JiraForm view={jira.data} /> : null}
      {pd.data ? <PagerDutyForm view={pd.data} /> : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
