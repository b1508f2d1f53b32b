// The service form's fields: name, git clone, what is deployed, rollback strategies (with the command's fields) and the
// optional health check used to verify a rollback automatically.
import type { ChangeEvent } from 'react';
import { FormField } from '../../ui/FormField';
import type { CommandDraft, ServiceDraft, ServiceField } from './service-form';

interface Props {
  draft: ServiceDraft;
  onChange: (draft: ServiceDraft) => void;
  errors: Partial<Record<ServiceField, string>>;
}

export function ServiceFormFields({ draft, onChange, errors }: Props) {
  const set = (patch: Partial<ServiceDraft>) => onChange({ ...draft, ...patch });
  const text = (key: { [K in keyof ServiceDraft]: ServiceDraft[K] extends string ? K : never }[keyof ServiceDraft]) => ({
    value: draft[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set({ [key]: e.target.value }),
  });
  const setCommand = (which: 'rollbackCommand' | 'forwardCommand', patch: Partial<CommandDraft>) => set({ [which]: { ...draft[which], ...patch } });
  const gitNeeded = draft.revert || draft.moveRef;
  // Start where the user has something to type: the clone path when the name is already known (pre-filled or editing).
  const startAtClonePath = draft.name.trim() !== '' && draft.clonePath.trim() === '';

  return (
    <>
      <FormField label="Service name" error={errors.name} hint="As named when declaring an incident, e.g. checkout">
        <input {...text('name')} required autoComplete="off" data-autofocus={startAtClonePath ? undefined : true} />
      </FormField>
      <fieldset>
        <legend>Git repository{gitNeeded ? '' : ' (optional)'}</legend>
        <FormField label="Git clone path" error={errors.clonePath} hint="Absolute path of a working clone on this computer (not a bare repository)">
          <input {...text('clonePath')} placeholder="/home/me/src/checkout" spellCheck={false} data-autofocus={startAtClonePath ? true : undefined} />
        </FormField>
        <div className="form-grid">
          <FormField label="Remote name" error={errors.remoteName}>
            <input {...text('remoteName')} spellCheck={false} />
          </FormField>
          <FormField label="Remote URL (optional)" error={errors.remoteUrl} hint="When set, a clone pointing elsewhere is refused">
            <input {...text('remoteUrl')} spellCheck={false} />
          </FormField>
        </div>
      </fieldset>
      <fieldset>
        <legend>What is deployed</legend>
        <div className="form-grid">
          <FormField label="Deployed from" error={undefined}>
            <select value={draft.deployKind} onChange={(e) => set({ deployKind: e.target.value as ServiceDraft['deployKind'] })}>
              <option value="branch">a branch</option>
              <option value="tag">a moving tag</option>
            </select>
          </FormField>
          <FormField label={draft.deployKind === 'branch' ? 'Deploy branch' : 'Deploy tag'} error={errors.deployRef}>
            <input {...text('deployRef')} placeholder={draft.deployKind === 'branch' ? 'main' : 'production'} spellCheck={false} />
          </FormField>
          <FormField label="Release tag pattern" error={errors.releaseTagPattern} hint="Finds the previous release, e.g. v*">
            <input {...text('releaseTagPattern')} spellCheck={false} />
          </FormField>
        </div>
      </fieldset>
      <fieldset aria-describedby={errors.strategies ? 'service-strategies-error' : undefined}>
        <legend>Rollback strategies</legend>
        <label className="check-row">
          <input type="checkbox" checked={draft.revert} onChange={(e) => set({ revert: e.target.checked })} />
          Revert the bad commits (pushes revert commits to the deploy branch)
        </label>
        <label className="check-row">
          <input type="checkbox" checked={draft.moveRef} onChange={(e) => set({ moveRef: e.target.checked })} />
          Move the deploy branch or tag back to a known-good commit
        </label>
        <label className="check-row">
          <input type="checkbox" checked={draft.command} onChange={(e) => set({ command: e.target.checked })} />
          Run a command (e.g. helm rollback)
        </label>
        {errors.strategies ? (
          <span className="field-error" id="service-strategies-error">
            {errors.strategies}
          </span>
        ) : null}
        {draft.command ? <CommandFields draft={draft} errors={errors} onChange={setCommand} /> : null}
        <label className="check-row">
          <input type="checkbox" checked={draft.requireApproval} onChange={(e) => set({ requireApproval: e.target.checked })} />
          Require a second person&apos;s approval before a rollback runs
        </label>
      </fieldset>
      <fieldset>
        <legend>Health check (optional)</legend>
        <FormField label="Health query (PromQL)" error={errors.healthPromql} hint="Verified automatically when metrics are set up: healthy while the value stays below the threshold">
          <input {...text('healthPromql')} placeholder='sum(rate(http_requests_total{service="checkout",code=~"5.."}[1m]))' spellCheck={false} />
        </FormField>
        <div className="form-grid">
          <FormField label="Healthy below" error={errors.healthThreshold}>
            <input {...text('healthThreshold')} inputMode="decimal" />
          </FormField>
          <FormField label="Within (seconds)" error={errors.healthWindowSeconds} hint="Default 300">
            <input {...text('healthWindowSeconds')} inputMode="numeric" />
          </FormField>
        </div>
      </fieldset>
    </>
  );
}

function CommandFields({ draft, errors, onChange }: { draft: ServiceDraft; errors: Props['errors']; onChange: (which: 'rollbackCommand' | 'forwardCommand', patch: Partial<CommandDraft>) => void }) {
  const c = draft.rollbackCommand;
  const f = draft.forwardCommand;
  return (
    <div className="command-fields">
      <div className="form-grid">
        <FormField label="Rollback command" error={errors.commandCommand}>
          <input value={c.command} onChange={(e) => onChange('rollbackCommand', { command: e.target.value })} placeholder="helm" spellCheck={false} />
        </FormField>
        <FormField label="Working directory (optional)" error={errors.commandCwd}>
          <input value={c.cwd} onChange={(e) => onChange('rollbackCommand', { cwd: e.target.value })} spellCheck={false} />
        </FormField>
        <FormField label="Timeout (seconds)" error={errors.commandTimeout} hint="Default 300">
          <input value={c.timeoutSeconds} onChange={(e) => onChange('rollbackCommand', { timeoutSeconds: e.target.value })} inputMode="numeric" />
        </FormField>
      </div>
      <FormField label="Arguments (one per line)" error={errors.commandArgs}>
        <textarea rows={3} value={c.args} onChange={(e) => onChange('rollbackCommand', { args: e.target.value })} spellCheck={false} className="code-input" />
      </FormField>
      <div className="form-grid">
        <FormField label="Roll-forward command (optional)" error={errors.forwardCommandCommand} hint="Undoes the rollback; without it there is no roll forward">
          <input value={f.command} onChange={(e) => onChange('forwardCommand', { command: e.target.value })} spellCheck={false} />
        </FormField>
        <FormField label="Roll-forward arguments (one per line)">
          <textarea rows={2} value={f.args} onChange={(e) => onChange('forwardCommand', { args: e.target.value })} spellCheck={false} className="code-input" />
        </FormField>
      </div>
    </div>
  );
}
