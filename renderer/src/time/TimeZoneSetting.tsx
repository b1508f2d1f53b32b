// Settings section: show every time in UTC or in this computer's zone (the palette has the same switch).
import { useId } from 'react';
import { zoneLabel } from '../../../shared/time/format-time';
import { useTimeZoneStore } from './time-zone-store';

export function TimeZoneSetting() {
  const { zone, setZone } = useTimeZoneStore();
  const id = useId();
  const local = zoneLabel(Date.now(), { zone: 'local' });
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>Times</h3>
      <div role="radiogroup" aria-labelledby={id} className="zone-choice">
        <label className="inline-check">
          <input type="radio" name="time-zone" checked={zone === 'utc'} onChange={() => setZone('utc')} /> UTC
        </label>
        <label className="inline-check">
          <input type="radio" name="time-zone" checked={zone === 'local'} onChange={() => setZone('local')} /> This computer’s time ({local})
        </label>
      </div>
      <p className="settings-help">Every time in the cockpit is shown in this zone with the zone named; hover a time to see both.</p>
    </section>
  );
}
