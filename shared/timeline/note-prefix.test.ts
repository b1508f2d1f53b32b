import { describe, expect, it } from 'vitest';
import { parseNotePrefix } from './note-prefix';

describe('parseNotePrefix', () => {
  it('picks the kind from a short or long prefix and strips it', () => {
    expect(parseNotePrefix('d: roll back checkout', 'note')).toEqual({ kind: 'decision', text: 'roll back checkout' });
    expect(parseNotePrefix('HYP:cache stampede', 'note')).toEqual({ kind: 'hypothesis', text: 'cache stampede' });
    expect(parseNotePrefix('  observation : p99 at 4s', 'note')).toEqual({ kind: 'observation', text: 'p99 at 4s' });
    expect(parseNotePrefix('act: page the db on-call', 'note')).toEqual({ kind: 'action', text: 'page the db on-call' });
  });

  it('keeps the chosen kind and the text when the prefix is not a kind', () => {
    expect(parseNotePrefix('Root cause: bad deploy', 'observation')).toEqual({ kind: 'observation', text: 'Root cause: bad deploy' });
    expect(parseNotePrefix('see https://status.example', 'decision')).toEqual({ kind: 'decision', text: 'see https://status.example' });
  });

  it('keeps line breaks after the prefix', () => {
    expect(parseNotePrefix('d: first\nsecond', 'note')).toEqual({ kind: 'decision', text: 'first\nsecond' });
  });
});
