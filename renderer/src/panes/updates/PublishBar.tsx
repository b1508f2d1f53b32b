// One publish action: several audiences to several channels at once, then the delivery state of each audience × channel.
import { useId, useState } from 'react';
import { audiences, type Audience, type UpdateChannel, type UpdateFormat } from '../../../../shared/events';
import type { ChannelStatus, DeliveryOutcome } from '../../../../shared/ipc/updates';

export const channelNames: Record<UpdateChannel, string> = { clipboard: 'Clipboard', markdown_file: 'Markdown file', jira: 'Jira comment', pagerduty: 'PagerDuty status update', statuspage: 'Status page' };

/** Per audience: the deliveries of what was published, or why it was not. */
export interface AudienceOutcome {
  audience: Audience;
  deliveries?: DeliveryOutcome[];
  error?: string;
}

const stateWords: Record<DeliveryOutcome['state'], string> = {
  copied: 'copied',
  downloaded: 'saved',
  queued: 'queued in the outbox',
  not_configured: 'not sent',
  failed: 'failed',
};

interface Props {
  labels: Record<Audience, string>;
  selected: readonly Audience[];
  onSelect(audiences: Audience[]): void;
  channels: readonly ChannelStatus[];
  canPublish: boolean;
  /** Why publishing is not possible yet, shown next to the button. */
  blockedReason?: string | undefined;
  busy: boolean;
  outcomes: readonly AudienceOutcome[] | undefined;
  onPublish(channels: UpdateChannel[], format: UpdateFormat): void;
}

export function PublishBar({ labels, selected, onSelect, channels, canPublish, blockedReason, busy, outcomes, onPublish }: Props) {
  const [chosen, setChosen] = useState<UpdateChannel[]>(['clipboard']);
  const [format, setFormat] = useState<UpdateFormat>('markdown');
  const [choosing, setChoosing] = useState(false);
  const toggle = (c: UpdateChannel, on: boolean) => setChosen((list) => (on ? [...list.filter((x) => x !== c), c] : list.filter((x) => x !== c)));
  const ordered = channels.map((c) => c.channel).filter((c) => chosen.includes(c));
  const count = selected.length;
  const summary = `${count ? selected.map((a) => labels[a]).join(', ') : 'No audience'} → ${ordered.length ? ordered.map((c) => channelNames[c]).join(', ') : 'no channel'}`;
  // A disabled Publish says why, next to it (not only in a tooltip).
  const blocked = blockedReason ?? (count === 0 ? 'Pick at least one audience to publish to.' : ordered.length === 0 ? 'Pick at least one channel to publish to.' : !canPublish ? 'Fix the problems in the draft first.' : undefined);
  const summaryId = useId();
  const failed = outcomes?.filter((o) => o.error || o.deliveries?.some((d) => d.state === 'failed' || d.state === 'not_configured')).length ?? 0;
  return (
    <>
      {outcomes ? <OutcomeTable outcomes={outcomes} labels={labels} /> : null}
      <form
        className="publish-bar"
        aria-label="Publish"
        onSubmit={(e) => {
          e.preventDefault();
          if (canPublish && ordered.length > 0 && count > 0) onPublish(ordered, format);
        }}
      >
        {choosing ? (
          <div className="publish-choices">
            <fieldset>
              <legend>Audiences</legend>
              {audiences.map((a) => (
                <label key={a}>
                  <input
                    type="checkbox"
                    aria-label={`Publish to ${labels[a]}`}
                    checked={selected.includes(a)}
                    onChange={(e) => onSelect(e.target.checked ? audiences.filter((x) => x === a || selected.includes(x)) : selected.filter((x) => x !== a))}
                  />
                  {labels[a]}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Channels</legend>
              {channels.map((c) => (
                <label key={c.channel} title={c.detail}>
                  <input type="checkbox" checked={chosen.includes(c.channel)} onChange={(e) => toggle(c.channel, e.target.checked)} />
                  {channelNames[c.channel]}
                  {c.configured ? null : <span className="channel-note"> (not connected: recorded as queued, nothing is sent)</span>}
                </label>
              ))}
            </fieldset>
            {chosen.includes('clipboard') ? (
              <fieldset>
                <legend>Copy as</legend>
                <label>
                  <input type="radio" name="update-format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} /> Markdown (chat)
                </label>
                <label>
                  <input type="radio" name="update-format" checked={format === 'plain'} onChange={() => setFormat('plain')} /> Plain text (email)
                </label>
              </fieldset>
            ) : null}
          </div>
        ) : null}
        <div className="publish-row">
          <button type="submit" className="primary" disabled={!!blocked || busy} aria-describedby={blocked ? summaryId : undefined}>
            {busy ? 'Publishing…' : count > 1 ? `Publish to ${count} audiences` : 'Publish update'}
          </button>
          <span className="publish-summary" data-testid="publish-summary" id={summaryId}>
            {blocked ? <span className="publish-blocked">{blocked}</span> : summary}
          </span>
          <button type="button" className="link-button" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
            {choosing ? 'Done' : 'Audiences and channels…'}
          </button>
          {outcomes && failed > 0 ? <span className="publish-blocked">{failed} not fully delivered — see the result above</span> : null}
        </div>
      </form>
    </>
  );
}

function OutcomeTable({ outcomes, labels }: { outcomes: readonly AudienceOutcome[]; labels: Record<Audience, string> }) {
  const used = [...new Set(outcomes.flatMap((o) => o.deliveries?.map((d) => d.channel) ?? []))];
  return (
    <table className="publish-outcomes" aria-label="Publish result">
      <thead>
        <tr>
          <th scope="col">Audience</th>
          {used.map((c) => (
            <th key={c} scope="col">
              {channelNames[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o) => (
          <tr key={o.audience}>
            <th scope="row">{labels[o.audience]}</th>
            {o.error ? (
              <td colSpan={Math.max(1, used.length)} className="outcome-failed">
                Not published: {o.error}
              </td>
            ) : (
              used.map((c) => {
                const d = o.deliveries?.find((x) => x.channel === c);
                return (
                  <td key={c} className={d ? `outcome-${d.state}` : undefined} title={d?.detail}>
                    {d ? `${stateWords[d.state]}${d.state === 'not_configured' || d.state === 'failed' ? ` — ${d.detail}` : ''}` : '—'}
                  </td>
                );
              })
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
