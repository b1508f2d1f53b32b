// The panel catalogue of the metrics settings as a form: per service, its panels with title, PromQL, unit, server and
// thresholds; "Advanced (JSON)" shows the same catalogue as JSON and round-trips with the form.
import { useState } from 'react';
import { FormField } from '../../ui/FormField';
import { ViewSwitch, type EditorView } from '../../ui/ViewSwitch';
import { catalogueFromDrafts, draftsFromCatalogue, duplicateServiceErrors, emptyPanel, parseCatalogueText, panelFieldKey, type PanelDraft, type ServicePanelsDraft, type ThresholdKind } from './panel-catalogue-form';

export interface CatalogueEditorState {
  view: EditorView;
  drafts: ServicePanelsDraft[];
  text: string;
}

interface Props {
  state: CatalogueEditorState;
  onChange: (state: CatalogueEditorState) => void;
  servers: { id: string; name: string }[];
  errors: Record<string, string>;
  /** Shown when the JSON does not parse (on switching back or saving). */
  jsonProblem: string | undefined;
  onJsonProblem: (problem: string | undefined) => void;
  /** The service a new group starts with: the incident's declared service that has no panels yet. */
  suggestedService: string | undefined;
}

const kinds: { value: ThresholdKind; label: string }[] = [
  { value: 'warning', label: 'Warning' },
  { value: 'critical', label: 'Critical' },
  { value: 'slo', label: 'SLO' },
];

export function PanelCatalogueEditor({ state, onChange, servers, errors, jsonProblem, onJsonProblem, suggestedService }: Props) {
  const [focusNew, setFocusNew] = useState(false);
  const setDrafts = (drafts: ServicePanelsDraft[]) => onChange({ ...state, drafts });
  const switchTo = (view: EditorView) => {
    setFocusNew(false);
    if (view === 'json') {
      if (Object.keys(duplicateServiceErrors(state.drafts)).length > 0) return onJsonProblem('A service is listed twice: merge its panels into one group first.');
      onJsonProblem(undefined);
      return onChange({ ...state, view, text: JSON.stringify(catalogueFromDrafts(state.drafts), null, 2) });
    }
    const parsed = parseCatalogueText(state.text);
    if ('problem' in parsed) return onJsonProblem(`${parsed.problem} Fix it to go back to the form.`);
    onJsonProblem(undefined);
    onChange({ ...state, view, drafts: draftsFromCatalogue(parsed.catalogue as Parameters<typeof draftsFromCatalogue>[0]) });
  };

  return (
    <fieldset className="panel-catalogue">
      <legend>Panel catalogue</legend>
      <ViewSwitch view={state.view} onSwitch={switchTo} label="Edit the panel catalogue as" />
      {state.view === 'json' ? (
        <>
          <label>
            Panel catalogue (JSON)
            <textarea rows={10} value={state.text} onChange={(e) => onChange({ ...state, text: e.target.value })} spellCheck={false} className="code-input" aria-invalid={jsonProblem ? true : undefined} />
          </label>
          <span className="field-hint">{'{ "checkout": [{ "id", "title", "promql", "unit", "serverId"?, "thresholds": [{ "value", "label", "kind": "warning" | "critical" | "slo" }] }] }'}</span>
        </>
      ) : (
        <>
          {state.drafts.length === 0 ? <p className="field-hint">No panels yet. Panels appear in the Metrics pane of incidents declared for their service.</p> : null}
          {state.drafts.map((group, si) => (
            <ServiceGroup
              key={si}
              group={group}
              serviceIndex={si}
              servers={servers}
              errors={errors}
              autoFocus={focusNew && si === state.drafts.length - 1}
              onChange={(next) => setDrafts(state.drafts.map((g, j) => (j === si ? next : g)))}
              onRemove={() => setDrafts(state.drafts.filter((_, j) => j !== si))}
            />
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const used = new Set(state.drafts.map((d) => d.service.toLowerCase()));
              const service = suggestedService && !used.has(suggestedService.toLowerCase()) ? suggestedService : '';
              setFocusNew(true);
              setDrafts([...state.drafts, { service, panels: [emptyPanel()] }]);
            }}
          >
            Add panels for a service
          </button>
        </>
      )}
      {jsonProblem ? (
        <p className="field-error" role="alert">
          {jsonProblem}
        </p>
      ) : null}
    </fieldset>
  );
}

function ServiceGroup(props: {
  group: ServicePanelsDraft;
  serviceIndex: number;
  servers: Props['servers'];
  errors: Record<string, string>;
  autoFocus: boolean;
  onChange: (group: ServicePanelsDraft) => void;
  onRemove: () => void;
}) {
  const { group, serviceIndex: si, errors, onChange } = props;
  const setPanel = (pi: number, patch: Partial<PanelDraft>) => onChange({ ...group, panels: group.panels.map((p, j) => (j === pi ? { ...p, ...patch } : p)) });
  return (
    <div className="panel-service-group">
      <div className="form-grid">
        <FormField label="Service" error={errors[`${si}.service`]} hint="Panels show for incidents declared for this service">
          <input value={group.service} onChange={(e) => onChange({ ...group, service: e.target.value })} autoFocus={props.autoFocus} spellCheck={false} />
        </FormField>
      </div>
      {group.panels.map((panel, pi) => {
        const err = (field: string) => errors[panelFieldKey(si, pi, field)];
        const name = `${group.service || 'service'} panel ${pi + 1}`;
        return (
          <fieldset key={pi} className="panel-definition" aria-label={name}>
            <legend>{panel.title || `Panel ${pi + 1}`}</legend>
            <div className="form-grid">
              <FormField label="Title" error={err('title') ?? err('id')}>
                <input value={panel.title} onChange={(e) => setPanel(pi, { title: e.target.value })} />
              </FormField>
              <FormField label="Unit" error={err('unit')} hint="e.g. req/s, ms, %">
                <input value={panel.unit} onChange={(e) => setPanel(pi, { unit: e.target.value })} />
              </FormField>
              {props.servers.length > 1 || panel.serverId ? (
                <FormField label="Prometheus server" error={err('serverId')}>
                  <select value={panel.serverId} onChange={(e) => setPanel(pi, { serverId: e.target.value })}>
                    <option value="">The first server</option>
                    {props.servers.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name} ({s.id})
                      </option>
                    ))}
                    {panel.serverId && !props.servers.some((s) => s.id === panel.serverId) ? <option value={panel.serverId}>{panel.serverId} (not configured)</option> : null}
                  </select>
                </FormField>
              ) : null}
            </div>
            <FormField label="PromQL query" error={err('promql')}>
              <textarea rows={2} value={panel.promql} onChange={(e) => setPanel(pi, { promql: e.target.value })} spellCheck={false} className="code-input" />
            </FormField>
            <Thresholds panel={panel} errors={(ti, field) => err(`threshold.${ti}.${field}`) ?? (ti === 0 && field === 'value' ? err('thresholds') : undefined)} onChange={(thresholds) => setPanel(pi, { thresholds })} />
            <button type="button" className="link-button" onClick={() => onChange({ ...group, panels: group.panels.filter((_, j) => j !== pi) })}>
              Remove this panel
            </button>
          </fieldset>
        );
      })}
      <div className="row-actions">
        <button type="button" className="link-button" onClick={() => onChange({ ...group, panels: [...group.panels, emptyPanel()] })}>
          Add a panel{group.service ? ` for ${group.service}` : ''}
        </button>
        <button type="button" className="link-button" onClick={props.onRemove}>
          Remove {group.service || 'this service'}'s panels
        </button>
      </div>
    </div>
  );
}

