// electron-builder cannot fetch its tools offline here, so its configuration is validated with electron-builder's own schema instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string };
  extraResources: { from: string; to: string; filter: string[] }[];
};

describe('electron-builder configuration', () => {
  it('passes electron-builder schema validation', async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as {
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = (await import('builder-util')) as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, mac: { target: 'floppy-disk' } }, new DebugLogger(false))).rejects.toThrow();
  });

  it('targets mac dmg+zip, windows nsis, linux AppImage+deb, with icons that exist', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon]) expect(existsSync(join(root, icon))).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('ships the bundled demo incident, and electron stays a devDependency (kept out of the packaged app)', () => {
    expect(config.extraResources[0]!.filter).toContain('demo-incident/**');
    expect(existsSync(join(root, 'assets', 'demo-incident', 'events.jsonl'))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toMatch(/^41\.\d+\.\d+$/);
  });
});
