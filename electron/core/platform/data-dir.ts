// Where Firebreak keeps its data: the same folder Electron's userData uses, so desktop and browser mode share incidents.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Firebreak';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** FIREBREAK_DATA_DIR (or --data-dir) wins; otherwise `<userData>/data`. */
export function resolveDataDir(explicit: string | undefined, userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.FIREBREAK_DATA_DIR;
  return chosen ? resolve(chosen) : join(userDataDir, 'data');
}
