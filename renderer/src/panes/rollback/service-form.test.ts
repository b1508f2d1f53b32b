// The service form's model: an entry survives form → entry → form, keys the form has no field for are kept, and the
// core's error paths land on the field they name.
import { describe, expect, it } from 'vitest';
import { ServiceConfig } from '../../../../shared/services/service-config';
import { draftFromEntry, entryFromDraft, fieldErrors, newServiceEntry, parseEntryText } from './service-form';

const full = {
  name: 'checkout',
  owner: 'team-payments',
  git: { clonePath: '/srv/checkout', remote: { name: 'upstream', url: 'git@git.example.com:shop/checkout.git' } },
  deploy: { branch: 'main', releaseTagPattern: 'v*' },
  rollback: {
    strategies: [
      { kind: 'revert' },
      { kind: 'kill-switch', url: 'https://flags.example.com/api/flags/new-checkout', method: 'PUT', headers: { authorization: 'Bearer ${env:FLAGS_TOKEN}' } },
      { kind: 'command', command: 'helm', args: ['rollback', 'checkout'], cwd: '/srv/deploy', env: { KUBECONFIG: '/srv/kube/prod' }, timeoutMs: 120000, forward: { command: 'helm', args: ['upgrade', 'checkout', './chart'] } },
    ],
  },
  health: { promql: 'sum(rate(errors[1m]))', threshold: 0.5, windowSeconds: 300 },
  metrics: { dashboard: 'checkout-overview' },
};

describe('service form model', () => {
  it('round-trips a full entry unchanged, including keys and strategies the form does not show', () => {
    const draft = draftFromEntry(full);
    expect(draft).toMatchObject({ name: 'checkout', clonePath: '/srv/checkout', remoteName: 'upstream', deployKind: 'branch', deployRef: 'main', revert: true, moveRef: false, command: true, healthThreshold: '0.5' });
    expect(draft.rollbackCommand).toEqual({ command: 'helm', args: 'rollback\ncheckout', cwd: '/srv/deploy', timeoutSeconds: '120' });
    expect(entryFromDraft(draft, full)).toEqual(full);
    expect(ServiceConfig.safeParse(entryFromDraft(draft, full)).success).toBe(true);
  });

  it('applies form edits: a deploy tag instead of a branch, strategies ticked and unticked, a new command', () => {
    const draft = { ...draftFromEntry(full), deployKind: 'tag' as const, deployRef: 'production', revert: false, moveRef: true, command: false };
    const entry = entryFromDraft(draft, full);
    expect(entry.deploy).toEqual({ tag: 'production', releaseTagPattern: 'v*' });
    expect((entry.rollback as { strategies: { kind: string }[] }).strategies.map((s) => s.kind)).toEqual(['kill-switch', 'move-ref']);

    const fresh = draftFromEntry(newServiceEntry('search'));
    const withCommand = entryFromDraft({ ...fresh, clonePath: '/srv/search', command: true, rollbackCommand: { command: 'kubectl', args: 'rollout\nundo\ndeployment/search', cwd: '', timeoutSeconds: '' } }, newServiceEntry('search'));
    expect(withCommand.rollback).toEqual({ strategies: [{ kind: 'revert' }, { kind: 'move-ref' }, { kind: 'command', command: 'kubectl', args: ['rollout', 'undo', 'deployment/search'] }] });
    expect(ServiceConfig.safeParse(withCommand).success).toBe(true);
  });

  it('starts a new service from the suggested name with the usual defaults', () => {
    expect(draftFromEntry(newServiceEntry('checkout'))).toMatchObject({ name: 'checkout', remoteName: 'origin', deployRef: 'main', releaseTagPattern: 'v*', revert: true, moveRef: true, command: false });
  });

  it('leaves out the health check and git when their fields are empty', () => {
    const entry = entryFromDraft({ ...draftFromEntry(full), healthPromql: '', healthThreshold: '', clonePath: '', remoteUrl: '' }, { name: 'x' });
    expect(entry.health).toBeUndefined();
    expect(entry.git).toBeUndefined();
  });

  it('maps the core’s error paths to fields', () => {
    const errors = fieldErrors({
      message: 'The service entry is invalid',
      details: ['git.clonePath: The clone path must be absolute', 'deploy: deploy.branch or deploy.tag is required for revert', 'rollback.strategies[1].command: Too small', 'health.threshold: Expected number'],
    });
    expect(errors).toEqual({ clonePath: 'The clone path must be absolute', deployRef: 'deploy.branch or deploy.tag is required for revert', commandCommand: 'Too small', healthThreshold: 'Expected number' });
    expect(fieldErrors({ message: '/srv/x is a bare repository.', details: ['service.git.clonePath'] })).toEqual({ clonePath: '/srv/x is a bare repository.' });
  });

  it('explains JSON that is not one object', () => {
    expect(parseEntryText('{"name": ')).toMatchObject({ problem: expect.stringMatching(/^Not valid JSON/) });
    expect(parseEntryText('[1]')).toEqual({ problem: 'A service entry is a JSON object with at least a "name".' });
  });
});
