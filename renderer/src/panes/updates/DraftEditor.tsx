// The template editor: template-language source, its problems inline with line and column, and the variables it can use.
import { useId, useRef } from 'react';
import type { UpdateDraft } from '../../../../shared/ipc/updates';
import type { TemplateProblem } from '../../../../shared/updates/template';

interface Props {
  label: string;
  source: string;
  problems: readonly TemplateProblem[];
  catalogue: UpdateDraft['catalogue'];
  variables: UpdateDraft['variables'];
  onChange(source: string): void;
}

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf('\n', offset);
    if (nl < 0) return source.length;
    offset = nl + 1;
  }
  return Math.min(source.length, offset + column - 1);
}

const preview = (value: string | string[]) => (typeof value === 'string' ? value || '(empty)' : value.length === 0 ? '(none)' : `${value.length} item${value.length === 1 ? '' : 's'}`);

export function DraftEditor({ label, source, problems, catalogue, variables, onChange }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const problemsId = useId();
  const reveal = (p: TemplateProblem) => {
    const el = area.current;
    if (!el) return;
    const start = offsetOf(source, p.line, p.column);
    el.focus();
    el.setSelectionRange(start, start + Math.max(1, p.length));
  };
  return (
    <div className="draft-editor">
      <textarea
        ref={area}
        aria-label={`Template for ${label}`}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? problemsId : undefined}
        spellCheck
        value={source}
        onChange={(e) => onChange(e.target.value)}
        rows={14}
      />
      {problems.length > 0 ? (
        <ul id={problemsId} className="draft-problems" aria-label="Problems in the template">
          {problems.map((p, i) => (
            <li key={`${p.line}:${p.column}:${i}`}>
              <button type="button" className="link-button" onClick={() => reveal(p)}>
                Line {p.line}, column {p.column}
              </button>
              : {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="draft-variables">
        <summary>Variables</summary>
        <p className="draft-help">
          Write <code>{'{{name}}'}</code> to insert a value, <code>{'{{#if name}}…{{else}}…{{/if}}'}</code> to show text only when it has one,{' '}
          <code>{'\\{{'}</code> for literal braces. Lists become bullet points.
        </p>
        <dl>
          {catalogue.map((v) => (
            <div key={v.name} className="draft-variable">
              <dt>
                <code>{`{{${v.name}}}`}</code>
              </dt>
              <dd>
                {v.description} <span className="draft-variable-value">— {preview(variables[v.name] ?? '')}</span>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
