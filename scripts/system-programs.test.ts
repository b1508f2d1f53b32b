// The test set-up finds Chromium, Prometheus and Alertmanager on any machine: variable, then PATH, then usual places.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installHint, locateProgram, requireProgram } from './system-programs.cjs';

const dir = mkdtempSync(join(tmpdir(), 'firebreak-programs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeExecutable(relative: string): string {
  const path = join(dir, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('locating the system programs the tests drive', () => {
  it('takes CHROMIUM_PATH over anything on PATH', () => {
    const chosen = fakeExecutable('custom/my-chromium');
    fakeExecutable('bin/chromium');
    expect(locateProgram('chromium', { CHROMIUM_PATH: chosen, PATH: join(dir, 'bin') })).toBe(chosen);
  });

  it('finds the program on PATH under any of its usual names', () => {
    const onPath = fakeExecutable('path2/chromium-browser');
    const am = fakeExecutable('path2/alertmanager');
    expect(locateProgram('chromium', { PATH: join(dir, 'path2') })).toBe(onPath);
    expect(locateProgram('alertmanager', { PATH: join(dir, 'path2') })).toBe(am);
  });

  it('reports a variable that points nowhere instead of silently using another copy', () => {
    const env = { CHROMIUM_PATH: join(dir, 'missing'), PATH: join(dir, 'bin') };
    expect(locateProgram('chromium', env)).toBeUndefined();
    expect(installHint('chromium', env)).toContain(`CHROMIUM_PATH=${join(dir, 'missing')} is not an executable file`);
  });

  it('names the program and how to install it when it is nowhere', () => {
    const env = { PROMETHEUS_PATH: '', PATH: join(dir, 'empty') };
    const hint = installHint('prometheus', env);
    expect(hint).toContain('sudo apt-get install -y prometheus');
    expect(hint).toContain('brew install prometheus');
    expect(hint).toContain('PROMETHEUS_PATH');
    if (!locateProgram('prometheus', env)) expect(() => requireProgram('prometheus', env)).toThrow('prometheus not found');
  });
});
