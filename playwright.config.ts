// Playwright: the cockpit in Debian Chromium against the browser host (e2e/*.spec.ts); Electron specs skip without a binary.
import { defineConfig } from '@playwright/test';
import { contractDependentE2e, contractsSkipMessage, locateContracts } from './scripts/contracts-location.cjs';

const contracts = locateContracts();
if (!contracts.dir) console.warn(contractsSkipMessage(contracts.searched));

export default defineConfig({
  testDir: 'e2e',
  testIgnore: contracts.dir ? [] : contractDependentE2e,
  // Upper bounds for a loaded 2-core CI machine (both cores busy): a journey starts a host, a browser and often real
  // Prometheus, Alertmanager or git; they are only reached when something is really wrong, never waited out.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
