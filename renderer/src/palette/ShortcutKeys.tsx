// A shortcut drawn as keys: "G T" (single keys pressed one after the other) reads "G then T"; "Ctrl/⌘+K" and "Alt+O" are
// pressed together; anything else ("Page Up", "?") is one key.
const SEQUENCE = /^(\S) (\S)$/;

export function ShortcutKeys({ shortcut }: { shortcut: string }) {
  const sequence = SEQUENCE.exec(shortcut);
  if (sequence) {
    return (
      <span className="shortcut-keys">
        <kbd>{sequence[1]}</kbd> then <kbd>{sequence[2]}</kbd>
      </span>
    );
  }
  const keys = shortcut.length > 1 ? shortcut.split('+') : [shortcut];
  return (
    <span className="shortcut-keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 ? '+' : null}
          <kbd>{k}</kbd>
        </span>
      ))}
    </span>
  );
}
