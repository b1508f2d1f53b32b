import { describe, expect, it } from 'vitest';
import type { IncidentListItem } from '../ipc/incidents';
import type { Severity } from './severity';
import type { IncidentStatus } from './status';
import { groupIncidentsForSidebar } from './sidebar-order';

function item(id: string, severity: Severity, declaredAt: string, status: IncidentStatus = 'investigating', resolvedAt?: string): IncidentListItem {
  return {
    id,
    problems: [],
    state: {
      id,
      title: id,
      severity,
      status,
      commander: 'ana',
      services: [],
      demo: false,
      declaredAt,
      ...(resolvedAt ? { resolvedAt } : {}),
      updatedAt: resolvedAt ?? declaredAt,
      lastSeq: 1,
      eventCount: 1,
      noteCount: 0,
      statusHistory: [],
      roles: [],
    },
  };
}

describe('groupIncidentsForSidebar', () => {
  it('puts active incidents by severity, then the longest-running first; resolved after, newest resolution first', () => {
    const groups = groupIncidentsForSidebar([
      item('sev3-new', 'SEV3', '2026-01-01T10:00:00Z'),
      item('sev1-new', 'SEV1', '2026-01-01T09:00:00Z'),
      item('done-old', 'SEV1', '2026-01-01T01:00:00Z', 'resolved', '2026-01-01T02:00:00Z'),
      item('sev1-old', 'SEV1', '2026-01-01T08:00:00Z'),
      item('done-new', 'SEV2', '2026-01-01T03:00:00Z', 'resolved', '2026-01-01T05:00:00Z'),
      item('sev2', 'SEV2', '2026-01-01T07:00:00Z', 'monitoring'),
      { id: 'broken', problems: [{ kind: 'unreadable', file: 'events.jsonl', line: 0, message: 'unreadable' }] },
    ]);
    expect(groups.active.map((i) => i.id)).toEqual(['sev1-old', 'sev1-new', 'sev2', 'sev3-new']);
    expect(groups.resolved.map((i) => i.id)).toEqual(['done-new', 'done-old']);
    expect(groups.unreadable.map((i) => i.id)).toEqual(['broken']);
  });
});
