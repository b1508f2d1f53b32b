// The inline form under a step for the one thing being added to it: a skip reason, an owner, or a note.
import { useState } from 'react';

export type StepDetailKind = 'skip' | 'assign' | 'note';

const labels: Record<StepDetailKind, { field: string; submit: string; placeholder: string }> = {
  skip: { field: 'Reason for skipping', submit: 'Skip step', placeholder: 'Why this step does not apply…' },
  assign: { field: 'Owner', submit: 'Assign', placeholder: 'Who owns this step' },
  note: { field: 'Step note', submit: 'Add note', placeholder: 'What was found or done…' },
};

export function StepDetailForm({
  kind,
  initial,
  pending,
  onSubmit,
  onCancel,
}: {
  kind: StepDetailKind;
  initial?: string;
  pending: boolean;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial ?? '');
  const text = labels[kind];
  return (
    <form
      className="step-detail-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSubmit(value.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <input aria-label={text.field} placeholder={text.placeholder} value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="primary" disabled={pending || !value.trim()}>
        {text.submit}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
