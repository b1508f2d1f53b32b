// Proves the lint-enforced layer boundaries bite: each forbidden import, linted as if it were in that layer, is an error.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/x/probe.ts', "import { readFile } from 'node:fs';\nexport const f = readFile;"],
    ['shared/x/probe.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/x/probe.ts', "import { IncidentStore } from '../../electron/core/store/incident-store';\nexport const s = IncidentStore;"],
    ['renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
    ['renderer/src/probe.ts', "import { join } from 'path';\nexport const j = join;"],
    ['renderer/src/probe.ts', "import { startCore } from '../../electron/core/firebreak-core';\nexport const s = startCore;"],
    ['electron/core/x/probe.ts', "import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;"],
    ['electron/core/x/probe.ts', "import { registerIpc } from '../../shell/ipc-bridge';\nexport const r = registerIpc;"],
    ['electron/shell/probe.ts', "import { App } from '../../renderer/src/App';\nexport const a = App;"],
    ['electron/shell/probe.ts', "import { shell } from 'electron';\nvoid shell.openExternal('https://example.com');"],
    ['electron/core/x/probe.ts', "import { rename } from 'node:fs/promises';\nexport const r = rename;"],
    ['electron/core/x/probe.ts', "import { renameSync } from 'node:fs';\nexport const r = renameSync;"],
    ['scripts/probe.ts', "import * as fs from 'node:fs';\nfs.renameSync('a', 'b');"],
  ])('%s may not: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it('allows what each layer may use', async () => {
    expect(await boundaryErrors('shared/x/probe.ts', "import { z } from 'zod';\nexport const s = z.string();")).toEqual([]);
    expect(await boundaryErrors('electron/core/x/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;")).toEqual([]);
    expect(await boundaryErrors('electron/shell/probe.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
    expect(await boundaryErrors('electron/core/base/durable-file.ts', "import { rename } from 'node:fs/promises';\nexport const r = rename;")).toEqual([]);
  });
});
