// Publish controls: clipboard (Markdown or plain text) and queued Jira/PagerDuty deliveries, with honest outcomes.
import { useId, useState } from 'react';
import type { UpdateChannel, UpdateFormat } from '../../../../shared/events';
import type { ChannelStatus, DeliveryOutcome } from '../../../../shared/ipc/updates';

const channelNames: Record<UpdateChannel, string> = { clipboard: 'Clipboard', jira: 'Jira comment', pagerduty: 'PagerDuty status update', statuspage: 'Status page' };

interface Props {
  channels: readonly ChannelStatus[];
  canPublish: boolean;
  busy: boolean;
  outcomes: readonly DeliveryOutcome[] | undefined;
  onPublish(channels: UpdateChannel[], format: UpdateFormat): void;
}

export function PublishControls({ channels, canPublish, busy, outcomes, onPublish }: Props) {
  const [chosen, setChosen] = useState<UpdateChannel[]>(['clipboard']);
  const [format, setFormat] = useState<UpdateFormat>('markdown');
  const toggle = (c: UpdateChannel, on: boolean) => setChosen((list) => (on ? [...list.filter((x) => x !== c), c] : list.filter((x) => x !== c)));
  const ordered = channels.map((c) => c.channel).filter((c) => chosen.includes(c));
  // A disabled Publish says why, next to it (not only in a tooltip).
  const blocked = !canPublish ? 'Fix the problems in the draft first.' : ordered.length === 0 ? 'Pick at least one channel to publish to.' : undefined;
  const blockedId = useId();
  return (
    <form
      className="publish-controls"
      onSubmit={(e) => {
        e.preventDefault();
        if (canPublish && ordered.length > 0) onPublish(ordered, format);
      }}
    >
      <fieldset>
        <legend>Publish to</legend>
        {channels.map((c) => (
          <label key={c.channel} className="publish-channel" title={c.detail}>
            <input type="checkbox" checked={chosen.includes(c.channel)} onChange={(e) => toggle(c.channel, e.target.checked)} />
            {channelNames[c.channel]}
            {c.configured ? null : <span className="channel-note"> — {c.detail} Publishing records it as queued; nothing is sent.</span>}
          </label>
        ))}
      </fieldset>
      {chosen.includes('clipboard') ? (
        <fieldset className="publish-format">
          <legend>Copy as</legend>
          <label>
            <input type="radio" name="update-format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} /> Markdown (chat)
          </label>
          <label>
            <input type="radio" name="update-format" checked={format === 'plain'} onChange={() => setFormat('plain')} /> Plain text (email)
          </label>
        </fieldset>
      ) : null}
      <button type="submit" className="primary" disabled={!!blocked || busy} aria-describedby={blocked ? blockedId : undefined}>
        {busy ? 'Publishing…' : 'Publish update'}
      </button>
      {blocked ? (
        <span className="field-hint" id={blockedId}>
          {blocked}
        </span>
      ) : null}
      {outcomes ? (
        <ul className="publish-outcomes" role="status" aria-label="Publish result">
          {outcomes.map((o) => (
            <li key={o.channel} className={`outcome-${o.state}`}>
              <strong>{channelNames[o.channel]}:</strong> {o.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
