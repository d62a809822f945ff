/**
 * The renderer's only door to the desktop shell: typed access to `window.subtier` (see
 * src/ipc/contract.ts), with browser fallbacks so the same features run in the web build. Features
 * call `openFile`, `saveFile` and `appInfo` and never ask where they run. No other renderer file
 * may touch `window.subtier`.
 */
import { FILE_KINDS, err, ok, tooLargeMessage } from '../../src/ipc/contract';
import type { AppInfo, FileFilter, FileKind, OpenedFile, Result, SavedFile, SubtierBridge } from '../../src/ipc/contract';
import { APP_VERSION } from '../../src/core/version';

declare global {
  interface Window {
    /** Present only in the desktop app, put there by the preload. */
    readonly subtier?: SubtierBridge;
  }
}

/** The desktop bridge, or null in a plain browser. */
function desktop(): SubtierBridge | null {
  return typeof window !== 'undefined' && window.subtier ? window.subtier : null;
}

/** True in the desktop app, false in the web build. */
export function isDesktop(): boolean {
  return desktop() !== null;
}

/** The app's version, platform and where its data lives. */
export async function appInfo(): Promise<Result<AppInfo>> {
  const bridge = desktop();
  if (bridge) return bridge.appInfo();
  return ok({
    version: APP_VERSION,
    platform: 'web',
    dataLocations: { database: "This browser's storage for this site (IndexedDB)", logs: "The browser's developer console" },
  });
}

/** The `accept` attribute for a kind of file: its extensions, or anything. */
export function acceptFor(kind: FileKind): string {
  return FILE_KINDS[kind].extensions.map((e) => `.${e}`).join(',');
}

/** Reads a browser File within its kind's size limit. */
export async function readPickedFile(file: File, kind: FileKind): Promise<Result<OpenedFile>> {
  if (file.size > FILE_KINDS[kind].maxBytes) return err(tooLargeMessage(kind, file.name, file.size));
  try {
    return ok({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    return err(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Lets the user pick a file through a hidden file input; resolves null on cancel. */
function pickInBrowser(kind: FileKind): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFor(kind);
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/**
 * Asks the user for a file of a kind (workbook, bundle, list, evidence, attestation) and returns its
 * name and bytes, or null when they cancel. Files over the kind's documented limit are refused.
 */
export async function openFile(kind: FileKind): Promise<Result<OpenedFile | null>> {
  const bridge = desktop();
  if (bridge) return bridge.openFile({ kind });
  const file = await pickInBrowser(kind);
  return file ? readPickedFile(file, kind) : ok(null);
}

export interface SaveRequest {
  readonly suggestedName: string;
  readonly bytes: Uint8Array;
  readonly filters: readonly FileFilter[];
}

/** The media type a browser download gets, from the first filter's first extension. */
function mediaTypeFor(filters: readonly FileFilter[]): string {
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    json: 'application/json',
    csv: 'text/csv',
    zip: 'application/zip',
  };
  return types[filters[0]?.extensions[0]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/**
 * Saves bytes as a file the user chooses: the save dialog in the desktop app, a download in a
 * browser. Resolves null when the user cancels the dialog (a browser download cannot be cancelled
 * from here, so it always reports the suggested name).
 */
export async function saveFile(request: SaveRequest): Promise<Result<SavedFile | null>> {
  const bridge = desktop();
  if (bridge) return bridge.saveFile({ suggestedName: request.suggestedName, bytes: request.bytes, filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) });
  try {
    // A Blob cannot take a view of shared memory; ours never is, but copy rather than assume.
    const part = request.bytes.buffer instanceof ArrayBuffer ? (request.bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(request.bytes);
    const blob = new Blob([part], { type: mediaTypeFor(request.filters) });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = request.suggestedName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser time to start the download before the blob goes away.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return ok({ name: request.suggestedName });
  } catch (error) {
    return err(`${request.suggestedName} could not be saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}
