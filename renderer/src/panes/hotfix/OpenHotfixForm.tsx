// Opens a hot fix: the service, the symptom it fixes and the intended minimal change. The core names it and checks the criteria.
import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useHotfixCall } from './hotfix-queries';

interface Props {
  incidentId: string;
  services: readonly string[];
  declared: readonly string[];
  onOpened: (hotfixId: string) => void;
  onCancel?: (() => void) | undefined;
}

export function OpenHotfixForm({ incidentId, services, declared, onOpened, onCancel }: Props) {
  const preferred = declared.find((d) => services.includes(d)) ?? services[0] ?? '';
  const [service, setService] = useState<string>();
  const [symptom, setSymptom] = useState('');
  const [change, setChange] = useState('');
  const open = useHotfixCall(incidentId, 'hotfix.open');
  return (
    <form
      className="hotfix-form"
      aria-label="Open a hot fix"
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate({ service: service ?? preferred, symptom, intendedChange: change }, { onSuccess: (h) => onOpened(h.id) });
      }}
    >
      <label>
        Service
        <select value={service ?? preferred} onChange={(e) => setService(e.target.value)}>
          {services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Symptom it fixes
        <input value={symptom} onChange={(e) => setSymptom(e.target.value)} placeholder="e.g. checkouts time out after 30 s" />
      </label>
      <label>
        Intended minimal change
        <input value={change} onChange={(e) => setChange(e.target.value)} placeholder="e.g. lower the payment timeout to 10 s" />
      </label>
      <ErrorNotice error={open.error} title="The hot fix was not opened" />
      <div className="hotfix-actions">
        <button type="submit" disabled={open.isPending || !(service ?? preferred)}>
          Open hot fix
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
