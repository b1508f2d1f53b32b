// safeStorage, dialog, shell, Menu and Notification of the stand-in. Each records what the app asked of the OS so a test
// can assert it; dialogs answer through a responder the test sets (by default: the cancel button, as if Escape was pressed).
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

export type StorageBackend = 'gnome_libsecret' | 'kwallet5' | 'basic_text' | 'unavailable';

/** The OS keyring: a key that survives app restarts (share one keyring between stand-ins to model a restart). */
export class StandInKeyring {
  constructor(readonly key: Buffer = randomBytes(32)) {}
}

// Chromium's os_crypt on Linux without a keyring ("basic_text"): AES-128-CBC, key PBKDF2("peanuts", "saltysalt", 1),
// IV of 16 spaces, prefix "v10". These constants are public, so anyone with the file can decrypt it.
const BASIC_TEXT_KEY = pbkdf2Sync('peanuts', 'saltysalt', 1, 16, 'sha1');
const BASIC_TEXT_IV = Buffer.alloc(16, ' ');

export function decryptBasicText(data: Buffer): string {
  if (data.subarray(0, 3).toString() !== 'v10') throw new Error('not a basic_text ciphertext');
  const decipher = createDecipheriv('aes-128-cbc', BASIC_TEXT_KEY, BASIC_TEXT_IV);
  return Buffer.concat([decipher.update(data.subarray(3)), decipher.final()]).toString('utf8');
}

export function createSafeStorage(backend: StorageBackend, keyring: StandInKeyring) {
  const fail = () => {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  };
  return {
    isEncryptionAvailable: () => backend !== 'unavailable',
    getSelectedStorageBackend: () => (backend === 'unavailable' ? 'unknown' : backend),
    encryptString(plain: string): Buffer {
      if (backend === 'unavailable') throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
      if (backend === 'basic_text') {
        const cipher = createCipheriv('aes-128-cbc', BASIC_TEXT_KEY, BASIC_TEXT_IV);
        return Buffer.concat([Buffer.from('v10'), cipher.update(plain, 'utf8'), cipher.final()]);
      }
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyring.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(data: Buffer): string {
      const prefix = data.subarray(0, 3).toString();
      if (prefix === 'v10') return decryptBasicText(data);
      if (prefix !== 'v11' || backend === 'unavailable') return fail();
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyring.key, data.subarray(3, 15));
        decipher.setAuthTag(data.subarray(15, 31));
        return Buffer.concat([decipher.update(data.subarray(31)), decipher.final()]).toString('utf8');
      } catch {
        return fail();
      }
    },
  };
}

export interface MessageBoxOptions {
  message: string;
  buttons?: string[];
  cancelId?: number;
  defaultId?: number;
  [key: string]: unknown;
}

export function createOsServices() {
  const record = {
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as MessageBoxOptions[],
    openedExternally: [] as string[],
    notifications: [] as { title: string; body: string }[],
    applicationMenu: undefined as StandInMenu | undefined,
    /** Which button the "user" presses in a message box; by default the cancel button. */
    respond: (options: MessageBoxOptions): number => options.cancelId ?? 0,
  };
  const dialog = {
    showErrorBox(title: string, content: string) {
      record.errorBoxes.push({ title, content });
    },
    async showMessageBox(...args: unknown[]) {
      const options = (args.length > 1 ? args[1] : args[0]) as MessageBoxOptions;
      record.messageBoxes.push(options);
      return { response: record.respond(options), checkboxChecked: false };
    },
  };
  const shell = {
    async openExternal(url: string) {
      record.openedExternally.push(url);
    },
  };
  class Notification extends EventEmitter {
    static isSupported = () => true;
    constructor(private readonly options: { title?: string; body?: string }) {
      super();
    }
    show() {
      record.notifications.push({ title: this.options.title ?? '', body: this.options.body ?? '' });
      this.emit('show');
    }
    close() {
      this.emit('close');
    }
  }
  const Menu = {
    buildFromTemplate: (template: MenuTemplateItem[]) => new StandInMenu(template),
    setApplicationMenu(menu: StandInMenu | null) {
      record.applicationMenu = menu ?? undefined;
    },
    getApplicationMenu: () => record.applicationMenu ?? null,
  };
  return { record, dialog, shell, Notification, Menu };
}

export interface MenuTemplateItem {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: (item: unknown, window: unknown, event: unknown) => void;
  submenu?: MenuTemplateItem[] | StandInMenu;
}

/** Roles that reload the page or open DevTools (Electron's viewMenu role contains them). */
export const DEVELOPER_ROLES = new Set(['reload', 'forceReload', 'toggleDevTools', 'viewMenu']);

export class StandInMenu {
  readonly items: MenuTemplateItem[];
  constructor(template: MenuTemplateItem[]) {
    this.items = template.map((item) => ({ ...item, ...(Array.isArray(item.submenu) ? { submenu: new StandInMenu(item.submenu) } : {}) }));
  }
  /** Every item, depth first (test helper). */
  flatten(): MenuTemplateItem[] {
    return this.items.flatMap((item) => [item, ...(item.submenu instanceof StandInMenu ? item.submenu.flatten() : [])]);
  }
  /** Clicks an item by label, as the user would (test helper). */
  click(label: string, focusedWindow: unknown): void {
    const item = this.flatten().find((i) => i.label === label);
    if (!item?.click) throw new Error(`No clickable menu item "${label}".`);
    item.click(item, focusedWindow, {});
  }
}