function Thresholds({ panel, errors, onChange }: { panel: PanelDraft; errors: (index: number, field: string) => string | undefined; onChange: (thresholds: PanelDraft['thresholds']) => void }) {
  const set = (ti: number, patch: Partial<PanelDraft['thresholds'][number]>) => onChange(panel.thresholds.map((t, j) => (j === ti ? { ...t, ...patch } : t)));
  return (
    <div className="panel-thresholds">
      {panel.thresholds.map((t, ti) => (
        <div key={ti} className="form-grid threshold-row">
          <FormField label={`Threshold ${ti + 1} value`} error={errors(ti, 'value')}>
            <input value={t.value} onChange={(e) => set(ti, { value: e.target.value })} inputMode="decimal" />
          </FormField>
          <FormField label="Label" error={errors(ti, 'label')}>
            <input value={t.label} onChange={(e) => set(ti, { label: e.target.value })} placeholder="e.g. SLO 99.9%" />
          </FormField>
          <FormField label="Kind" error={errors(ti, 'kind')}>
            <select value={t.kind} onChange={(e) => set(ti, { kind: e.target.value as ThresholdKind })}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </FormField>
          <button type="button" className="link-button" onClick={() => onChange(panel.thresholds.filter((_, j) => j !== ti))}>
            Remove threshold {ti + 1}
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...panel.thresholds, { value: '', label: '', kind: 'warning' }])}>
        Add a threshold
      </button>
    </div>
  );
}
