// The first-run hint shows only while the demo is alone and nothing is configured.
import { describe, expect, it } from 'vitest';
import type { IncidentListItem } from '../../../shared/ipc';
import { firstRunDemo } from './first-run';

const item = (id: string, demo: boolean) => ({ id, problems: [], state: { demo } }) as unknown as IncidentListItem;

describe('firstRunDemo', () => {
  it('points at the demo when it is the only incident and nothing is configured', () => {
    expect(firstRunDemo([item('demo-1', true)], ['runbooks', 'updates'])?.id).toBe('demo-1');
  });
  it('stays away once the user has incidents or configuration of their own', () => {
    expect(firstRunDemo([item('demo-1', true), item('real', false)], ['runbooks'])).toBeUndefined();
    expect(firstRunDemo([item('real', false)], [])).toBeUndefined();
    expect(firstRunDemo([item('demo-1', true)], ['runbooks', 'jira'])).toBeUndefined();
    expect(firstRunDemo([], [])).toBeUndefined();
  });
});
