// An accessible modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (so focus cannot
// leave it), Escape closes it through the 'cancel' event, and focus returns to where it was when it closes.
import { useEffect, useRef, type ReactNode } from 'react';
import './ui.css';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  className?: string;
  /** Hide the visible heading (the palette has its own input); the dialog keeps its accessible name. */
  hideTitle?: boolean;
}

export function Dialog({ title, onClose, children, wide, className, hideTitle }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // A form may name the field to start in (data-autofocus), e.g. the first one still empty; else the first control.
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('[autofocus], input:not([type=hidden]), select, textarea, button');
    first?.focus();
    // Esc fires 'cancel': let React decide (it unmounts us), so the dialog never closes behind the store's back.
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    // Chromium closes the dialog anyway on a repeated Esc without user activation in between; follow it.
    const onNativeClose = () => onCloseRef.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      // Only restore focus if it is still inside this dialog or lost; the caller may already have moved it on purpose.
      const active = document.activeElement;
      if (previous?.isConnected && (!active || active === document.body || dialog.contains(active))) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={[wide ? 'dialog dialog-wide' : 'dialog', className].filter(Boolean).join(' ')}
      aria-label={title}
      // A click on the backdrop lands on the <dialog> element itself (its content box is the panel).
      onMouseDown={(e) => {
        if (e.target !== e.currentTarget) return;
        const box = e.currentTarget.getBoundingClientRect();
        const outside = e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom;
        if (outside) onClose();
      }}
      onKeyDown={(e) => {
        // Nested dialogs: the innermost one handles Escape, the outer ones must not also close.
        if (e.key === 'Escape') e.stopPropagation();
        if (e.key === 'Tab') wrapFocus(e.currentTarget, e);
      }}
    >
      {hideTitle ? null : <h2>{title}</h2>}
      {children}
    </dialog>
  );
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * showModal() makes the page behind inert, but Chromium still lets Tab leave the last control for the browser's own
 * toolbar (or <body> where there is none); wrap around inside the dialog instead, as a modal should.
 */
function wrapFocus(dialog: HTMLDialogElement, e: { shiftKey: boolean; preventDefault(): void }) {
  const items = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  // Radio groups are one tab stop: only the checked radio (or the first of its group) takes part.
  const stops = items.filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && items.some((o) => o !== el && o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name && o.checked)));
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (!e.shiftKey && (active === last || !dialog.contains(active))) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && (active === first || !dialog.contains(active))) {
    e.preventDefault();
    last.focus();
  }
}
