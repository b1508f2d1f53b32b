// Child process for the settings crash test: saves every settings file through the real modules, over and over, until SIGKILLed.
// "direct": each settings screen saves its own file at the same time as the others; "import": the configuration file is imported.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConnectorSettings } from '../../connectors/connector-settings';
import { MetricsSettings } from '../../metrics/metrics-settings';
import { RunbookLibrary } from '../../runbooks/runbook-library';
import { keyFromFile, openBrowserVault } from '../../secrets/vault-key';
import { ServiceCatalogue } from '../../services/service-catalogue';
import { CadencePolicyFile } from '../../updates/cadence-policy-file';
import { importConfig } from '../config-transfer';
import { cadenceVersion, importedKinds, versioned, type SettingKind } from './settings-versions';

async function main(): Promise<void> {
  const [dataDir, keysRoot, mode, first] = process.argv.slice(2);
  if (!dataDir || !keysRoot || !first || (mode !== 'direct' && mode !== 'import')) throw new Error('usage: settings-writer <dataDir> <keysRoot> direct|import <first version>');
  const vault = await openBrowserVault({ dataDir });
  const connectors = new ConnectorSettings(dataDir, vault);
  const metrics = new MetricsSettings(dataDir, vault);
  const catalogue = ServiceCatalogue.inDataDir(dataDir);
  const cadence = new CadencePolicyFile(dataDir);
  const runbooks = await RunbookLibrary.open({ dataDir, assetsDir: join(dataDir, 'no-bundled-assets') });
  let next = Number(first);
  const take = () => next++;
  const say = (word: 'begin' | 'ack', kinds: SettingKind[], v: number) => process.stdout.write(kinds.map((k) => `${word} ${k} ${v}\n`).join(''));
  /** Prints "begin" before the save starts and "ack" once it resolved: only acknowledged saves must survive a kill. */
  const saving = async (kinds: SettingKind[], v: number, save: () => Promise<unknown>) => {
    say('begin', kinds, v);
    await save();
    say('ack', kinds, v);
  };
  const forever = async (round: () => Promise<void>) => {
    for (;;) await round();
  };
  process.stdout.write('ready\n');

  if (mode === 'import') {
    const deps = { dataDir, version: 'crash-test', connectors, metrics, catalogue, runbooks, cadence };
    await forever(async () => {
      const v = take();
      await mkdir(versioned.runbookFolder(dataDir, v), { recursive: true });
      await saving(importedKinds, v, () => importConfig(deps, versioned.configFile(dataDir, v)));
    });
    return;
  }
  await Promise.all([
    forever(() => {
      const v = take();
      return saving(['metrics', 'metricsSecret'], v, () => metrics.save(versioned.metrics(v)));
    }),
    forever(() => {
      const v = take();
      return saving(['services'], v, () => catalogue.put(versioned.service(v)));
    }),
    // Two saves of the cadence at once (a double click, two windows): either may win, neither may break the file.
    forever(async () => {
      const [a, b] = [take(), take()];
      say('begin', ['cadence'], a);
      say('begin', ['cadence'], b);
      await Promise.all([cadence.save(versioned.cadence(a)), cadence.save(versioned.cadence(b))]);
      const info = await cadence.load();
      if (info.problem) throw new Error(info.problem);
      say('ack', ['cadence'], cadenceVersion(info.policy));
    }),
    forever(async () => {
      const v = take();
      await mkdir(versioned.runbookFolder(dataDir, v), { recursive: true });
      await saving(['runbooks'], v, () => runbooks.configure({ kind: 'folder', path: versioned.runbookFolder(dataDir, v) }));
    }),
    // Jira and PagerDuty saved at the same moment share connectors/settings.json and the vault.
    forever(() => {
      const v = take();
      return saving(['jira', 'jiraToken', 'pagerduty', 'pdToken'], v, () => Promise.all([connectors.saveJira(versioned.jira(v)), connectors.savePagerDuty(versioned.pagerDuty(v))]));
    }),
    // A fresh key folder each round: the first secret saved on a machine creates the browser-mode vault key.
    forever(() => {
      const v = take();
      return saving(['vaultKey'], v, () => keyFromFile(join(keysRoot, String(v)), dataDir));
    }),
  ]);
}

main().catch((e: unknown) => {
  process.stderr.write(`settings-writer failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
