// Jira & PagerDuty pane: linked PagerDuty incident and Jira issues with their actions, and the outbox of writes to them.
// In playback it shows the links and outbox as projected from the events up to that moment, read-only.
import { useMemo, useState } from 'react';
import { outboxItems } from '../../../../shared/playback/cockpit-projection';
import type { PaneProps } from '../../playback/pane-moment';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConnectorSettingsDialog } from './ConnectorSettingsDialog';
import { JiraSection } from './JiraSection';
import { OutboxList } from './OutboxList';
import { PagerDutyIncidentsDialog } from './PagerDutyIncidentsDialog';
import { PagerDutySection } from './PagerDutySection';
import { useJiraSettings, useLinkedJira, useLinkedPagerDuty, useOutbox, usePagerDutySettings } from './connector-queries';
import './connectors.css';
import { PaneControls } from '../../cockpit/PaneControls';

export function ConnectorsPane({ incidentId, asOf }: PaneProps) {
  const readOnly = asOf !== undefined;
  // Settings are live configuration: a past moment (playback, a review bundle) shows what was recorded and never asks for them.
  const jiraSettings = useJiraSettings(!readOnly);
  const pdSettings = usePagerDutySettings(!readOnly);
  const linkedJira = useLinkedJira(incidentId, !readOnly);
  const linkedPd = useLinkedPagerDuty(incidentId, !readOnly);
  const outbox = useOutbox(incidentId, !readOnly);
  const [dialog, setDialog] = useState<'settings' | 'pagerduty'>();
  const past = useMemo(() => (asOf ? { links: asOf.state.links, outbox: outboxItems(asOf.state) } : undefined), [asOf]);

  const jiraConfigured = jiraSettings.data?.configured === true;
  const pdConfigured = pdSettings.data?.configured === true;
  const issues = past ? past.links.jiraIssues : (linkedJira.data ?? []);
  const pdLive = linkedPd.data;
  const pd = past
    ? past.links.pagerDuty
    : pdLive
      ? {
          pdIncidentId: pdLive.id,
          title: pdLive.title ?? pdLive.id,
          status: pdLive.status ?? 'triggered',
          ...(pdLive.number !== undefined ? { number: pdLive.number } : {}),
          ...(pdLive.url ? { url: pdLive.url } : {}),
          ...(pdLive.serviceName ? { serviceName: pdLive.serviceName } : {}),
        }
      : undefined;
  const items = past ? past.outbox : (outbox.data ?? []);

  return (
    <section className="pane connectors-pane" aria-labelledby="connectors-title" data-pane="connectors">
      <header className="pane-header">
        <h2 id="connectors-title">Jira &amp; PagerDuty</h2>
        {readOnly ? <span className="pane-meta">as recorded at this moment</span> : null}
        <PaneControls pane="connectors" title="Jira and PagerDuty">
          {!readOnly ? (
            <span className="row-actions">
              {pdConfigured ? (
                <button type="button" className="link-button" onClick={() => setDialog('pagerduty')}>
                  PagerDuty incidents…
                </button>
              ) : null}
              <button type="button" className="link-button" onClick={() => setDialog('settings')}>
                Connectors…
              </button>
            </span>
          ) : null}
        </PaneControls>
      </header>
      <ErrorNotice error={jiraSettings.error ?? pdSettings.error ?? linkedJira.error ?? linkedPd.error ?? outbox.error} title="Connectors" />
      {!readOnly && jiraSettings.data && pdSettings.data && !jiraConfigured && !pdConfigured ? (
        <div className="connectors-empty">
          <p>Jira and PagerDuty are not configured. Writes you queue are kept in the incident log and sent once they are.</p>
          <button type="button" className="primary" onClick={() => setDialog('settings')}>
            Set up connectors…
          </button>
        </div>
      ) : null}
      <h3 className="connector-heading">PagerDuty</h3>
      <PagerDutySection incidentId={incidentId} linked={pd} readOnly={readOnly || !pdConfigured} routingKeyNames={pdSettings.data?.routingKeyNames ?? []} />
      <h3 className="connector-heading">Jira</h3>
      {jiraConfigured || readOnly || issues.length > 0 ? <JiraSection incidentId={incidentId} issues={issues} readOnly={readOnly || !jiraConfigured} /> : <p className="field-hint">Jira is not configured.</p>}
      <h3 className="connector-heading">Outbox</h3>
      <OutboxList incidentId={incidentId} items={items} readOnly={readOnly} />
      {dialog === 'settings' ? <ConnectorSettingsDialog onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'pagerduty' ? <PagerDutyIncidentsDialog incidentId={incidentId} canLink={!pd} onClose={() => setDialog(undefined)} /> : null}
    </section>
  );
}
