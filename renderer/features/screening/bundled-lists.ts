/**
 * The bundled DPRK snapshot (assets/reference/sanctions-snapshot.json) as stored lists. It is installed
 * once into the lists table; removing it is the user's choice and is respected until they restore it.
 */
import snapshotUrl from '../../../assets/reference/sanctions-snapshot.json?url';
import { parseSnapshotText } from '../../../src/core/screening';
import { loadLists, saveList } from '../../../src/core/services';
import type { ScreeningList } from '../../../src/core/screening';
import type { Repository } from '../../../src/core/services/repository';

const INSTALLED = 'screening.bundledListsInstalled';

/** Reads the bundled snapshot shipped with the app (a local file; no network). */
export async function readBundledLists(): Promise<readonly ScreeningList[]> {
  const response = await fetch(snapshotUrl);
  const parsed = parseSnapshotText(await response.text());
  if (!parsed.snapshot) throw new Error(`The bundled sanctions lists are damaged: ${parsed.problems.join('; ')}`);
  return parsed.snapshot.lists;
}

/** Installs the bundled lists on first use. */
export async function ensureBundledLists(repo: Repository): Promise<void> {
  if (await repo.getSetting<boolean>(INSTALLED)) return;
  const { lists } = await loadLists(repo);
  if (lists.length === 0) await restoreBundledLists(repo);
  else await repo.setSetting(INSTALLED, true);
}

/** (Re)installs the bundled lists, replacing stored lists of the same names. */
export async function restoreBundledLists(repo: Repository): Promise<void> {
  for (const list of await readBundledLists()) await saveList(repo, list);
  await repo.setSetting(INSTALLED, true);
}

/** "Lists as of": the newest publication date among the lists in use. */
export function listsAsOf(lists: readonly ScreeningList[]): string {
  // The oldest publication date: the set as a whole is only complete up to its oldest list.
  return lists.map((l) => l.publishedAt).filter(Boolean).sort()[0] ?? '';
}
