// Export all non-secret settings to one JSON file, or import such a file; problems are listed per section.
import { useRef } from 'react';
import { configSectionLabels, type ConfigSectionName } from '../../../shared/settings/config-file';
import { downloadText } from '../review/download';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useConfigTransfer } from './settings-queries';

export function ConfigFileSection() {
  const { exportConfig, importConfig } = useConfigTransfer();
  const fileInput = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    importConfig.mutate(await file.text());
    if (fileInput.current) fileInput.current.value = '';
  };
  return (
    <section className="settings-section" aria-labelledby="settings-config-file">
      <h3 id="settings-config-file">Configuration file</h3>
      <p className="settings-help">Connectors, metrics, services, runbook sync and update cadence in one JSON file — never tokens, passwords or routing keys.</p>
      <div className="settings-row">
        <button type="button" onClick={() => exportConfig.mutate(undefined, { onSuccess: ({ fileName, content }) => downloadText(fileName, content, 'application/json') })} disabled={exportConfig.isPending}>
          Export configuration
        </button>
        <label className="button-like">
          Import configuration…
          <input ref={fileInput} type="file" accept="application/json,.json" className="visually-hidden" aria-label="Import configuration file" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
      </div>
      {exportConfig.data ? (
        <p role="status" className="settings-ok">
          Exported {exportConfig.data.sections.map((s) => configSectionLabels[s as ConfigSectionName]).join(', ')} to {exportConfig.data.fileName}.
        </p>
      ) : null}
      <ErrorNotice error={exportConfig.error} title="Export failed" />
      {importConfig.data ? (
        <div role="status" className="settings-ok">
          <p>Imported {importConfig.data.applied.map((s) => configSectionLabels[s as ConfigSectionName]).join(', ')}.</p>
          {importConfig.data.notes.length > 0 ? (
            <ul>
              {importConfig.data.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ErrorNotice error={importConfig.error} title="Import refused — nothing was changed" />
    </section>
  );
}
