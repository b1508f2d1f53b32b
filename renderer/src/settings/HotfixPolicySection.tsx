// Settings → Hot fixes: the team's hot-fix policy — id pattern, criteria, approvals per severity with the CAB list, and the
// minimal-change thresholds. Saved to the data folder (written atomically); a broken file is reported and defaults apply.
import { useEffect, useState } from 'react';
import type { HotfixPolicy } from '../../../shared/hotfix/hotfix-policy';
import { severities, type Severity } from '../../../shared/incidents/severity';
import { useHotfixPolicy, useSavePolicy } from '../panes/hotfix/hotfix-queries';
import { ErrorNotice } from '../ui/ErrorNotice';

const numberOr = (text: string, fallback: number) => (text.trim() === '' || Number.isNaN(Number(text)) ? fallback : Number(text));

export function HotfixPolicySection() {
  const current = useHotfixPolicy();
  const save = useSavePolicy();
  const [form, setForm] = useState<HotfixPolicy>();
  const [cab, setCab] = useState('');
  const saved = current.data?.policy;
  useEffect(() => {
    if (!saved) return;
    setForm(saved);
    setCab(saved.cab.join(', '));
  }, [saved]);
  if (!form) return <ErrorNotice error={current.error} title="The hot-fix policy could not be loaded" />;
  const setRule = (sev: Severity, patch: Partial<HotfixPolicy['approvals'][Severity]>) => setForm({ ...form, approvals: { ...form.approvals, [sev]: { ...form.approvals[sev], ...patch } } });
  const setThreshold = (key: keyof HotfixPolicy['thresholds'], text: string) => setForm({ ...form, thresholds: { ...form.thresholds, [key]: numberOr(text, Number.NaN) } });
  return (
    <section className="settings-section" aria-labelledby="settings-hotfix">
      <h3 id="settings-hotfix">Hot fixes</h3>
      <p className="settings-help">Which incidents qualify for a hot fix, how hot fixes are named, who approves them and how small the change must stay.</p>
      {current.data?.problem ? <p className="settings-problem">{current.data.problem}</p> : null}
      <form
        className="hotfix-policy-form"
        aria-label="Hot-fix policy"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ policy: { ...form, cab: cab.split(',').map((c) => c.trim()).filter(Boolean) } });
        }}
      >
        <label>
          Identifier pattern (&lt;yyyymmdd&gt; is the date, &lt;n&gt; the running number)
          <input value={form.idPattern} onChange={(e) => setForm({ ...form, idPattern: e.target.value })} />
        </label>
        <fieldset>
          <legend>Criteria: severities a hot fix is meant for</legend>
          {severities.map((sev) => (
            <label key={sev} className="inline-check">
              <input
                type="checkbox"
                checked={form.criteria.severities.includes(sev)}
                onChange={(e) => setForm({ ...form, criteria: { ...form.criteria, severities: e.target.checked ? [...form.criteria.severities, sev].sort() : form.criteria.severities.filter((s) => s !== sev) } })}
              />
              {sev}
            </label>
          ))}
          <label className="inline-check">
            <input type="checkbox" checked={form.criteria.requireCustomerImpact} onChange={(e) => setForm({ ...form, criteria: { ...form.criteria, requireCustomerImpact: e.target.checked } })} />
            Customer impact must be stated
          </label>
        </fieldset>
        <fieldset>
          <legend>Approvals per severity</legend>
          {severities.map((sev) => (
            <div key={sev} className="hotfix-policy-row">
              <label>
                {sev} approvers
                <input type="number" min={0} max={5} value={form.approvals[sev].approvers} onChange={(e) => setRule(sev, { approvers: numberOr(e.target.value, 0) })} />
              </label>
              <label className="inline-check">
                <input type="checkbox" checked={form.approvals[sev].cabOnly} onChange={(e) => setRule(sev, { cabOnly: e.target.checked })} />
                {sev}: CAB members only
              </label>
            </div>
          ))}
          <label>
            CAB list (names, separated by commas)
            <input value={cab} onChange={(e) => setCab(e.target.value)} placeholder="e.g. Omar, Lea" />
          </label>
        </fieldset>
        <fieldset>
          <legend>Minimal-change thresholds</legend>
          <div className="hotfix-policy-row">
            <label>
              Files at most
              <input type="number" min={1} value={Number.isNaN(form.thresholds.maxFiles) ? '' : form.thresholds.maxFiles} onChange={(e) => setThreshold('maxFiles', e.target.value)} />
            </label>
            <label>
              Lines at most
              <input type="number" min={1} value={Number.isNaN(form.thresholds.maxLines) ? '' : form.thresholds.maxLines} onChange={(e) => setThreshold('maxLines', e.target.value)} />
            </label>
            <label>
              Modules at most
              <input type="number" min={1} value={Number.isNaN(form.thresholds.maxModules) ? '' : form.thresholds.maxModules} onChange={(e) => setThreshold('maxModules', e.target.value)} />
            </label>
          </div>
        </fieldset>
        <ErrorNotice error={save.error} title="The hot-fix policy was not saved" />
        <div>
          <button type="submit" disabled={save.isPending}>
            Save hot-fix policy
          </button>
          {save.isSuccess && !save.isPending ? <span className="settings-status configured"> Saved</span> : null}
        </div>
      </form>
    </section>
  );
}
