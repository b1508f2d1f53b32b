// Electron main process: single instance, secure window, IPC wiring to the plain-Node core. Everything else lives in electron/core.
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { AppLog } from '../core/diagnostics/app-log';
import { startCore, type FirebreakCore } from '../core/firebreak-core';
import { startupSyncFrom } from '../core/sync/sync-service';
import { resolveDataDir } from '../core/platform/data-dir';
import { installAppMenu } from './app-menu';
import { registerIpc } from './ipc-bridge';
import { createMainWindow, hardenSession } from './main-window';
import { installQuitSequence } from './quit-sequence';
import { desktopVault } from './safe-storage-vault';

let core: FirebreakCore | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  let log: AppLog | undefined;

  void app.whenReady().then(async () => {
    hardenSession();
    const assetsDir = app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets');
    const dataDir = resolveDataDir(undefined, app.getPath('userData'));
    try {
      // Main-process errors go to <dataDir>/logs/firebreak.log, redacted; the terminal (when there is one) sees the same lines.
      const appLog = new AppLog({ dataDir, echo: (line) => (/"level":"(warn|error)"/.test(line) ? console.error(line) : undefined) });
      log = appLog;
      // A monitor only records (redacted): Electron's own handling of a crash stays as it is.
      process.on('uncaughtExceptionMonitor', (error, origin) => appLog.error('main', `Uncaught ${origin === 'unhandledRejection' ? 'promise rejection' : 'exception'} in the main process`, { error }));
      const { vault, notice } = await desktopVault(dataDir);
      if (notice) appLog.warn('secrets', notice);
      // `--operator <name>` names the operator for scripts (like FIREBREAK_OPERATOR); otherwise the first run asks.
      const operatorArg = process.argv.indexOf('--operator');
      const operator = operatorArg >= 0 ? process.argv[operatorArg + 1] : undefined;
      core = await startCore({ dataDir, log: appLog, vault, assetsDir, mode: 'desktop', ...(operator ? { operator } : {}), rendererDir: join(__dirname, '..', 'renderer'), version: app.getVersion(), sync: startupSyncFrom(process.argv, process.env) });
    } catch (error) {
      // Without a core there is nothing to show: say why in a dialog (there may be no terminal) and exit.
      const reason = error instanceof Error ? error.message : String(error);
      log?.error('main', 'Firebreak could not start', { error });
      dialog.showErrorBox('Firebreak could not start', `${reason}\n\nData directory: ${dataDir}`);
      app.exit(1);
      return;
    }
    registerIpc(core, () => BrowserWindow.getAllWindows());
    installAppMenu(() => BrowserWindow.getFocusedWindow() ?? undefined);
    await createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
    });
  }).catch((e: unknown) => {
    // E.g. a browser host already owns the data directory: say who, in one line, and exit.
    const message = e instanceof Error ? e.message : String(e);
    console.error(`Firebreak could not start: ${message}`);
    dialog.showErrorBox('Firebreak could not start', message);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  installQuitSequence(app, () => core?.close(), (outcome) => {
    if (outcome.kind === 'failed') log?.error('main', 'Closing the core failed while quitting', { error: outcome.error });
    if (outcome.kind === 'timed-out') console.error(`Firebreak's core did not close within ${outcome.afterMs} ms; quitting anyway.`);
  });
}
