// Confirmation dialogs for silences: create one for an alert (matchers, duration, reason), or expire one early.
import { useState, type FormEvent } from 'react';
import type { SilenceMatcher } from '../../../../shared/events/metrics-events';
import type { ActiveAlert } from '../../../../shared/metrics/alert-reconcile';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { useMetricsMutations } from './metrics-queries';
import { FormActions } from '../../ui/FormActions';

type Mutations = ReturnType<typeof useMetricsMutations>;

/** The labels that identify the alert; volatile ones (instance ids, values) would make the silence miss its next firing. */
function defaultMatchers(alert: ActiveAlert): SilenceMatcher[] {
  const keep = ['alertname', 'service', 'job', 'severity'];
  return keep.filter((k) => alert.labels[k] !== undefined).map((name) => ({ name, value: alert.labels[name]!, isRegex: false, isEqual: true }));
}

export function CreateSilenceDialog({ alert, mutation, onClose }: { alert: ActiveAlert; mutation: Mutations['createSilence']; onClose: () => void }) {
  const [matchers, setMatchers] = useState(() => defaultMatchers(alert));
  const [minutes, setMinutes] = useState(60);
  const [comment, setComment] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { matchers, durationMinutes: minutes, comment, alertname: alert.alertname, fingerprint: alert.fingerprint, confirmed: true },
      { onSuccess: onClose },
    );
  };
  return (
    <Dialog title={`Silence ${alert.alertname}?`} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <fieldset className="silence-matchers">
          <legend>Silence alerts matching all of</legend>
          {matchers.map((m, i) => (
            <label key={m.name} className="inline-check">
              <input type="checkbox" checked onChange={() => setMatchers(matchers.filter((_, j) => j !== i))} disabled={matchers.length === 1} />
              <code>
                {m.name}="{m.value}"
              </code>
            </label>
          ))}
        </fieldset>
        <label>
          For
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {[15, 30, 60, 120, 240, 720, 1440].map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason (recorded on the timeline and in Alertmanager)
          <input value={comment} onChange={(e) => setComment(e.target.value)} required placeholder="Known cause, rollback in progress" />
        </label>
        <ErrorNotice error={mutation.error} title="Silence not created" />
        <FormActions onCancel={onClose} submitLabel="Create silence" disabled={mutation.isPending || !comment.trim()} />
      </form>
    </Dialog>
  );
}

export function ExpireSilenceDialog({ silenceId, mutation, onClose }: { silenceId: string; mutation: Mutations['expireSilence']; onClose: () => void }) {
  const [comment, setComment] = useState('');
  return (
    <Dialog title="Expire this silence now?" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ silenceId, confirmed: true, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { onSuccess: onClose });
        }}
      >
        <p>Alerts it mutes will notify again. Silence {silenceId.slice(0, 8)}.</p>
        <label>
          Note (optional)
          <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Fix verified" />
        </label>
        <ErrorNotice error={mutation.error} title="Silence not expired" />
        <FormActions onCancel={onClose} submitLabel="Expire silence" disabled={mutation.isPending} />
      </form>
    </Dialog>
  );
}
