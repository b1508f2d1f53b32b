// The updates pane during review playback: what had been published to each audience by that moment, and what was due —
// read from the cockpit projection at that moment.
import { useMemo } from 'react';
import { audiences } from '../../../../shared/events';
import type { CockpitState } from '../../../../shared/playback/cockpit-projection';
import { cadenceOf, defaultCadencePolicy } from '../../../../shared/updates/cadence';
import { markdownToHtml } from '../../../../shared/markdown';
import { MarkdownHtml } from '../../ui/MarkdownHtml';
import { countdownText } from './reminders';
import { Time } from '../../time/Time';

const labels = { executives: 'Executives', customers: 'Customers', support: 'Support', engineers: 'Engineering' } as const;

export function UpdatesPlayback({ state, at }: { state: CockpitState; at: number }) {
  const { updates } = state;
  // Countdowns use the cadence the incident log recorded as in force at that moment (the shipped default only for logs
  // that never recorded one), so playback shows them as they were, not as today's settings would make them.
  const cadence = useMemo(() => cadenceOf(state.cadence, defaultCadencePolicy, new Date(at)), [state.cadence, at]);
  return (
    <section className="pane updates-pane" aria-labelledby="updates-title" data-pane="updates" data-playback="true">
      <header className="pane-header">
        <h2 id="updates-title">Stakeholder updates</h2>
        <span className="pane-meta">{updates.published} published by then</span>
      </header>
      <ul className="updates-playback">
        {audiences.map((audience) => {
          const mine = updates.byAudience[audience];
          const last = mine?.last;
          const due = cadence?.audiences.find((c) => c.audience === audience);
          const countdown = due?.dueAt ? countdownText(due.dueAt, at) : undefined;
          return (
            <li key={audience} data-audience={audience}>
              <strong>{labels[audience]}</strong> · {mine?.count ?? 0} update(s)
              {countdown ? <span className={countdown.overdue ? 'countdown countdown-overdue' : 'countdown'}> · next {countdown.text}</span> : null}
              {last ? (
                <blockquote>
                  <Time at={last.ts} /> via {last.channel}:
                  {/* Rendered by the same pipeline as the preview, so playback shows the update as it was published. */}
                  <MarkdownHtml className="markdown" html={markdownToHtml(last.text)} />
                </blockquote>
              ) : (
                <p className="field-hint">Nothing published yet.</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
