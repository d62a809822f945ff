/**
 * The file dialogs: the only way the app reads or writes a file the user chooses. Opening refuses a
 * file over its kind's documented size limit before reading it; saving writes to a temporary file
 * beside the target and renames it, so a failure never leaves half a report on the disk.
 */
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dialog } from 'electron';
import type { BrowserWindow, FileFilter as ElectronFileFilter } from 'electron';
import { FILE_KINDS, err, ok, tooLargeMessage } from '../ipc/contract';
import type { OpenFileArgs, OpenedFile, Result, SaveFileArgs, SavedFile } from '../ipc/contract';

function filtersFor(kind: OpenFileArgs['kind']): ElectronFileFilter[] {
  const spec = FILE_KINDS[kind];
  const all = { name: 'All files', extensions: ['*'] };
  return spec.extensions.length ? [{ name: spec.label, extensions: [...spec.extensions] }, all] : [all];
}

function describe(error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === 'ENOENT') return 'the file or its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission was denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Reads at most `maxBytes` from a file; refuses larger files without reading them. */
export async function readLimited(path: string, kind: OpenFileArgs['kind']): Promise<Result<OpenedFile>> {
  const name = basename(path);
  const { maxBytes } = FILE_KINDS[kind];
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return err(`${name} could not be opened: ${describe(error)}.`);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return err(tooLargeMessage(kind, name, size));
    const buffer = await handle.readFile();
    // The file may have grown since stat(): check what was actually read.
    if (buffer.byteLength > maxBytes) return err(tooLargeMessage(kind, name, buffer.byteLength));
    return ok({ name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) });
  } catch (error) {
    return err(`${name} could not be read: ${describe(error)}.`);
  } finally {
    await handle.close();
  }
}

/** Shows the open dialog for a kind of file; null when the user cancels. */
export async function openFileWithDialog(window: BrowserWindow | null, args: OpenFileArgs): Promise<Result<OpenedFile | null>> {
  const options = { title: `Open ${FILE_KINDS[args.kind].label.toLowerCase()}`, properties: ['openFile' as const], filters: filtersFor(args.kind) };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return ok(null);
  return readLimited(path, args.kind);
}

/** Writes bytes to `path` through a temporary file in the same folder and an atomic rename. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Shows the save dialog; writes the bytes where the user chose. Null when the user cancels. */
export async function saveFileWithDialog(window: BrowserWindow | null, args: SaveFileArgs, defaultFolder: string): Promise<Result<SavedFile | null>> {
  const options = { title: 'Save', defaultPath: join(defaultFolder, args.suggestedName), filters: args.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return ok(null);
  try {
    await writeAtomically(choice.filePath, args.bytes);
  } catch (error) {
    return err(`${basename(choice.filePath)} could not be saved: ${describe(error)}.`);
  }
  return ok({ name: basename(choice.filePath) });
}
