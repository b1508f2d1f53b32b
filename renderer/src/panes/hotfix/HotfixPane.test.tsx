// @vitest-environment happy-dom
// The hot-fix pane: opening a hot fix, adding the service it needs from the pane when none is configured, the track with its
// blockers named with their fix, overriding the criteria, recording an approval (and the core's refusal shown), and playback
// showing the track read-only.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../../../../shared/events';
import { projectHotfixes, type HotfixState } from '../../../../shared/hotfix/hotfix-state';
import { emptyCockpit } from '../../../../shared/playback/cockpit-projection';
import { TimelineIndex } from '../../../../shared/timeline/timeline-index';
import { DomainError } from '../../../../shared/result';
import type { ServiceConfig } from '../../../../shared/services/service-config';
import { CockpitLayoutContext } from '../../cockpit/cockpit-layout-context';
import { Dialogs } from '../../incidents/Dialogs';
import { useUiStore } from '../../state/ui-store';
import { incidentState, listItem } from '../../test/incident-fixtures';
import { renderWithCore, resetCore, type Handlers } from '../../test/render-with-core';
import { RollbackPane } from '../rollback/RollbackPane';
import { HotfixPane } from './HotfixPane';

const ID = 'inc-1';
const HF = 'HF-20261202-1';
const FIX = 'f'.repeat(40);
let seq = 0;
const ev = (type: string, payload: unknown, actor = 'ana') => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: ++seq, ts: `2026-12-02T10:${String(seq).padStart(2, '0')}:00.000Z`, actor, type, payload });

const opened = (met: boolean) => [
  ev('hotfix.opened', { hotfixId: HF, service: 'checkout', symptom: 'Checkouts time out', intendedChange: 'Lower the timeout', severity: 'SEV2', approvalRule: { approvers: 2, cabOnly: false }, cab: [] }),
  ev('hotfix.criteria_checked', { hotfixId: HF, met, reasons: met ? [] : ['SEV3 is not a hot-fix severity (SEV1, SEV2)'], criteria: 'SEV1–SEV2 with customer impact' }, 'firebreak'),
];
const ready = () => [
  ev('hotfix.rollback_chosen', { hotfixId: HF, strategy: 'revert', description: 'reverting the fix on refs/heads/main (guarded rollback)' }),
  ev('hotfix.change_linked', {
    hotfixId: HF, refs: ['hotfix/timeout'], base: { label: 'v1.3.0', sha: 'e'.repeat(40) }, headSha: FIX, commits: [{ sha: FIX, author: 'bo', subject: 'lower timeout' }],
    diffStat: { files: 3, insertions: 120, deletions: 4, modules: ['api', 'web'], perFile: [{ path: 'api/a.ts', insertions: 100, deletions: 2 }] }, flags: ['2 modules touched: api, web (the limit is 1)'],
  }),
  ev('hotfix.ci_recorded', { hotfixId: HF, url: 'https://ci.example.test/runs/7', outcome: 'passed' }),
];
const state = (events: IncidentEvent[]): HotfixState[] => projectHotfixes(events);

const services = { services: [{ name: 'checkout', git: { clonePath: '/srv/checkout', remote: { name: 'origin' } }, deploy: { branch: 'main' }, rollback: { strategies: [{ kind: 'revert' }] } }] as ServiceConfig[], file: 'services.json' };
const base = (hotfixes: () => HotfixState[]): Handlers => ({
  'incidents.get': () => listItem(incidentState({ id: ID, services: ['checkout'] })),
  'services.list': () => services,
  'hotfix.list': () => hotfixes(),
});

