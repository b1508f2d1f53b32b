// BrowserWindow, webContents and session of the stand-in. Loading a page runs the window's preload in a fresh renderer
// (renderer-world.ts); navigation, redirects, window.open and permission requests are driven by tests through `standIn`
// controls and pass through the handlers the shell installed, with Electron's defaults where none is installed.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { frameFor, loadDocument, type MainProcessEnd, type RendererDocument } from './renderer-world';

/** Electron's Event object for navigation events: details plus preventDefault(). */
export function navigationEvent(url: string, isMainFrame: boolean) {
  const event = { url, isMainFrame, isSameDocument: false, frame: frameFor(url, isMainFrame), defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

export class StandInSession {
  private requestHandler: ((...args: unknown[]) => void) | null = null;
  private checkHandler: ((...args: unknown[]) => boolean) | null = null;
  private headersHandler: ((details: unknown, callback: (r: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onHeadersReceived: (handler: StandInSession['headersHandler']) => {
      this.headersHandler = handler;
    },
  };
  setPermissionRequestHandler(handler: StandInSession['requestHandler']) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: StandInSession['checkHandler']) {
    this.checkHandler = handler;
  }
  /** A frame asks for a permission. Electron grants everything when no handler is installed. */
  request(wc: StandInWebContents, permission: string, frameUrl: string, isMainFrame: boolean): Promise<boolean> {
    if (!this.requestHandler) return Promise.resolve(true);
    return new Promise((resolve) => this.requestHandler!(wc, permission, resolve, { requestingUrl: frameUrl, isMainFrame }));
  }
  check(wc: StandInWebContents | null, permission: string, frameUrl: string, isMainFrame: boolean): boolean {
    if (!this.checkHandler) return true;
    return this.checkHandler(wc, permission, frameFor(frameUrl).origin, { requestingUrl: frameUrl, isMainFrame, securityOrigin: frameFor(frameUrl).origin });
  }
  /** The response headers a page would get after the shell's onHeadersReceived handler. */
  responseHeaders(url: string, responseHeaders: Record<string, string[]>): Promise<Record<string, string[]>> {
    if (!this.headersHandler) return Promise.resolve(responseHeaders);
    return new Promise((resolve) => this.headersHandler!({ url, responseHeaders }, (r) => resolve(r.responseHeaders ?? responseHeaders)));
  }
}

let nextId = 1;

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  private document: RendererDocument | undefined;
  private openHandler: ((details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' }) | undefined;
  private destroyed = false;
  devToolsOpened = false;

  constructor(
    readonly session: StandInSession,
    private readonly webPreferences: Record<string, unknown>,
    private readonly main: MainProcessEnd,
  ) {
    super();
  }

  get mainFrame() {
    return this.document?.frame ?? frameFor('about:blank');
  }
  getURL(): string {
    return this.document?.frame.url ?? '';
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  setWindowOpenHandler(handler: StandInWebContents['openHandler']): void {
    this.openHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.document?.deliver(channel, args);
  }
  openDevTools(): void {
    // With webPreferences.devTools false Electron silently refuses.
    if (this.webPreferences.devTools !== false) this.devToolsOpened = true;
  }
  isDevToolsOpened(): boolean {
    return this.devToolsOpened;
  }
  reload(): void {
    if (this.document) this.load(this.document.frame.url);
  }

  /** Programmatic loads (loadURL/loadFile) do not emit will-navigate, as in Electron. */
  async loadURL(url: string): Promise<void> {
    if (url.startsWith('file:') && !existsSync(new URL(url))) throw Object.assign(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`), { code: 'ERR_FILE_NOT_FOUND', errno: -6 });
    this.load(url);
  }
  async loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).href);
  }

  private load(url: string): void {
    this.document = loadDocument(url, {
      ...(typeof this.webPreferences.preload === 'string' ? { preloadPath: this.webPreferences.preload } : {}),
      contextIsolation: this.webPreferences.contextIsolation !== false,
      sandbox: this.webPreferences.sandbox !== false,
      main: this.main,
    });
    if (this.document.preloadError) this.emit('preload-error', {}, this.webPreferences.preload, this.document.preloadError);
    this.emit('did-finish-load');
  }

  /** Test controls: what a page can do. Not part of Electron's API. */
  readonly standIn = {
    /** The page's window object (what the preload exposed). */
    mainWorld: (): Record<string, unknown> => this.document?.mainWorld ?? {},
    listenerCount: (channel: string): number => this.document?.listenerCount(channel) ?? 0,
    preloadError: (): Error | undefined => this.document?.preloadError,
    /** A link click or location change in the main frame. Returns whether the page navigated. */
    navigate: (url: string): boolean => {
      const frameEvent = navigationEvent(url, true);
      this.emit('will-frame-navigate', frameEvent);
      const event = navigationEvent(url, true);
      this.emit('will-navigate', event, url, false, true);
      if (frameEvent.defaultPrevented || event.defaultPrevented) return false;
      this.load(url);
      return true;
    },
    /** A sub-frame (iframe) navigates. Returns whether it was allowed. */
    navigateSubframe: (url: string): boolean => {
      const event = navigationEvent(url, false);
      this.emit('will-frame-navigate', event);
      return !event.defaultPrevented;
    },
    /** The server answers the current navigation with a redirect. Returns whether the redirect was followed. */
    redirect: (url: string): boolean => {
      const event = navigationEvent(url, true);
      this.emit('will-redirect', event, url, false, true);
      if (event.defaultPrevented) return false;
      this.load(url);
      return true;
    },
    /** window.open / target=_blank / middle click. Returns the handler's decision; Electron allows when there is none. */
    windowOpen: (url: string): 'allow' | 'deny' => (this.openHandler ? this.openHandler({ url, frameName: '', features: '', disposition: 'foreground-tab' }).action : 'allow'),
    /** A <webview> about to attach. Returns whether it was allowed. */
    attachWebview: (): boolean => {
      const event = navigationEvent('about:blank', false);
      this.emit('will-attach-webview', event, {}, {});
      return !event.defaultPrevented;
    },
    requestPermission: (permission: string, frameUrl = this.getURL(), isMainFrame = true) => this.session.request(this, permission, frameUrl, isMainFrame),
    checkPermission: (permission: string, frameUrl = this.getURL(), isMainFrame = true) => this.session.check(this, permission, frameUrl, isMainFrame),
  };
}

export interface WindowHost {
  session: StandInSession;
  main: MainProcessEnd;
  created(win: StandInBrowserWindow): void;
  closed(win: StandInBrowserWindow): void;
  focused(win: StandInBrowserWindow): void;
}

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  private visible = false;
  private minimized = false;
  private destroyed = false;
  private shownOnce = false;

  constructor(
    readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> },
    private readonly host: WindowHost,
  ) {
    super();
    this.webContents = new StandInWebContents(host.session, options.webPreferences ?? {}, host.main);
    this.webContents.on('did-finish-load', () => {
      if (this.shownOnce) return;
      this.shownOnce = true;
      this.emit('ready-to-show');
    });
    if (options.show !== false) this.show();
    host.created(this);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }
  show(): void {
    this.visible = true;
    this.focus();
  }
  hide(): void {
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.minimized = false;
    this.host.focused(this);
    this.emit('focus');
  }
  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    if (this.destroyed) return;
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    this.host.closed(this);
  }
}
