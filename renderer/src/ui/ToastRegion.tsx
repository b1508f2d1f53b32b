// Renders the toasts in a polite live region; a toast's action (Undo) runs once and then the toast goes away.
import { useEffect } from 'react';
import { useToastStore, type Toast } from './toast-store';
import './ui.css';

export function ToastRegion() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToastStore((s) => s.dismiss);
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(toast.id), toast.durationMs);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.durationMs, dismiss]);
  return (
    <div className="toast" data-testid="toast">
      <p>{toast.message}</p>
      {toast.action ? (
        <button
          type="button"
          onClick={() => {
            dismiss(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
