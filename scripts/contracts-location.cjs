// Finds the official OpenAPI contracts (kept beside the repository in ../shared/contracts, never copied into it) for the
// contract-validated connector tests, and names those tests so they can be skipped — loudly — where the contracts are absent.
// CommonJS so that the Playwright config (CommonJS-transformed), the vitest config and test-all.mjs can all load it.
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');

const contractDependentTests = [
  'electron/core/connectors/testing/openapi-contract.test.ts',
  'electron/core/connectors/jira/jira-client.test.ts',
  'electron/core/connectors/pagerduty/pagerduty-client.test.ts',
  'electron/core/connectors/connectors-flow.test.ts',
  'electron/core/outbox/outbox-worker.test.ts',
  'electron/core/outbox/outbox-crash.test.ts',
  'electron/core/outbox/outbox-queue-crash.test.ts',
  'electron/core/hotfix/hotfix-ship.test.ts',
  'electron/core/sync/team-sync.test.ts',
];
const contractDependentE2e = ['connectors.spec.ts', 'hotfix-track.spec.ts', 'updates-everywhere.spec.ts'];

/** FIREBREAK_CONTRACTS_DIR, else ../shared/contracts beside the repository root, and nowhere else. Sets the env var for child processes. */
function locateContracts() {
  const candidates = [process.env.FIREBREAK_CONTRACTS_DIR, join(root, '..', 'shared', 'contracts')].filter(Boolean);
  const found = candidates.find((dir) => existsSync(join(dir, 'jira-platform-v3.openapi.json')) && existsSync(join(dir, 'pagerduty-rest-v2.openapi.json')));
  if (found) process.env.FIREBREAK_CONTRACTS_DIR = found;
  return { dir: found, searched: candidates };
}

function contractsSkipMessage(searched) {
  return `Skipped the contract-validated Jira/PagerDuty tests (${[...contractDependentTests, ...contractDependentE2e.map((f) => `e2e/${f}`)].join(', ')}) because the official OpenAPI contracts were not found in ${searched.join(' or ')}. Put ../shared/contracts beside the repository or set FIREBREAK_CONTRACTS_DIR.`;
}

module.exports = { contractDependentTests, contractDependentE2e, locateContracts, contractsSkipMessage };
