// UI-only store of the toasts on screen (undo offers, short confirmations); each toast dismisses itself after its time.
import { create } from 'zustand';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
  /** How long the toast (and its action) stays offered. */
  durationMs: number;
}

/** Long enough to notice a slip and press Undo, short enough not to linger over the cockpit. */
export const UNDO_WINDOW_MS = 8000;

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id' | 'durationMs'> & { durationMs?: number }): number;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-2), { durationMs: UNDO_WINDOW_MS, ...toast, id }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
