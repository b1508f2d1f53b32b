// Quick note entry: Enter adds a note now; an optional kind and "happened at" time record late reports with both times kept.
import { useState } from 'react';
import type { NoteKind } from '../../../../shared/events';
import { NOTE_COMPOSER_ID } from '../../ui/focus-composer';

const kinds: NoteKind[] = ['note', 'observation', 'hypothesis', 'decision', 'action'];

export function NoteBox({ onAdd }: { onAdd: (text: string, kind: NoteKind, happenedAt?: string) => Promise<unknown> }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>('note');
  const [happenedAt, setHappenedAt] = useState('');
  return (
    <form
      className="quick-note"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        const when = happenedAt ? new Date(happenedAt).toISOString() : undefined;
        void onAdd(text, kind, when).then(() => {
          setText('');
          setHappenedAt('');
        });
      }}
    >
      <input id={NOTE_COMPOSER_ID} aria-label="Quick note" placeholder="Add a note and press Enter…" value={text} onChange={(e) => setText(e.target.value)} />
      <select aria-label="Note kind" value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
        {kinds.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <input type="datetime-local" step={1} aria-label="Happened at" title="When it happened, if earlier than now" value={happenedAt} onChange={(e) => setHappenedAt(e.target.value)} />
    </form>
  );
}
