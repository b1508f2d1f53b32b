// What the hot-fix journeys share: a host whose user approves as themselves, and the canary analysis of a scripted
// service's error ratio on a real Prometheus (canary and baseline tracks).
import { test, rpc, startHost, stopHost, type RunningHost } from './fixtures';

/** The error ratio of one track of the scripted service; `{{track}}` is filled in by the canary analysis. */
export const ERROR_RATIO = 'sum(rate(checkout_errors_total{track="{{track}}"}[3s])) / sum(rate(checkout_requests_total{track="{{track}}"}[3s]))';

/** The same ratio for the canary alone, as a health query or a chart. */
export const CANARY_ERROR_RATIO = ERROR_RATIO.replaceAll('{{track}}', 'canary');

/** Compares the canary's error ratio with the baseline's after each analysed stage: a threshold and Mann-Whitney U. */
export const canaryAnalysis = { stepSeconds: 1, queries: [{ id: 'errors', label: 'Error ratio', kind: 'error-ratio', template: ERROR_RATIO, maxDelta: 0.02, test: { kind: 'mann-whitney-u' }, minSamples: 4 }] };

/** A rollout stage whose command only says how much traffic the fix now gets. */
export const rolloutStage = (id: string, label: string, percent: number, extra: Record<string, unknown>) => ({
  id,
  label,
  percent,
  run: { command: process.execPath, args: ['-e', `console.log("traffic on the fix: ${percent}%")`], timeoutMs: 60_000 },
  ...extra,
});

/**
 * Approvers approve as themselves, so these hosts have no fixed operator (FIREBREAK_OPERATOR): the identity is saved, as
 * Settings → You does, and switched to each approver in turn (with team sync each would approve on their own laptop).
 * Registers an afterEach in the calling spec that stops the hosts it started, then runs `afterStop` (cleaning up what they used).
 */
export function hostsWithSavedIdentity(afterStop: () => void = () => undefined): (dataDir: string, env?: NodeJS.ProcessEnv) => Promise<RunningHost> {
  const hosts: RunningHost[] = [];
  test.afterEach(async () => {
    for (const h of hosts.splice(0)) await stopHost(h);
    // Only now: a running host fetches into the test's git clones in the background, and removing them under it fails.
    afterStop();
  });
  return async (dataDir, env = {}) => {
    const host = await startHost(dataDir, { FIREBREAK_OPERATOR: '', ...env });
    hosts.push(host);
    await rpc(host, 'identity.save', { name: 'e2e.commander', handle: 'e2e.commander' });
    return host;
  };
}
