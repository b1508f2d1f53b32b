// Unit and integration tests for shared/, the plain-Node core and renderer logic (no browser, no Electron).
import { configDefaults, defineConfig } from 'vitest/config';
import { contractDependentTests, contractsSkipMessage, locateContracts } from './scripts/contracts-location.cjs';

const contracts = locateContracts();
if (!contracts.dir) console.warn(contractsSkipMessage(contracts.searched));

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(contracts.dir ? [] : contractDependentTests)],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
  },
});
