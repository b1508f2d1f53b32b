import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../events';
import { currentStatusConflict } from './status-conflict';

let seq = 0;
const change = (from: string, to: string, actor: string): IncidentEvent =>
  ({ v: 1, seq: ++seq, ts: `2026-12-02T10:4${seq}:00.000Z`, actor, type: 'incident.status_changed', payload: { from, to } }) as IncidentEvent;

describe('current status conflict', () => {
  it('names the change that stands and the concurrent one it overrode', () => {
    const conflict = currentStatusConflict([change('investigating', 'identified', 'ana'), change('investigating', 'monitoring', 'ben')]);
    expect(conflict).toMatchObject({ stands: { status: 'monitoring', actor: 'ben' }, overridden: { status: 'identified', actor: 'ana' } });
    expect(conflict?.explanation).toMatch(/^Monitoring \(set by ben\) stands: ana had changed the status to Identified at the same time/);
  });

  it('says nothing when each change saw the one before, or once a later change settled it', () => {
    expect(currentStatusConflict([change('investigating', 'identified', 'ana'), change('identified', 'monitoring', 'ben')])).toBeUndefined();
    expect(currentStatusConflict([change('investigating', 'identified', 'ana'), change('investigating', 'monitoring', 'ben'), change('monitoring', 'resolved', 'ana')])).toBeUndefined();
  });
});
