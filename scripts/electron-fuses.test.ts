// The packaged app's fuses: electron-builder runs scripts/electron-fuses.cjs after packing. Packaging cannot run on this
// machine (no Electron download), so the hook runs here on a file laid out like an Electron binary's fuse wire, and the
// wire is read back with @electron/fuses itself.
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const afterPack = createRequire(__filename)('./electron-fuses.cjs') as (context: unknown) => Promise<void>;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The wire's bytes (@electron/fuses does not export its FuseState): ASCII '1' on, '0' off. */
const FuseState = { ENABLE: 49, DISABLE: 48 } as const;
type FuseState = (typeof FuseState)[keyof typeof FuseState];

/** Electron 41's defaults: RunAsNode, cookie encryption off, NODE_OPTIONS, --inspect on, asar checks off, file:// privileges on. */
function fakeElectronBinary(): Buffer {
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  return Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('…more code')]);
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('Electron fuses in the packaged app', () => {
  it('electron-builder runs the fuse hook after packing', () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { afterPack?: string; asar?: boolean };
    expect(config.afterPack).toBe('scripts/electron-fuses.cjs');
    expect(config.asar).toBe(true);
  });

  it('turns RunAsNode, NODE_OPTIONS and --inspect off; asar integrity, asar-only loading and cookie encryption on', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'firebreak-fuses-'));
    dirs.push(appOutDir);
    const binary = join(appOutDir, 'firebreak');
    writeFileSync(binary, fakeElectronBinary());
    await afterPack({ electronPlatformName: 'linux', arch: 1, appOutDir, packager: { executableName: 'firebreak', appInfo: { productFilename: 'Firebreak' } } });
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, FuseState>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
  });

  it('fails the packaging when the binary has no fuse wire, instead of shipping it unfused', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'firebreak-fuses-'));
    dirs.push(appOutDir);
    writeFileSync(join(appOutDir, 'Firebreak.exe'), Buffer.from('not electron'));
    await expect(afterPack({ electronPlatformName: 'win32', arch: 1, appOutDir, packager: { executableName: 'Firebreak', appInfo: { productFilename: 'Firebreak' } } })).rejects.toThrow(/sentinel/);
  });
});
