// @vitest-environment happy-dom
// The service form as a user drives it: it starts from the incident's service, round-trips with the Advanced (JSON)
// view, shows the core's field errors under the field they name, and saves the entry the form describes.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceConfig } from '../../../../shared/services/service-config';
import { DomainError } from '../../../../shared/result';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { ServiceEditorDialog } from './ServiceEditorDialog';

afterEach(resetCore);

function renderForm(put: (entry: Record<string, unknown>) => unknown, props: Partial<Parameters<typeof ServiceEditorDialog>[0]> = {}) {
  const onClose = vi.fn();
  const harness = renderWithCore(<ServiceEditorDialog service={undefined} onClose={onClose} {...props} />, {
    'services.put': ({ service }) => put(service) as ServiceConfig,
  });
  const dialog = screen.getByRole('dialog', { name: props.service ? `Edit service ${props.service.name}` : 'Add a service' });
  return { ...harness, onClose, dialog, field: (label: string) => within(dialog).getByLabelText<HTMLInputElement>(label, { exact: true }) };
}

/** Checks the entry the way the core does, failing like it with "path: message" details. */
function coreCheck(entry: Record<string, unknown>) {
  const parsed = ServiceConfig.safeParse(entry);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new DomainError('validation', `The service entry is invalid: ${details[0]}`, details);
}

describe('ServiceEditorDialog', () => {
  it('starts from the service the incident was declared for, in the first empty field', () => {
    const { field } = renderForm(coreCheck, { suggestedName: 'checkout' });
    expect(field('Service name').value).toBe('checkout');
    expect(field('Deploy branch').value).toBe('main');
    expect(document.activeElement).toBe(field('Git clone path'));
  });

  it('shows the core’s error under the field it names, moves focus there, and saves once it is fixed', async () => {
    const put = vi.fn(coreCheck);
    const { dialog, field, onClose, callsTo } = renderForm(put, { suggestedName: 'checkout' });
    fireEvent.change(field('Git clone path'), { target: { value: 'relative/clone' } });
    field('Service name').focus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(field('Git clone path').getAttribute('aria-invalid')).toBe('true'));
    // Focus goes to the field the core named.
    await waitFor(() => expect(document.activeElement).toBe(field('Git clone path')));
    const describedBy = field('Git clone path').getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('The clone path must be absolute');
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.change(field('Git clone path'), { target: { value: '/srv/checkout' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Run a command/ }));
    fireEvent.change(field('Rollback command'), { target: { value: 'helm' } });
    fireEvent.change(field('Arguments (one per line)'), { target: { value: 'rollback\ncheckout' } });
    fireEvent.change(field('Health query (PromQL)'), { target: { value: 'sum(rate(errors[1m]))' } });
    fireEvent.change(field('Healthy below'), { target: { value: '0.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(callsTo('services.put').at(-1)).toEqual({
      service: {
        name: 'checkout',
        git: { clonePath: '/srv/checkout', remote: { name: 'origin' } },
        deploy: { branch: 'main', releaseTagPattern: 'v*' },
        rollback: { strategies: [{ kind: 'revert' }, { kind: 'move-ref' }, { kind: 'command', command: 'helm', args: ['rollback', 'checkout'] }] },
        health: { promql: 'sum(rate(errors[1m]))', threshold: 0.5 },
      },
    });
  });

  it('round-trips with the Advanced (JSON) view, keeping what the form does not show', async () => {
    const service = coreCheck({ name: 'search', git: { clonePath: '/srv/search' }, deploy: { tag: 'production' }, rollback: { strategies: [{ kind: 'move-ref' }, { kind: 'kill-switch', url: 'https://flags.example.com/x' }] } });
    const { dialog, field, callsTo } = renderForm(coreCheck, { service });
    fireEvent.change(field('Deploy tag'), { target: { value: 'live' } });

    fireEvent.click(within(dialog).getByRole('tab', { name: 'Advanced (JSON)' }));
    const json = within(dialog).getByLabelText<HTMLTextAreaElement>('Service entry (JSON)');
    const entry = JSON.parse(json.value);
    expect(entry.deploy.tag).toBe('live');
    expect(entry.rollback.strategies.map((s: { kind: string }) => s.kind)).toEqual(['move-ref', 'kill-switch']);

    // Broken JSON keeps the user in the JSON view and says why; nothing typed is lost.
    fireEvent.change(json, { target: { value: '{"name": "search",' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Form' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Not valid JSON.*Fix it to go back to the form/);
    expect(json.value).toBe('{"name": "search",');

    fireEvent.change(json, { target: { value: JSON.stringify({ ...entry, git: { clonePath: '/srv/search-2', remote: { name: 'origin' } } }) } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Form' }));
    expect(field('Git clone path').value).toBe('/srv/search-2');
    expect(field('Deploy tag').value).toBe('live');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo('services.put')).toHaveLength(1));
    expect((callsTo('services.put')[0] as { service: { rollback: unknown } }).service.rollback).toEqual(entry.rollback);
  });
});
