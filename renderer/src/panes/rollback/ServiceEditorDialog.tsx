// Edits one service catalogue entry as JSON: saved through the core, which validates it and keeps keys it does not know.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ServiceConfig } from '../../../../shared/services/service-config';
import { CallError, getClient } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { rollbackKeys } from './rollback-queries';

export const exampleService = {
  name: 'checkout',
  git: { clonePath: '/path/to/checkout', remote: { name: 'origin' } },
  deploy: { branch: 'main', releaseTagPattern: 'v*' },
  rollback: { strategies: [{ kind: 'revert' }, { kind: 'move-ref' }] },
};

function parseEntry(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CallError({ code: 'validation', message: `Not valid JSON: ${(e as Error).message}` });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CallError({ code: 'validation', message: 'A service entry is a JSON object with at least a "name".' });
  return value as Record<string, unknown>;
}

export function ServiceEditorDialog({ service, onClose }: { service: ServiceConfig | undefined; onClose: () => void }) {
  const [text, setText] = useState(JSON.stringify(service ?? exampleService, null, 2));
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: rollbackKeys.services });
    void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
  };
  const save = useMutation({ mutationFn: () => getClient().callOrThrow('services.put', { service: parseEntry(text) }), onSuccess: () => (refresh(), onClose()) });
  const remove = useMutation({ mutationFn: (name: string) => getClient().callOrThrow('services.remove', { name }), onSuccess: () => (refresh(), onClose()) });
  return (
    <Dialog title={service ? `Edit service ${service.name}` : 'Add a service'} onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <label>
          Service entry (JSON)
          <textarea className="service-json" value={text} onChange={(e) => setText(e.target.value)} rows={16} spellCheck={false} />
        </label>
        <span className="field-hint">
          Strategies: revert, move-ref (need git + deploy), command {'{command, args, cwd, env, timeoutMs, forward?}'}, kill-switch {'{url, method, headers, body, timeoutMs, forward?}'}. Optional health{' '}
          {'{promql, threshold, windowSeconds}'}. Header and env values may use ${'{env:NAME}'}.
        </span>
        <ErrorNotice error={save.error} title="Not saved" />
        <ErrorNotice error={remove.error} title="Not removed" />
        <div className="form-actions">
          {service ? (
            <button type="button" onClick={() => remove.mutate(service.name)} disabled={remove.isPending}>
              Remove service
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
