// The application menu: standard roles plus the cockpit's keyboard-first commands, forwarded to the renderer.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** Reload and DevTools only while developing: a packaged build keeps zoom and full screen, nothing that reloads or inspects. */
function viewMenu(): MenuItemConstructorOptions {
  if (!app.isPackaged) return { role: 'viewMenu' };
  return {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
}

export function installAppMenu(focused: () => BrowserWindow | undefined): void {
  const command = (name: string) => () => focused()?.webContents.send('firebreak:menu', name);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Incident',
      submenu: [
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', click: command('palette') },
        { label: 'Declare Incident…', accelerator: 'CmdOrCtrl+Shift+D', click: command('declare') },
        { label: 'Add Note…', accelerator: 'CmdOrCtrl+Shift+N', click: command('note') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    viewMenu(),
    { role: 'windowMenu' },
    // '?' opens the same list inside the window; the menu makes it findable without knowing that.
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', click: command('keyboard') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
