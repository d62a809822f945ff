/**
 * The IPC handlers. Every channel goes through `handle`, which rejects any sender that is not the
 * main frame of a Subtier window showing the app's own page, validates the argument against the
 * contract's schema, and turns every outcome, failures included, into a Result. Nothing thrown in
 * here ever reaches the renderer as an exception.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { ARGUMENT_SCHEMAS, CHANNELS, err } from '../ipc/contract';
import type { AppInfo, ChannelName, OpenedFile, OpenFileArgs, Result, SavedFile, SaveFileArgs } from '../ipc/contract';
import { isAppUrl } from './security';

export interface HandlerDeps {
  /** The Subtier windows; only their web contents may call. */
  readonly windows: () => readonly BrowserWindow[];
  readonly appInfo: () => AppInfo;
  readonly openFile: (window: BrowserWindow | null, args: OpenFileArgs) => Promise<Result<OpenedFile | null>>;
  readonly saveFile: (window: BrowserWindow | null, args: SaveFileArgs) => Promise<Result<SavedFile | null>>;
  /** Where refused calls are reported (the main process log). */
  readonly onRejected?: (channel: ChannelName, reason: string) => void;
}

/** The sender is trusted only if it is the top frame of one of our windows, showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, windows: readonly BrowserWindow[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!windows.some((w) => !w.isDestroyed() && w.webContents.id === event.sender.id)) return false;
  return isAppUrl(frame.url);
}

type Handler<C extends ChannelName> = (arg: z.infer<(typeof ARGUMENT_SCHEMAS)[C]>, window: BrowserWindow | null) => Promise<Result<unknown>>;

function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Registers one channel with the sender check, argument validation and Result wrapping. */
export function handle<C extends ChannelName>(ipcMain: IpcMain, deps: HandlerDeps, channel: C, fn: Handler<C>): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Result<unknown>> => {
    const windows = deps.windows();
    if (!isTrustedSender(event, windows)) {
      deps.onRejected?.(channel, `untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
      return err('Refused: this request did not come from the Subtier window.');
    }
    if (args.length > 1) return err(`Invalid request to ${channel}: expected at most one argument.`);
    const parsed = ARGUMENT_SCHEMAS[channel].safeParse(args[0]);
    if (!parsed.success) return err(`Invalid request to ${channel}: ${describeIssues(parsed.error)}.`);
    const window = windows.find((w) => w.webContents.id === event.sender.id) ?? null;
    try {
      return await fn(parsed.data as never, window);
    } catch (error) {
      return err(`${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** Registers every channel of the contract. */
export function registerIpcHandlers(ipcMain: IpcMain, deps: HandlerDeps): void {
  handle(ipcMain, deps, CHANNELS.appInfo, async () => ({ ok: true, value: deps.appInfo() }));
  handle(ipcMain, deps, CHANNELS.openFile, (args, window) => deps.openFile(window, args));
  handle(ipcMain, deps, CHANNELS.saveFile, (args, window) => deps.saveFile(window, args));
}
