// The demo's metrics: what Prometheus would have answered for its four panels, captured the way the live pane captures them
// (one range fetch every few minutes, written by the real CaptureStore), so the metrics pane and playback draw real charts.
import type { CapturedPanel, CapturedRange } from '../../shared/metrics/capture-segment';
import { panelKey } from '../../shared/metrics/capture-segment';
import type { CaptureStore } from '../../electron/core/metrics/capture-store';

/** The Prometheus server the demo's panels were read from (named in the capture, as a real capture names its server). */
export const DEMO_SERVER_ID = 'prometheus-prod';

/** Minutes (from the declaration) at which the rollback finished and traffic recovered; the charts show the spike end here. */
export const ROLLBACK_DONE_MINUTE = 16;
/** The bad deploy (checkout-api 5.31.0) finished seven minutes before the declaration. */
export const BAD_DEPLOY_MINUTE = -7;

// A small seeded generator: the noise looks real and regenerating draws the same curves.
let seed = 20260314;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const noisy = (base: number, spread: number) => base + (random() - 0.5) * 2 * spread;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** 0 before the bad deploy, 1 while it serves, easing back to 0 after the rollback: the shape every curve follows. */
function badness(minute: number): number {
  if (minute < BAD_DEPLOY_MINUTE) return 0;
  if (minute < BAD_DEPLOY_MINUTE + 3) return (minute - BAD_DEPLOY_MINUTE) / 3;
  if (minute < ROLLBACK_DONE_MINUTE) return 1;
  if (minute < ROLLBACK_DONE_MINUTE + 3) return 1 - (minute - ROLLBACK_DONE_MINUTE) / 3;
  return 0;
}

interface DemoPanel extends CapturedPanel {
  /** The value at a minute from the declaration. */
  valueAt(minute: number): number;
  labels: Record<string, string>;
}

function panel(title: string, promql: string, unit: string, thresholds: CapturedPanel['thresholds'], labels: Record<string, string>, valueAt: (m: number) => number): DemoPanel {
  return { key: panelKey(DEMO_SERVER_ID, promql), title, promql, unit, serverId: DEMO_SERVER_ID, thresholds, labels, valueAt };
}

export const errorRatioQuery =
  'sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[2m])) / sum(rate(http_requests_total{service="checkout-api"}[2m])) * 100';

/** The 5xx ratio in percent; also what the rollback's health check reads. */
export function errorRatioAt(minute: number): number {
  const b = badness(minute);
  return round(Math.max(0.05, noisy(0.15, 0.05) * (1 - b) + noisy(7.8, 1.2) * b), 2);
}

export const demoPanels: readonly DemoPanel[] = [
  panel(
    'Checkout p99 latency',
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout-api"}[2m]))) * 1000',
    'ms',
    [
      { value: 1500, label: 'page', kind: 'critical' },
      { value: 800, label: 'SLO', kind: 'slo' },
    ],
    { service: 'checkout-api' },
    (m) => Math.round(noisy(400, 35) * (1 - badness(m)) + noisy(2700, 380) * badness(m)),
  ),
  panel('Checkout 5xx ratio', errorRatioQuery, '%', [{ value: 5, label: 'page', kind: 'critical' }, { value: 1, label: 'SLO', kind: 'slo' }], { service: 'checkout-api' }, errorRatioAt),
  panel(
    'payments-gateway new TLS handshakes',
    'sum(rate(gateway_tls_handshakes_total{service="payments-gateway"}[2m]))',
    '/s',
    [{ value: 1000, label: 'connection limit', kind: 'warning' }],
    { service: 'payments-gateway' },
    (m) => Math.round(noisy(150, 12) * (1 - badness(m)) + noisy(4000, 350) * badness(m)),
  ),
  panel(
    'Payments succeeded',
    'sum(rate(payments_authorised_total[2m])) * 60',
    '/min',
    [],
    { service: 'payments-gateway' },
    (m) => Math.round(noisy(1180, 30) * (1 - 0.09 * badness(m))),
  ),
];

const STEP_SECONDS = 30;

/**
 * Writes each panel's captures through the real CaptureStore: the first fetch covers the lead-in before the declaration, then one
 * incremental fetch every `everyMinutes`, each re-asking the last two steps like the live feed does, until `endMinute`.
 */
export async function captureDemoMetrics(captures: CaptureStore, incidentId: string, declaredAtMs: number, leadInMinutes: number, endMinute: number, everyMinutes = 10): Promise<number> {
  let written = 0;
  for (const p of demoPanels) {
    const { valueAt, labels, ...captured } = p;
    const start = declaredAtMs / 1000 - leadInMinutes * 60;
    let from = start;
    for (let minute = 0; minute <= endMinute; minute = Math.min(endMinute, minute + everyMinutes)) {
      const until = declaredAtMs / 1000 + minute * 60;
      const t: number[] = [];
      const v: number[] = [];
      for (let s = from; s <= until; s += STEP_SECONDS) {
        t.push(s * 1000);
        v.push(valueAt((s * 1000 - declaredAtMs) / 60_000));
      }
      const range: CapturedRange = { panel: captured, capturedAt: new Date(until * 1000 + 2000).toISOString(), start: from, end: until, step: STEP_SECONDS, series: [{ labels, t, v }] };
      await captures.write(incidentId, range);
      written++;
      from = until - 2 * STEP_SECONDS;
      if (minute === endMinute) break;
    }
  }
  return written;
}
