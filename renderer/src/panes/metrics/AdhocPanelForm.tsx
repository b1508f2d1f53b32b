// Types an ad-hoc PromQL panel into the incident; Prometheus's own error shows here if it rejects the query.
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { useMetricsMutations } from './metrics-queries';

export function AdhocPanelForm({ addPanel, onDone }: { addPanel: ReturnType<typeof useMetricsMutations>['addPanel']; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [promql, setPromql] = useState('');
  const [unit, setUnit] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    addPanel.mutate({ title: title.trim() || promql.trim().slice(0, 60), promql, unit }, { onSuccess: onDone });
  };
  return (
    <form className="form adhoc-form" onSubmit={submit} aria-label="Add a PromQL panel">
      <label>
        PromQL
        <textarea value={promql} onChange={(e) => setPromql(e.target.value)} rows={2} required placeholder='sum(rate(http_requests_total{code=~"5.."}[5m]))' />
      </label>
      <div className="adhoc-row">
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="5xx rate" />
        </label>
        <label>
          Unit
          <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="req/s" size={6} />
        </label>
      </div>
      <ErrorNotice error={addPanel.error} title="Panel not added" />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={addPanel.isPending || !promql.trim()}>
          {addPanel.isPending ? 'Checking query…' : 'Add panel'}
        </button>
      </div>
    </form>
  );
}
