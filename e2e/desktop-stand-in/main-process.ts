// A desktop "main process" for the IPC-transport journey: the BUILT out/main on the electron stand-in, its window's page
// running the BUILT out/preload. The Playwright test talks to the page's exposed API (window.firebreak) over Node IPC:
// calls in, results and callbacks out. Functions cross as handles, like contextBridge proxies do.
import { launchBuiltMain, repoRoot } from '../../electron/shell/stand-in/load-built-app';
import { StandInKeyring } from '../../electron/shell/stand-in/os-services';

export type ToMain =
  | { type: 'call'; id: number; target: string | { handle: number }; args: unknown[] }
  | { type: 'document' }
  | { type: 'quit' };
export type FromMain =
  | { type: 'ready'; keys: string[] }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; message: string }
  | { type: 'callback'; fn: number; args: unknown[] }
  | { type: 'exited'; code: number };

type Fn = (...args: unknown[]) => unknown;

const send = (message: FromMain) => process.send!(message);

async function main() {
  const userData = process.env.FIREBREAK_STAND_IN_USER_DATA;
  if (!userData || !process.send) throw new Error('Run me with fork() and FIREBREAK_STAND_IN_USER_DATA.');
  // The OS keyring outlives the app: every main process of one journey gets the same key.
  const keyring = new StandInKeyring(Buffer.from(process.env.FIREBREAK_STAND_IN_KEYRING ?? '', 'hex'));
  const app = launchBuiltMain({ userData, appPath: repoRoot, keyring });
  const win = await app.firstLoadedWindow().catch((e: unknown) => {
    // A core that could not start shows a dialog: its text is the reason.
    for (const box of app.os.errorBoxes) console.error(`${box.title}: ${box.content}`);
    throw e;
  });
  const api = () => win.webContents.standIn.mainWorld().firebreak as Record<string, Fn>;
  let handles = new Map<number, Fn>();
  let nextHandle = 1;

  const decode = (arg: unknown): unknown => {
    const fn = (arg as { $fn?: number } | null)?.$fn;
    return typeof fn === 'number' ? (...args: unknown[]) => send({ type: 'callback', fn, args }) : arg;
  };
  const encode = (value: unknown): unknown => {
    if (typeof value !== 'function') return value;
    const handle = nextHandle++;
    handles.set(handle, value as Fn);
    return { $handle: handle };
  };

  process.on('message', async (message: ToMain) => {
    if (message.type === 'quit') {
      app.app.quit();
      return;
    }
    if (message.type === 'document') {
      // The page (re)loaded: a new document, a new preload run; the old document's listeners are gone, as in Electron.
      win.webContents.reload();
      handles = new Map();
      return;
    }
    try {
      const fn = typeof message.target === 'string' ? api()[message.target] : handles.get(message.target.handle);
      if (typeof fn !== 'function') throw new Error(`window.firebreak has no function ${JSON.stringify(message.target)}`);
      const value = encode(await fn(...message.args.map(decode)));
      send({ type: 'result', id: message.id, ok: true, value });
    } catch (e) {
      send({ type: 'result', id: message.id, ok: false, message: (e as Error).message });
    }
  });

  // The stand-in's app.exit() does not end this process; this does, once the parent knows the exit code.
  void app.exited().then((code) => (app.os.errorBoxes.forEach((b) => console.error(`${b.title}: ${b.content}`)), code)).then((code) => process.send!({ type: 'exited', code } satisfies FromMain, () => process.exit(code)));
  send({ type: 'ready', keys: Object.keys(api()) });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
