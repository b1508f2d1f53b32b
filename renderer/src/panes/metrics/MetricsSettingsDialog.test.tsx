// @vitest-environment happy-dom
// The panel catalogue in the metrics settings is a form: a new service group starts from the incident's service, the
// Advanced (JSON) view round-trips with it, and the core's errors appear under the panel field they name.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricsConfig } from '../../../../shared/metrics/metrics-config';
import type { SettingsView } from '../../../../shared/ipc';
import { useUiStore } from '../../state/ui-store';
import { incidentState, listItem } from '../../test/incident-fixtures';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { MetricsSettingsDialog } from './MetricsSettingsDialog';

const view = (services: Record<string, unknown> = {}): SettingsView => ({
  config: MetricsConfig.parse({ prometheus: [{ id: 'prod', name: 'Prometheus', baseUrl: 'http://prometheus:9090' }], services }),
  secretsStored: {},
  file: 'metrics.json',
  secretsProtection: 'OS keyring',
});

function renderSettings(save: (config: MetricsConfig) => SettingsView) {
  const onClose = vi.fn();
  const harness = renderWithCore(<MetricsSettingsDialog onClose={onClose} />, {
    'metrics.settings.get': () => view({ search: [{ id: 'qps', title: 'Queries', promql: 'sum(rate(q[1m]))', unit: 'req/s' }] }),
    'metrics.settings.save': (input) => save(input),
    'incidents.get': () => listItem(incidentState({ id: 'inc-1', services: ['checkout'] })),
  });
  return { ...harness, onClose };
}

describe('MetricsSettingsDialog panel catalogue', () => {
  beforeEach(() => useUiStore.setState({ selectedIncidentId: 'inc-1', dialog: undefined }));
  afterEach(resetCore);

  it('adds panels for the incident’s service, round-trips through JSON, and shows the core’s error on the field', async () => {
    const save = vi.fn((config: MetricsConfig) => ({ ...view(), config }));
    const { onClose, callsTo } = renderSettings(save);
    const dialog = await screen.findByRole('dialog', { name: 'Metrics settings' });
    await waitFor(() => within(dialog).getByDisplayValue('Queries'));
    await waitFor(() => expect(callsTo('incidents.get')).toHaveLength(1));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add panels for a service' }));
    const group = within(dialog).getByRole('group', { name: 'checkout panel 1' });
    expect(within(dialog).getAllByLabelText<HTMLInputElement>('Service', { exact: true }).map((i) => i.value)).toEqual(['search', 'checkout']);
    fireEvent.change(within(group).getByLabelText('Title'), { target: { value: 'Error rate' } });
    fireEvent.change(within(group).getByLabelText('Unit'), { target: { value: '%' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Add a threshold' }));
    fireEvent.change(within(group).getByLabelText('Threshold 1 value'), { target: { value: '2' } });
    fireEvent.change(within(group).getByLabelText('Kind'), { target: { value: 'critical' } });

    fireEvent.click(within(dialog).getByRole('tab', { name: 'Advanced (JSON)' }));
    const json = within(dialog).getByLabelText<HTMLTextAreaElement>('Panel catalogue (JSON)');
    const catalogue = JSON.parse(json.value);
    expect(catalogue.checkout).toEqual([{ id: 'error-rate', title: 'Error rate', promql: '', unit: '%', thresholds: [{ value: 2, label: '', kind: 'critical' }] }]);
    catalogue.checkout[0].title = 'Errors (5xx)';
    fireEvent.change(json, { target: { value: JSON.stringify(catalogue) } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Form' }));
    const edited = within(dialog).getByRole('group', { name: 'checkout panel 1' });
    expect(within(edited).getByLabelText<HTMLInputElement>('Title').value).toBe('Errors (5xx)');

    // The PromQL query is still empty: the core (its router checks every request) refuses, and says so under that field.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    const promql = within(edited).getByLabelText('PromQL query');
    await waitFor(() => expect(promql.getAttribute('aria-invalid')).toBe('true'));
    expect(promql.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('A panel needs a PromQL expression');

    fireEvent.change(promql, { target: { value: 'sum(rate(http_requests_total{code=~"5.."}[1m]))' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect((save.mock.calls.at(-1)![0] as { services: Record<string, unknown> }).services).toEqual({
      search: [{ id: 'qps', title: 'Queries', promql: 'sum(rate(q[1m]))', unit: 'req/s', thresholds: [] }],
      checkout: [{ id: 'error-rate', title: 'Errors (5xx)', promql: 'sum(rate(http_requests_total{code=~"5.."}[1m]))', unit: '%', thresholds: [{ value: 2, label: '', kind: 'critical' }] }],
    });
  });

  it('refuses a second group for a service that already has panels, instead of silently dropping one', async () => {
    const save = vi.fn((config: MetricsConfig) => ({ ...view(), config }));
    renderSettings(save);
    const dialog = await screen.findByRole('dialog', { name: 'Metrics settings' });
    await waitFor(() => within(dialog).getByDisplayValue('Queries'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add panels for a service' }));
    const services = () => within(dialog).getAllByLabelText<HTMLInputElement>('Service', { exact: true });
    fireEvent.change(services()[1]!, { target: { value: 'Search' } });
    expect(services()[1]!.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    expect(within(dialog).getByText(/A service is listed twice/)).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });
});
