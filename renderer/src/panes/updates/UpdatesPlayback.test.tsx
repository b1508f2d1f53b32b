// @vitest-environment happy-dom
// Playback shows countdowns under the cadence the log recorded at that moment, before and after the commander changed it.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cockpitProjection } from '../../../../shared/playback/cockpit-projection';
import { defaultCadencePolicy, type CadencePolicy } from '../../../../shared/updates/cadence';
import { incidentLog } from '../../../../shared/updates/incident-log.test-support';
import { UpdatesPlayback } from './UpdatesPlayback';

const every15: CadencePolicy = { ...defaultCadencePolicy, SEV1: { firstWithinMinutes: 5, phases: [], thenEveryMinutes: 15, audiences: ['executives', 'customers', 'support', 'engineers'] } };

const log = incidentLog('2026-11-25T12:00:00.000Z', { title: 'Checkout latency', severity: 'SEV1', commander: 'alice', services: ['checkout'] })
  .at(0, { type: 'update.cadence_set', payload: { policy: defaultCadencePolicy, origin: 'settings' } })
  .at(4, { type: 'update.published', payload: { audience: 'executives', channel: 'clipboard', text: 'We are on it.' } })
  .at(8, { type: 'update.cadence_set', payload: { policy: every15, origin: 'commander', reason: 'SEV1 every 15 min' } });

/** The cockpit as playback folds it at `minutes` after declaration. */
const at = (minutes: number) => {
  const time = log.time(minutes).getTime();
  const projection = cockpitProjection('2026-11-25-checkout-latency');
  const state = log.events.filter((e) => Date.parse(e.ts) <= time).reduce(projection.apply, projection.initial);
  return { state, at: time };
};

describe('UpdatesPlayback', () => {
  afterEach(cleanup);

  it('shows the executive countdown under the 20-minute cadence before the change', () => {
    render(<UpdatesPlayback {...at(6)} />);
    // Published at 12:04, every 20 min → due 12:24; at 12:06 that is 18 minutes away.
    expect(screen.getByText(/next due in 18:00/)).toBeTruthy();
  });

  it('and under the commander’s 15-minute cadence after it', () => {
    render(<UpdatesPlayback {...at(10)} />);
    // Published at 12:04, every 15 min → due 12:19; at 12:10 that is 9 minutes away.
    expect(screen.getByText(/next due in 9:00/)).toBeTruthy();
  });
});
