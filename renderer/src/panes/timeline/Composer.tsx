// The timeline composer: always at the top of the timeline, full width. N or / focuses it from anywhere, Enter adds the note,
// a kind is picked with Alt+<key> or typed as a prefix ("d: roll back"), and a late report's "happened at" sits behind a
// disclosure so it never crowds the line.
import { useEffect, useId, useRef, useState } from 'react';
import type { NoteKind } from '../../../../shared/events';
import { noteKindChoices, parseNotePrefix } from '../../../../shared/timeline/note-prefix';
import { useTimeZoneStore } from '../../time/time-zone-store';
import { COMPOSER_INPUT_ID, focusComposer, keyBelongsElsewhere } from './composer-focus';

export type AddNote = (text: string, kind: NoteKind, happenedAt?: string) => Promise<unknown>;

/** The datetime-local value read in the zone the cockpit shows times in. */
function happenedAtIso(value: string, zone: 'utc' | 'local'): string | undefined {
  if (!value) return undefined;
  const ms = zone === 'utc' ? Date.parse(`${value}Z`) : new Date(value).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

export function Composer({ onAdd }: { onAdd: AddNote }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>('note');
  const [happenedAt, setHappenedAt] = useState('');
  const [sending, setSending] = useState(false);
  const zone = useTimeZoneStore((s) => s.zone);
  const hintId = useId();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const typed = parseNotePrefix(text, kind);

  // N or / from anywhere outside a field or dialog puts the cursor here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'n' || e.key === 'N' || e.key === '/') && !keyBelongsElsewhere(e) && focusComposer()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = () => {
    if (!typed.text || sending) return;
    setSending(true);
    // On failure the text stays for another try; the pane shows the error.
    onAdd(typed.text, typed.kind, happenedAtIso(happenedAt, zone)).then(
      () => {
        setText('');
        setKind('note');
        setHappenedAt('');
        if (detailsRef.current) detailsRef.current.open = false;
        setSending(false);
      },
      () => setSending(false),
    );
  };

  return (
    <form
      className="composer"
      aria-label="Add to timeline"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="composer-line">
        <select aria-label="Note kind" value={typed.kind} onChange={(e) => setKind(e.target.value as NoteKind)} disabled={typed.kind !== kind}>
          {noteKindChoices.map((c) => (
            <option key={c.kind} value={c.kind}>
              {c.label}
            </option>
          ))}
        </select>
        <input
          id={COMPOSER_INPUT_ID}
          aria-label="Quick note"
          aria-describedby={hintId}
          placeholder="What happened? Enter adds it to the timeline"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
            if (e.altKey && !e.ctrlKey && !e.metaKey) {
              const choice = noteKindChoices.find((c) => c.key === e.key.toLowerCase());
              if (choice) {
                e.preventDefault();
                setKind(choice.kind);
              }
            }
          }}
        />
        <button type="submit" className="primary" disabled={!typed.text || sending}>
          Add
        </button>
      </div>
      <div className="composer-extra">
        <span id={hintId} className="composer-hint">
          <kbd>N</kbd> or <kbd>/</kbd> to type here · <kbd>Enter</kbd> adds · kind: type <kbd>o:</kbd> <kbd>h:</kbd> <kbd>d:</kbd> <kbd>a:</kbd> or <kbd>Alt</kbd>+letter
        </span>
        <details ref={detailsRef} className="composer-when" onToggle={(e) => !e.currentTarget.open && setHappenedAt('')}>
          <summary>Happened earlier?</summary>
          <label>
            Happened at ({zone === 'utc' ? 'UTC' : 'local time'})
            <input type="datetime-local" step={1} value={happenedAt} onChange={(e) => setHappenedAt(e.target.value)} />
          </label>
        </details>
      </div>
    </form>
  );
}
