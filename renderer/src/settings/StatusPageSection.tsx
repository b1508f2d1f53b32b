// Settings → Status page: what the public page is called and where Firebreak writes it (a folder, or a branch of a git remote).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { StatusPageSettingsInput } from '../../../shared/status-page/status-page-model';
import { getClient } from '../api/client';
import { ErrorNotice } from '../ui/ErrorNotice';

export const statusPageKey = ['status-page', 'settings'] as const;

interface Form {
  title: string;
  publicUrl: string;
  components: string;
  kind: 'folder' | 'git';
  path: string;
  remoteUrl: string;
  branch: string;
}

const empty: Form = { title: 'Service status', publicUrl: '', components: '', kind: 'folder', path: '', remoteUrl: '', branch: 'gh-pages' };

function toInput(form: Form): StatusPageSettingsInput {
  return {
    title: form.title,
    ...(form.publicUrl.trim() ? { publicUrl: form.publicUrl.trim() } : {}),
    components: form.components.split(',').map((c) => c.trim()).filter(Boolean),
    target: form.kind === 'folder' ? { kind: 'folder', path: form.path } : { kind: 'git', remoteUrl: form.remoteUrl, branch: form.branch },
  };
}

export function StatusPageSection() {
  const qc = useQueryClient();
  const current = useQuery({ queryKey: statusPageKey, queryFn: () => getClient().callOrThrow('statusPage.settings.get', {}) });
  const [form, setForm] = useState<Form>(empty);
  const saved = current.data?.settings;
  useEffect(() => {
    if (!saved) return;
    setForm({
      title: saved.title,
      publicUrl: saved.publicUrl ?? '',
      components: saved.components.join(', '),
      kind: saved.target.kind,
      path: saved.target.kind === 'folder' ? saved.target.path : '',
      remoteUrl: saved.target.kind === 'git' ? saved.target.remoteUrl : '',
      branch: saved.target.kind === 'git' ? saved.target.branch : 'gh-pages',
    });
  }, [saved]);
  const save = useMutation({
    mutationFn: (input: StatusPageSettingsInput) => getClient().callOrThrow('statusPage.settings.save', input),
    // Every customers draft lists the status page channel, configured or not: refresh them all.
    onSuccess: () => void qc.invalidateQueries(),
  });
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const where = saved
    ? saved.target.kind === 'folder'
      ? `written to ${saved.target.path}`
      : `pushed to ${saved.target.branch} of ${saved.target.remoteUrl}`
    : current.isPending
      ? 'loading…'
      : 'not set up';
  return (
    <section className="settings-section" aria-labelledby="settings-status-page">
      <h3 id="settings-status-page">Public status page</h3>
      <p className="settings-help">
        Customers updates published with the “Status page” channel become a static page (index.html, an Atom feed and summary.json) that any static host can
        serve. Only customers updates ever reach it.
      </p>
      <p className="status-page-where">
        Currently: <span className={saved ? 'settings-status configured' : 'settings-status'}>{where}</span>
      </p>
      {current.data?.problem ? <p className="settings-problem">{current.data.problem}</p> : null}
      <ErrorNotice error={current.error} title="Status page settings could not be loaded" />
      <form
        className="status-page-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(toInput(form));
        }}
      >
        <label>
          Page title
          <input value={form.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label>
          Public address (optional)
          <input value={form.publicUrl} placeholder="https://status.example.com" onChange={(e) => set({ publicUrl: e.target.value })} />
        </label>
        <label className="status-page-wide">
          Components (optional, comma-separated; the service catalogue when empty)
          <input value={form.components} placeholder="checkout, payments, search" onChange={(e) => set({ components: e.target.value })} />
        </label>
        <fieldset className="status-page-wide">
          <legend>Write the page to</legend>
          <label className="inline">
            <input type="radio" name="status-page-target" checked={form.kind === 'folder'} onChange={() => set({ kind: 'folder' })} /> A folder
          </label>
          <label className="inline">
            <input type="radio" name="status-page-target" checked={form.kind === 'git'} onChange={() => set({ kind: 'git' })} /> A git repository (commit and push)
          </label>
        </fieldset>
        {form.kind === 'folder' ? (
          <label className="status-page-wide">
            Folder (absolute path)
            <input value={form.path} placeholder="/srv/www/status" onChange={(e) => set({ path: e.target.value })} />
          </label>
        ) : (
          <>
            <label>
              Git remote
              <input value={form.remoteUrl} placeholder="git@github.com:acme/status.git" onChange={(e) => set({ remoteUrl: e.target.value })} />
            </label>
            <label>
              Branch
              <input value={form.branch} onChange={(e) => set({ branch: e.target.value })} />
            </label>
          </>
        )}
        <div className="status-page-wide settings-row">
          <button type="submit" disabled={save.isPending}>
            Save status page settings
          </button>
        </div>
      </form>
      {save.isSuccess && !save.isPending ? (
        <p role="status" className="settings-ok">
          Saved. The next customers update sent to the status page is {save.data.settings?.target.kind === 'git' ? 'committed and pushed' : 'written'} there.
        </p>
      ) : null}
      <ErrorNotice error={save.error} title="Status page settings not saved" />
    </section>
  );
}
