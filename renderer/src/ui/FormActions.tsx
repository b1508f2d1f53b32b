// The footer of a dialog's form: a way out (Cancel, or Close where the dialog stays useful after a submit) and the one
// primary submit button, disabled while its request runs so a double click never sends twice.
export function FormActions({ onCancel, cancelLabel = 'Cancel', submitLabel, disabled }: { onCancel: () => void; cancelLabel?: string; submitLabel: string; disabled: boolean }) {
  return (
    <div className="form-actions">
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}
