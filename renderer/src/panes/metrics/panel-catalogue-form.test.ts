// The panel catalogue's form model: round trip, ids made from titles, and the core's error paths mapped to fields.
import { describe, expect, it } from 'vitest';
import { MetricsConfig } from '../../../../shared/metrics/metrics-config';
import { catalogueFromDrafts, draftsFromCatalogue, duplicateServiceErrors, emptyPanel, panelFieldErrors, panelIdFrom, parseCatalogueText } from './panel-catalogue-form';

const catalogue = {
  checkout: [
    { id: 'errors', title: 'Error rate', promql: 'sum(rate(errors[1m]))', unit: 'req/s', thresholds: [{ value: 0.5, label: 'SLO', kind: 'slo' as const }] },
    { id: 'p99', title: 'p99 latency', promql: 'histogram_quantile(0.99, x)', unit: 'ms', serverId: 'prod-eu', thresholds: [] },
  ],
};

describe('panel catalogue form model', () => {
  it('round-trips the catalogue', () => {
    expect(catalogueFromDrafts(draftsFromCatalogue(catalogue))).toEqual(catalogue);
  });

  it('gives a new panel an id made from its title, unique in its service', () => {
    const drafts = draftsFromCatalogue(catalogue);
    drafts[0]!.panels.push({ ...emptyPanel(), title: 'Error rate', promql: 'x', thresholds: [{ value: '2', label: '', kind: 'critical' }] });
    const out = catalogueFromDrafts(drafts);
    expect(out.checkout![2]).toEqual({ id: 'error-rate', title: 'Error rate', promql: 'x', unit: '', thresholds: [{ value: 2, label: '', kind: 'critical' }] });
    expect(panelIdFrom('Error rate', new Set(['error-rate']))).toBe('error-rate-2');
    expect(MetricsConfig.safeParse({ prometheus: [{ id: 'prod-eu', name: 'EU', baseUrl: 'http://p:9090' }], services: out }).success).toBe(true);
  });

  it('maps validation details to the field of the right service and panel', () => {
    const drafts = draftsFromCatalogue({ 'web.api': [{ id: 'a', title: '', promql: 'x', thresholds: [] }], checkout: catalogue.checkout });
    const errors = panelFieldErrors(
      ['services.web.api.0.title: A panel needs a title', 'services.checkout.1.serverId: No Prometheus server with id "prod-eu"', 'services.checkout.0.thresholds.0.value: Expected number', 'prometheus.0.baseUrl: Enter a URL'],
      drafts,
    );
    expect(errors).toEqual({ '0.0.title': 'A panel needs a title', '1.1.serverId': 'No Prometheus server with id "prod-eu"', '1.0.threshold.0.value': 'Expected number' });
  });

  it('explains JSON that is not a catalogue', () => {
    expect(parseCatalogueText('')).toEqual({ catalogue: {} });
    expect(parseCatalogueText('{"checkout": {}}')).toEqual({ problem: '"checkout" must be a list of panel objects.' });
  });
});

describe('duplicateServiceErrors', () => {
  it('marks a second group for the same service, which the catalogue could not hold', () => {
    const drafts = [{ service: 'checkout', panels: [] }, { service: 'search', panels: [] }, { service: ' Checkout ', panels: [] }];
    expect(duplicateServiceErrors(drafts)).toEqual({ '2.service': 'Checkout already has panels above: add these there instead' });
    expect(duplicateServiceErrors(drafts.slice(0, 2))).toEqual({});
  });
});
