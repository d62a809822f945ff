/**
 * The bundled DPRK snapshot (assets/reference/sanctions-snapshot.json), read from the app's own files
 * (a local file; never the network) once per session. Installing and restoring it are use cases
 * (src/core/services/bundled-lists.ts); this is only how the app reads the asset.
 */
import snapshotUrl from '../../../assets/reference/sanctions-snapshot.json?url';
import { parseBundledLists } from '../../../src/core/services';
import type { ScreeningList } from '../../../src/core/screening';

let bundled: Promise<readonly ScreeningList[]> | null = null;

/** The lists of the bundled snapshot. */
export function readBundledLists(): Promise<readonly ScreeningList[]> {
  bundled ??= (async () => {
    const response = await fetch(snapshotUrl);
    if (!response.ok) throw new Error(`The bundled sanctions lists could not be loaded (${response.status})`);
    return parseBundledLists(await response.text());
  })();
  bundled.catch(() => {
    bundled = null;
  });
  return bundled;
}