describe('HotfixPane', () => {
  beforeEach(() => useUiStore.setState({ dialog: undefined, paletteOpen: false, serviceEditor: {}, maximisedPane: undefined }));
  afterEach(resetCore);

  it('with no service configured, adds the incident’s service from the pane, then offers the hot-fix form for it', async () => {
    let configured: ServiceConfig[] = [];
    const { callsTo } = renderWithCore(
      <>
        <HotfixPane incidentId={ID} />
        <Dialogs />
      </>,
      {
        ...base(() => []),
        'services.list': () => ({ services: configured, file: 'services.json' }),
        'services.put': ({ service }) => (configured = [service as ServiceConfig])[0]!,
      },
    );
    const pane = await screen.findByRole('region', { name: 'Hot fix' });
    await within(pane).findByText(/No services are configured, so no hot fix can be opened yet/);
    expect(within(pane).queryByRole('form', { name: 'Open a hot fix' })).toBeNull();
    // The same service form the Rollback pane's "Add service" opens, starting from the service the incident was declared for.
    fireEvent.click(within(pane).getByRole('button', { name: 'Add service checkout…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a service' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('Service name', { exact: true }).value).toBe('checkout');
    fireEvent.change(within(dialog).getByLabelText('Git clone path', { exact: true }), { target: { value: '/srv/checkout' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo('services.put')).toHaveLength(1);
    const form = await within(pane).findByRole('form', { name: 'Open a hot fix' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Service').value).toBe('checkout');
  });

  it('with an invalid service catalogue says so, and brings the Rollback pane (which names the problem) into view, opening it', async () => {
    const problem = { message: 'services.json is not valid JSON', details: ['line 3: unexpected token'] };
    const toggleCollapsed = vi.fn();
    renderWithCore(
      <CockpitLayoutContext.Provider value={{ canCollapse: () => true, isCollapsed: (p) => p === 'rollback', toggleCollapsed }}>
        <HotfixPane incidentId={ID} />
        <RollbackPane incidentId={ID} />
      </CockpitLayoutContext.Provider>,
      { ...base(() => []), 'services.list': () => ({ services: [], file: 'services.json', problem }), 'rollback.list': () => [] },
    );
    const pane = await screen.findByRole('region', { name: 'Hot fix' });
    await within(pane).findByText('The service catalogue is invalid, so no hot fix can be opened until it is fixed.');
    expect(within(pane).queryByText(/No services are configured/)).toBeNull();
    fireEvent.click(within(pane).getByRole('button', { name: 'Show what is wrong' }));
    expect(toggleCollapsed).toHaveBeenCalledWith('rollback');
    const rollback = screen.getByRole('region', { name: 'Rollback' });
    await waitFor(() => expect(document.activeElement).toBe(rollback));
    expect(within(rollback).getByRole('alert').textContent).toContain('services.json is not valid JSON');
  });

  it('opens a hot fix from the incident and shows its track', async () => {
    seq = 0;
    let list: HotfixState[] = [];
    const { callsTo } = renderWithCore(<HotfixPane incidentId={ID} />, {
      ...base(() => list),
      'hotfix.open': () => (list = state(opened(true)))[0]!,
    });
    const form = await screen.findByRole('form', { name: 'Open a hot fix' });
    await waitFor(() => expect(within(form).getByLabelText<HTMLSelectElement>('Service').value).toBe('checkout'));
    fireEvent.change(within(form).getByLabelText('Symptom it fixes'), { target: { value: 'Checkouts time out' } });
    fireEvent.change(within(form).getByLabelText('Intended minimal change'), { target: { value: 'Lower the timeout' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Open hot fix' }));
    await screen.findByRole('list', { name: 'Hot-fix track' });
    expect(callsTo('hotfix.open')).toEqual([{ incidentId: ID, service: 'checkout', symptom: 'Checkouts time out', intendedChange: 'Lower the timeout' }]);
    expect(screen.getByRole('listitem', { name: 'Hot-fix criteria: Done' }).textContent).toContain('Met (SEV1–SEV2 with customer impact)');
    expect(screen.getByRole('listitem', { name: 'Rollback plan: Blocked' })).toBeTruthy();
    const blockers = screen.getByRole('status', { name: 'What blocks the rollout' });
    expect(blockers.textContent).toContain("No rollback strategy is chosen. Choose one of the service's rollback strategies.");
    expect(blockers.textContent).toContain('No change is linked. Link the fix commit(s) or branch.');
  });

  it('says "this should be a patch" and records an override with its reason', async () => {
    seq = 0;
    const { callsTo } = renderWithCore(<HotfixPane incidentId={ID} />, {
      ...base(() => state(opened(false))),
      'hotfix.overrideCriteria': () => state(opened(false))[0]!,
    });
    const blockers = await screen.findByRole('status', { name: 'What blocks the rollout' });
    expect(blockers.textContent).toContain('This should be a patch: SEV3 is not a hot-fix severity (SEV1, SEV2).');
    const override = screen.getByRole('form', { name: 'Override the hot-fix criteria' });
    fireEvent.change(within(override).getByLabelText('Reason to go ahead anyway'), { target: { value: 'Contract deadline tonight' } });
    fireEvent.click(within(override).getByRole('button', { name: 'Override the criteria' }));
    await waitFor(() => expect(callsTo('hotfix.overrideCriteria')).toEqual([{ incidentId: ID, hotfixId: HF, reason: 'Contract deadline tonight' }]));
  });

  it('shows the diff stat with its threshold flags, and the core refusing an approver who wrote the fix', async () => {
    seq = 0;
    const events = [...opened(true), ...ready()];
    const { callsTo } = renderWithCore(<HotfixPane incidentId={ID} />, {
      ...base(() => state(events)),
      'identity.get': () => ({ name: 'Bo', handle: 'bo', deviceId: 'dev_bbbbbbbbbbbbbbbb', source: 'saved' }),
      'hotfix.approve': () => {
        throw new DomainError('validation', 'Bo wrote or opened this hot fix and cannot approve it; someone else approves it as themselves.');
      },
    });
    const flags = await screen.findByRole('note', { name: 'Over the minimal-change thresholds' });
    expect(flags.textContent).toContain('2 modules touched: api, web (the limit is 1)');
    expect(screen.getByRole('listitem', { name: 'Rapid tests: Done' }).textContent).toContain('CI run passed');
    expect(screen.getByRole('status', { name: 'What blocks the rollout' }).textContent).toContain('2 more approvals needed (2 approvers).');
    const approve = await screen.findByRole('form', { name: 'Approve the hot fix' });
    expect(within(approve).queryByLabelText('Approver')).toBeNull();
    fireEvent.click(await within(approve).findByRole('button', { name: 'Approve as Bo' }));
    expect((await within(approve).findByRole('alert')).textContent).toContain('Bo wrote or opened this hot fix and cannot approve it');
    expect(callsTo('hotfix.approve')).toEqual([{ incidentId: ID, hotfixId: HF }]);
    expect(screen.getByRole('listitem', { name: 'Controlled rollout: Later' }).textContent).toContain('After approval');
  });

  it('in playback shows the track at that moment, read-only, with what each approver approved', async () => {
    seq = 0;
    const events = [...opened(true), ...ready(), ev('hotfix.approved', { hotfixId: HF, approver: 'omar', approved: { headSha: FIX, diff: '3 files', tests: 'CI passed', rolloutPlan: 'Rollout: canary 5% → 100%' } })];
    const hotfixes = new Map(state(events).map((h) => [h.id, h]));
    renderWithCore(<HotfixPane incidentId={ID} asOf={{ at: Date.parse('2026-12-02T11:00:00Z'), state: { ...emptyCockpit, hotfixes }, timelineIndex: new TimelineIndex() }} />, {});
    expect(await screen.findByText('playback — read-only')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Approvals' }).textContent).toContain('omar');
    expect(screen.getByRole('list', { name: 'Approvals' }).textContent).toContain('Rollout: canary 5% → 100%');
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open another hot fix' })).toBeNull();
  });
});
