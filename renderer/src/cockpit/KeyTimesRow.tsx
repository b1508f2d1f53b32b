// Key incident times and the durations between them (time to acknowledge / mitigate / resolve).
import { keyDurations, type KeyTimes } from '../../../shared/incidents/key-times';
import { formatDuration } from '../../../shared/time/format-duration';
import { Time } from '../time/Time';

export function KeyTimesRow({ times }: { times: KeyTimes }) {
  const d = keyDurations(times);
  const item = (label: string, iso: string | undefined, duration: number | undefined, abbr?: string) => (
    <div className="key-time" data-key={label.toLowerCase()}>
      <dt>{label}</dt>
      <dd>
        {iso ? <Time at={iso} prefix={label} /> : <time>—</time>}
        {duration !== undefined ? <span className="key-duration" title={abbr}>{`+${formatDuration(duration)}`}</span> : null}
      </dd>
    </div>
  );
  return (
    <dl className="key-times" aria-label="Key times">
      {item('Detected', times.detected, undefined)}
      {item('Acknowledged', times.acknowledged, d.timeToAcknowledgeMs, 'time to acknowledge')}
      {item('Mitigated', times.mitigated, d.timeToMitigateMs, 'time to mitigate')}
      {item('Resolved', times.resolved, d.timeToResolveMs, 'time to resolve')}
    </dl>
  );
}
