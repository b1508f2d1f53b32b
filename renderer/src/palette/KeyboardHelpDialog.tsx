// The '?' dialog: every keyboard shortcut, grouped by where it applies (keyboard-shortcuts.ts).
import { Dialog } from '../ui/Dialog';
import { keyboardShortcuts } from './keyboard-shortcuts';
import { ShortcutKeys } from './ShortcutKeys';

export function KeyboardHelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcut-sections">
        {keyboardShortcuts.map((section) => (
          <section key={section.title} aria-labelledby={`shortcuts-${section.title}`}>
            <h3 id={`shortcuts-${section.title}`}>{section.title}</h3>
            <dl className="shortcut-list">
              {section.shortcuts.map((s) => (
                <div key={`${s.keys.join()}-${s.what}`}>
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 ? 'or ' : null}
                        <ShortcutKeys shortcut={k} />
                      </span>
                    ))}
                  </dt>
                  <dd>{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
