/**
 * The IPC contract between the renderer and the main process: channel names, the argument schema of
 * each channel, the file kinds the app opens (with their size limits), and the `SubtierBridge` type
 * that the preload exposes as `window.subtier`. Main validates every argument against these schemas;
 * the renderer never sees Electron. Keep it small: every method here is attack surface.
 */
import { z } from 'zod';
import { CHANNELS } from './channels';
import type { BridgeMethod, ChannelName, Result } from './channels';

export { BRIDGE_METHODS, CHANNELS, METHOD_CHANNELS, err, ok } from './channels';
export type { BridgeMethod, ChannelName, Result } from './channels';

const MB = 1024 * 1024;

/**
 * The kinds of file the user can open, with the extensions offered by the dialog and the largest
 * file accepted. Limits keep a hostile or mistaken file from exhausting memory; they are documented
 * in the README. The official UN list is about 1 MB and OFAC's SDN CSV about 5 MB today.
 */
export const FILE_KINDS = {
  workbook: { label: 'Excel workbook', extensions: ['xlsx'], maxBytes: 25 * MB },
  bundle: { label: 'Subtier project bundle', extensions: ['subtier', 'zip'], maxBytes: 500 * MB },
  'sanctions-list': { label: 'Sanctions list (UN XML, OFAC CSV)', extensions: ['xml', 'csv'], maxBytes: 100 * MB },
  evidence: { label: 'Evidence file', extensions: [], maxBytes: 100 * MB },
  attestation: { label: 'Returned attestation form (PDF)', extensions: ['pdf'], maxBytes: 25 * MB },
  report: { label: 'Subtier due-diligence report (PDF)', extensions: ['pdf'], maxBytes: 100 * MB },
} as const satisfies Record<string, { label: string; extensions: readonly string[]; maxBytes: number }>;
export type FileKind = keyof typeof FILE_KINDS;
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]];

/** The largest file the app writes in one save: a bundle with all its evidence. */
export const MAX_SAVE_BYTES = 500 * MB;

export const openFileArgsSchema = z.object({ kind: z.enum(FILE_KIND_NAMES) }).strict();
export type OpenFileArgs = z.infer<typeof openFileArgsSchema>;

const extension = z.string().regex(/^[a-z0-9]{1,10}$/i, 'must be a file extension such as pdf, without the dot');

export const fileFilterSchema = z.object({
  name: z.string().trim().min(1).max(100),
  extensions: z.array(extension).min(1).max(10),
}).strict();
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** A bare file name: no folders, no control characters, not "." or "..". */
export const fileNameSchema = z.string().trim().min(1).max(200)
  .refine((s) => !/[/\\:<>"|?*]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 32), 'must be a plain file name without folders or special characters')
  .refine((s) => s !== '.' && s !== '..', 'must be a plain file name');

export const saveFileArgsSchema = z.object({
  suggestedName: fileNameSchema,
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes (a Uint8Array)').refine((b) => b.byteLength <= MAX_SAVE_BYTES, `must be at most ${MAX_SAVE_BYTES / MB} MB`),
  /** The dialog's file-type choices; none means any file (evidence without an extension). */
  filters: z.array(fileFilterSchema).max(5),
}).strict();
export type SaveFileArgs = z.infer<typeof saveFileArgsSchema>;

/** The argument schema of every channel; `undefined` means the channel takes no argument. */
export const ARGUMENT_SCHEMAS = {
  [CHANNELS.appInfo]: z.undefined(),
  [CHANNELS.openFile]: openFileArgsSchema,
  [CHANNELS.saveFile]: saveFileArgsSchema,
} as const satisfies Record<ChannelName, z.ZodType>;

export interface AppInfo {
  readonly version: string;
  /** `darwin`, `win32`, `linux` in the desktop app; `web` in a browser. */
  readonly platform: string;
  /** Where the data lives, as the user should be told: the database, the logs. */
  readonly dataLocations: { readonly database: string; readonly logs: string };
}

export interface OpenedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface SavedFile {
  /** The chosen file's name (not its folder: the renderer has no need to know the disk layout). */
  readonly name: string;
}

/**
 * `window.subtier`: exactly these methods, nothing else. `openFile` and `saveFile` resolve with
 * `null` when the user cancels the dialog.
 */
export interface SubtierBridge {
  appInfo(): Promise<Result<AppInfo>>;
  openFile(args: OpenFileArgs): Promise<Result<OpenedFile | null>>;
  saveFile(args: SaveFileArgs): Promise<Result<SavedFile | null>>;
}

// Compile-time guard: the method list in channels.ts and this interface name the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const BRIDGE_METHODS_MATCH: Same<BridgeMethod, keyof SubtierBridge> = true;

/** A size in bytes for people: "12.5 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < MB) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / MB).toFixed(1)} MB`;
}

/** The message shown when a file is over its kind's limit; shared by the desktop and web paths. */
export function tooLargeMessage(kind: FileKind, name: string, size: number): string {
  const spec = FILE_KINDS[kind];
  return `${name} is ${formatBytes(size)}; the largest ${spec.label.toLowerCase()} Subtier opens is ${formatBytes(spec.maxBytes)}.`;
}
