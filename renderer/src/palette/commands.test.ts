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
    expect(commands.find((c) => c.id === 'pane-metrics')).toMatchObject({ label: 'Go to Metrics pane', shortcut: 'Alt+3' });
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

  it('matches every typed word in label or hint', () => {
    expect(filterCommands(buildCommands(incidents, 'inc-1'), 'decl').map((c) => c.id)).toEqual(['declare']);
  });
});
