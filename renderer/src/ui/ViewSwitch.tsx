// The "Form" / "Advanced (JSON)" switch of a settings editor: two tabs; switching is the caller's job (it may refuse, e.g.
// while the JSON does not parse, and say why).
export type EditorView = 'form' | 'json';

export function ViewSwitch({ view, onSwitch, label }: { view: EditorView; onSwitch: (view: EditorView) => void; label: string }) {
  const tab = (value: EditorView, text: string) => (
    <button type="button" role="tab" aria-selected={view === value} onClick={() => view !== value && onSwitch(value)}>
      {text}
    </button>
  );
  return (
    <div className="view-switch" role="tablist" aria-label={label}>
      {tab('form', 'Form')}
      {tab('json', 'Advanced (JSON)')}
    </div>
  );
}
