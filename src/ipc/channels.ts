/**
 * The dependency-free half of the IPC contract: channel names, the bridge's method names and the
 * Result shape. The sandboxed preload imports only this file, so it bundles into one small CommonJS
 * script that needs nothing but `electron` (a sandboxed preload cannot load other modules).
 */

/** `{ ok: true, value } | { ok: false, error }`: handlers never throw across the bridge. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** One channel per operation, named `noun:verb`. */
export const CHANNELS = {
  appInfo: 'app:info',
  openFile: 'file:open',
  saveFile: 'file:save',
} as const;
export type ChannelName = (typeof CHANNELS)[keyof typeof CHANNELS];

/** The bridge's method names: `window.subtier` has exactly these, each calling its channel. */
export const BRIDGE_METHODS = ['appInfo', 'openFile', 'saveFile'] as const;
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

/** Which channel each bridge method invokes. */
export const METHOD_CHANNELS: Readonly<Record<BridgeMethod, ChannelName>> = {
  appInfo: CHANNELS.appInfo,
  openFile: CHANNELS.openFile,
  saveFile: CHANNELS.saveFile,
};
