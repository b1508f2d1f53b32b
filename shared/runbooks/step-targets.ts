// What a runbook step's action points at, read from the step's own words: "Tell customers …" drafts the customers'
// update. Runbooks stay plain Markdown; an audience named in the text is enough, no extra marker syntax.
import type { Audience } from '../events';

const audienceWords: [Audience, RegExp][] = [
  ['executives', /\b(executives?|execs?|leadership|management|stakeholders? exec)/i],
  ['customers', /\b(customers?|users?|status ?page|public)\b/i],
  ['support', /\b(support|customer service|help ?desk)\b/i],
  ['engineers', /\b(engineers?|engineering|on-?call|developers?)\b/i],
];

/** The audience a step names, the first one named when it names several; undefined when it names none. */
export function audienceNamedIn(stepText: string): Audience | undefined {
  let best: { audience: Audience; at: number } | undefined;
  for (const [audience, words] of audienceWords) {
    const match = words.exec(stepText);
    if (match && (!best || match.index < best.at)) best = { audience, at: match.index };
  }
  return best?.audience;
}

/** The service a rollback step should start from: the first of the incident's services that has a catalogue entry. */
export function serviceForRollback(incidentServices: readonly string[], configured: readonly string[]): string | undefined {
  const known = new Map(configured.map((name) => [name.toLowerCase(), name]));
  for (const name of incidentServices) {
    const found = known.get(name.toLowerCase());
    if (found) return found;
  }
  return undefined;
}
