// Unit and integration tests for shared/, the plain-Node core and renderer logic, and the built desktop main + preload on
// the electron stand-in (electron/shell/stand-in; no browser, no Electron binary).
import { configDefaults, defineConfig } from 'vitest/config';
import { contractDependentTests, contractsSkipMessage, locateContracts } from './scripts/contracts-location.cjs';

const contracts = locateContracts();
if (!contracts.dir) console.warn(contractsSkipMessage(contracts.searched));

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts',
      // Component tests render React with Testing Library; each opts into a DOM with `// @vitest-environment happy-dom`.
      'renderer/**/*.test.tsx', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(contracts.dir ? [] : contractDependentTests)],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
    globalSetup: ['scripts/vitest-global-setup.mjs'],
  },
});
