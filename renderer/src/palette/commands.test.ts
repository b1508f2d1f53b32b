import { describe, expect, it } from 'vitest';
import { incidentState, listItem } from '../test/incident-fixtures';
import { buildCommands, filterCommands } from './commands';

describe('palette commands', () => {
  const incidents = [listItem(incidentState({ id: 'inc-1', title: 'Checkout down', status: 'mitigating' })), listItem(incidentState({ id: 'inc-2', title: 'Search slow' }))];

  it('covers the open incident’s actions, with resolving behind a confirmation and pane jumps with their shortcut', () => {
    const commands = buildCommands(incidents, 'inc-1');
    const labels = commands.map((c) => c.label);
    for (const l of ['Declare incident…', 'Resolve incident…', 'Change severity…', 'Hand over command…', 'Export review bundle', 'Start playback', 'Settings…']) {
      expect(labels).toContain(l);
    }
    expect(commands.find((c) => c.id === 'status-resolved')?.action).toEqual({ kind: 'status', to: 'resolved' });
    expect(commands.find((c) => c.id === 'pane-metrics')).toMatchObject({ label: 'Go to Metrics pane', shortcut: 'G M' });
    expect(commands.find((c) => c.id === 'keyboard')).toMatchObject({ label: 'Keyboard shortcuts', shortcut: '?' });
    expect(labels).toContain('Switch to: Search slow');
    expect(labels).not.toContain('Change status to Mitigating');
  });

  it('offers nothing that writes in a read-only review bundle', () => {
    const readOnly = (channel: string) => !/declare|change|addNote|export|importBundle|settings|diagnostics/i.test(channel);
    const labels = buildCommands(incidents, 'inc-1', readOnly).map((c) => c.label);
    expect(labels).not.toContain('Declare incident…');
    expect(labels).not.toContain('Resolve incident…');
    expect(labels).toContain('Start playback');
  });

  it('offers going back to the start and leaving playback while playing back; a bundle cannot leave it', () => {
    const playing = buildCommands(incidents, 'inc-1', undefined, 'utc', { playbackActive: true, live: true });
    expect(playing.find((c) => c.id === 'playback')).toMatchObject({ label: 'Playback: back to the start', action: { kind: 'playback' } });
    expect(playing.find((c) => c.id === 'playback-stop')?.action).toEqual({ kind: 'playback-stop' });
    const bundle = buildCommands(incidents, 'inc-1', undefined, 'utc', { playbackActive: true, live: false });
    expect(bundle.map((c) => c.id)).not.toContain('playback-stop');
  });

  it('gives every pane a jump that is a two-letter sequence, each letter once', () => {
    const shortcuts = buildCommands(incidents, 'inc-1').filter((c) => c.id.startsWith('pane-')).map((c) => c.shortcut);
    expect(shortcuts).toHaveLength(7);
    expect(new Set(shortcuts).size).toBe(7);
    for (const s of shortcuts) expect(s).toMatch(/^G [A-Z]$/);
  });

  it('matches every typed word in label or hint', () => {
    expect(filterCommands(buildCommands(incidents, 'inc-1'), 'decl').map((c) => c.id)).toEqual(['declare']);
  });
});
