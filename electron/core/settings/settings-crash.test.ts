// Crash safety of the settings files: a child saving every settings file through the real modules (or importing a configuration
// file) is SIGKILLed at random moments; each file must then hold exactly the last acknowledged version or the one being saved —
// never an empty, half-written or mixed file — and the app must open it without a problem.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConnectorSettings } from '../connectors/connector-settings';
import { MetricsSettings, SETTINGS_FILE as METRICS_FILE } from '../metrics/metrics-settings';
import { RunbookLibrary } from '../runbooks/runbook-library';
import { readLibrarySettings } from '../runbooks/library-settings';
import { keyFromFile, openBrowserVault } from '../secrets/vault-key';
import { ServiceCatalogue } from '../services/service-catalogue';
import { crashTestTimeout } from '../store/testing/child-script';
import { runAndKill, seededRandom } from '../store/testing/kill-child';
import { CadencePolicyFile } from '../updates/cadence-policy-file';
import { cadenceVersion, JIRA_TOKEN, METRICS_SECRET, PD_TOKEN, settingKinds, VAULT_KEY, versionIn, type SettingKind } from './testing/settings-versions';

const TRIALS = 12;
const WRITER = join(__dirname, 'testing', 'settings-writer.ts');
let dataDir: string;
let keysRoot: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-settings-crash-'));
  keysRoot = await mkdtemp(join(tmpdir(), 'firebreak-settings-crash-keys-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(keysRoot, { recursive: true, force: true });
});

const exists = (file: string) => stat(file).then(() => true, () => false);

/** What each setting holds on disk now, as the app loads it (undefined: never saved); any problem the app reports fails the test. */
async function versionsOnDisk(): Promise<Record<Exclude<SettingKind, 'vaultKey'>, number | undefined>> {
  const vault = await openBrowserVault({ dataDir, env: { FIREBREAK_VAULT_KEY: VAULT_KEY } });
  const secret = async (name: string, pattern: RegExp) => {
    const value = await vault.get(name);
    return value === undefined ? undefined : versionIn(value, pattern);
  };
  const metrics = await new MetricsSettings(dataDir, vault).current();
  expect(metrics.problem).toBeUndefined();
  const services = await ServiceCatalogue.inDataDir(dataDir).list();
  const cadence = await new CadencePolicyFile(dataDir).load();
  expect(cadence.problem).toBeUndefined();
  const library = await readLibrarySettings(dataDir);
  expect(library.problem).toBeUndefined();
  const connectors = new ConnectorSettings(dataDir, vault);
  const jira = await connectors.jiraView();
  const pd = await connectors.pagerDutyView();
  return {
    metrics: (await exists(join(dataDir, METRICS_FILE))) ? versionIn(metrics.config.prometheus[0]?.name, /^Prod v(\d+)$/) : undefined,
    metricsSecret: await secret(METRICS_SECRET, /^prom-pw-(\d+)$/),
    services: services.length === 0 ? undefined : versionIn(services[0]!.deploy?.branch, /^release-(\d+)$/),
    cadence: cadence.origin === 'file' ? cadenceVersion(cadence.policy) : undefined,
    runbooks: library.settings.source.kind === 'folder' ? versionIn(library.settings.source.path, /[/\\]v(\d+)$/) : undefined,
    jira: jira.email === undefined ? undefined : versionIn(jira.email, /^ic\+(\d+)@/),
    jiraToken: await secret(JIRA_TOKEN, /^jira-token-(\d+)$/),
    pagerduty: pd.fromEmail === undefined ? undefined : versionIn(pd.fromEmail, /^pd\+(\d+)@/),
    pdToken: await secret(PD_TOKEN, /^pd-token-(\d+)$/),
  };
}

it(`leaves every settings file whole (old or new version) over ${TRIALS} SIGKILLs mid-save and mid-import`, { timeout: crashTestTimeout(TRIALS) }, async () => {
  /** Per setting: the version acknowledged last (undefined before the first), and the versions begun since. */
  const settled = new Map<SettingKind, number | undefined>();
  const inFlight = new Map<SettingKind, Set<number>>(settingKinds.map((k) => [k, new Set()]));
  const ackedKeys: number[] = [];
  const random = seededRandom(29);
  let next = 1;

  for (let trial = 0; trial < TRIALS; trial++) {
    const mode = trial % 3 === 2 ? 'import' : 'direct';
    // The last run is long enough for every kind of save to be acknowledged at least once.
    const killAfter = trial === TRIALS - 1 ? 600 : 5 + Math.floor(random() * 250);
    const { lines } = await runAndKill(WRITER, [dataDir, keysRoot, mode, String(next)], killAfter, { ...process.env, FIREBREAK_VAULT_KEY: VAULT_KEY });
    for (const line of lines) {
      const [word, kind, v] = line.split(' ') as [string, SettingKind, string];
      if (word === 'begin') inFlight.get(kind)!.add(Number(v));
      if (word === 'ack') {
        settled.set(kind, Number(v));
        inFlight.get(kind)!.clear();
        if (kind === 'vaultKey') ackedKeys.push(Number(v));
      }
      if (word === 'begin' || word === 'ack') next = Math.max(next, Number(v) + 1);
    }

    const onDisk = await versionsOnDisk();
    for (const [kind, version] of Object.entries(onDisk) as [SettingKind, number | undefined][]) {
      const allowed = [settled.get(kind), ...inFlight.get(kind)!];
      expect(allowed, `${kind} after trial ${trial} (${mode})`).toContain(version);
    }
    // A key folder holds no key or a whole one; every acknowledged key is there and opens.
    for (const folder of await readdir(keysRoot)) {
      const file = join(keysRoot, folder, 'vault.key');
      if (!(await exists(file))) {
        expect(ackedKeys, `key ${folder} was acknowledged but is missing`).not.toContain(Number(folder));
        continue;
      }
      expect(await readFile(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
      expect((await keyFromFile(join(keysRoot, folder), dataDir)).length).toBe(32);
    }
    // And the runbook library, which reports a damaged settings file as a failed attempt, opens cleanly.
    const library = await RunbookLibrary.open({ dataDir, assetsDir: join(dataDir, 'no-bundled-assets') });
    expect(library.status().lastAttempt?.outcome ?? 'rescanned').not.toBe('failed');
  }
  for (const kind of settingKinds) expect(settled.get(kind), `${kind} was never acknowledged`).toBeDefined();
});
