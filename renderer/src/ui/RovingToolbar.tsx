// A toolbar that is one tab stop (WAI-ARIA APG toolbar pattern): Tab lands on the last-used button, Left/Right (and
// Home/End) move between its buttons. Used for each pane's collapse / maximise controls, so crossing the cockpit with Tab
// costs one stop per pane header instead of one per button.
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const BUTTONS = 'button:not([disabled])';

export function RovingToolbar({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [active, setActive] = useState(0);
  const buttons = () => [...(ref.current?.querySelectorAll<HTMLElement>(BUTTONS) ?? [])];

  // After every render (the buttons may have changed): exactly one is tabbable, the remembered one or else the first.
  useLayoutEffect(() => {
    const all = buttons();
    const stop = all[active] ? active : 0;
    all.forEach((b, i) => (b.tabIndex = i === stop ? 0 : -1));
  });

  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    const all = buttons();
    const at = all.indexOf(e.target as HTMLElement);
    if (at < 0 || e.ctrlKey || e.metaKey || e.altKey) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = (to + all.length) % all.length;
    all.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    all[next]?.focus();
    setActive(next);
  };

  return (
    <span
      ref={ref}
      role="toolbar"
      aria-label={label}
      className={className}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const at = buttons().indexOf(e.target as HTMLElement);
        if (at >= 0 && at !== active) setActive(at);
      }}
    >
      {children}
    </span>
  );
}
