// A stand-in for the `electron` module, for tests that run the main process and the preload in
// Node with `vi.mock('electron', () => import('./fake-electron'))`. It records what the app asks of
// Electron (window options, session handlers, protocol handlers, IPC handlers, menus, exposed APIs)
// and lets a test fire the events a real Electron would.
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

/** An Electron-style event whose default a handler may prevent. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(public url: string) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame = new FakeFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits an event the way Electron does and returns whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  loadedFile: string | null = null;
  shown = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    state.webContentsCreated(this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  async loadFile(file: string): Promise<void> {
    this.loadedFile = file;
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

type RequestListener = (details: { url: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

class FakeSession extends EventEmitter {
  beforeRequest: RequestListener | null = null;
  headersReceived: HeadersListener | null = null;
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  displayMedia: ((request: unknown, callback: (streams: unknown) => void) => void) | null = null;
  spellChecker = true;
  readonly webRequest = {
    onBeforeRequest: (listener: RequestListener) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
  setDisplayMediaRequestHandler(h: FakeSession['displayMedia']): void {
    this.displayMedia = h;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
  /** Runs a URL through the request filter the app installed; true when it was cancelled. */
  request(url: string, resourceType = 'xhr'): boolean {
    if (!this.beforeRequest) throw new Error('no onBeforeRequest listener installed');
    let cancelled: boolean | undefined;
    this.beforeRequest({ url, resourceType }, (response) => {
      cancelled = response.cancel === true;
    });
    if (cancelled === undefined) throw new Error('the request listener never answered');
    return cancelled;
  }
}

class FakeApp extends EventEmitter {
  sandboxEnabled = false;
  isPackaged = false;
  quitCalled = false;
  singleInstance = true;
  private readyResolve: (() => void) | null = null;
  private ready = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Test helper: Electron is ready. */
  becomeReady(): void {
    this.readyResolve?.();
  }
  quit(): void {
    this.quitCalled = true;
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  getName(): string {
    return 'Subtier';
  }
  getPath(name: string): string {
    return `/fake/${name}`;
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

const state = {
  webContentsCreated: (contents: FakeWebContents) => {
    app.emit('web-contents-created', new FakeEvent(), contents);
  },
};

export let app = new FakeApp();
export let session = { defaultSession: new FakeSession() };
export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  },
};
export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle(channel: string, handler: IpcHandler): void {
    this.handlers.set(channel, handler);
  },
};
export const dialog = {
  nextOpen: { canceled: true, filePaths: [] as string[] },
  nextSave: { canceled: true, filePath: '' as string | undefined },
  opened: [] as unknown[],
  saved: [] as unknown[],
  async showOpenDialog(...args: unknown[]) {
    this.opened.push(args[args.length - 1]);
    return this.nextOpen;
  },
  async showSaveDialog(...args: unknown[]) {
    this.saved.push(args[args.length - 1]);
    return this.nextSave;
  },
  async showMessageBox() {
    return { response: 0 };
  },
};
export const Menu = {
  applied: null as unknown,
  buildFromTemplate(template: unknown) {
    return { template };
  },
  setApplicationMenu(menu: unknown): void {
    this.applied = menu;
  },
};
export const shell = {
  openExternal: async (url: string) => {
    throw new Error(`shell.openExternal(${url}) must never be called`);
  },
};

// The preload side.
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};
export const ipcRenderer = {
  invoked: [] as { channel: string; args: unknown[] }[],
  reply: (async () => ({ ok: true, value: null })) as (channel: string, ...args: unknown[]) => Promise<unknown>,
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply(channel, ...args);
  },
};

export const BrowserWindow = FakeBrowserWindow;

/** Resets every recorded call, for a fresh start in each test. */
export function resetFakeElectron(): void {
  app = new FakeApp();
  session = { defaultSession: new FakeSession() };
  FakeBrowserWindow.all = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  ipcMain.handlers.clear();
  dialog.nextOpen = { canceled: true, filePaths: [] };
  dialog.nextSave = { canceled: true, filePath: '' };
  dialog.opened = [];
  dialog.saved = [];
  Menu.applied = null;
  contextBridge.exposed.clear();
  ipcRenderer.invoked = [];
  ipcRenderer.reply = async () => ({ ok: true, value: null });
}

/** An IPC event as the main process would receive it from `contents`, from a frame at `url`. */
export function ipcEventFrom(contents: FakeWebContents, url: string, opts: { subframe?: boolean } = {}) {
  const frame = new FakeFrame(url);
  if (opts.subframe) frame.parent = new FakeFrame(url);
  return { sender: contents, senderFrame: frame };
}

export default { app, session, protocol, ipcMain, dialog, Menu, shell, contextBridge, ipcRenderer, BrowserWindow };
export type { Listener };
