/**
 * The DPRK sanctions snapshot shipped with Subtier (assets/reference/sanctions-snapshot.json) as
 * stored lists. Each shell reads the asset its own way (the app from its own files, the CLI from
 * disk) and hands the text or lists in. It is installed once into the lists table; removing it is
 * the user's choice and is respected until they restore it.
 */
import { parseSnapshotText } from '../screening';
import type { ScreeningList } from '../screening';
import { loadLists, saveList } from './list-store';
import type { Repository } from './repository';

const INSTALLED = 'screening.bundledListsInstalled';

/** The lists of the bundled snapshot; throws with the problems when the asset is damaged. */
export function parseBundledLists(text: string): ScreeningList[] {
  const parsed = parseSnapshotText(text);
  if (!parsed.snapshot) throw new Error(`The bundled sanctions lists are damaged: ${parsed.problems.join('; ')}`);
  return [...parsed.snapshot.lists];
}

/** Installs the bundled lists on first use. */
export async function ensureBundledLists(repo: Repository, readBundled: () => Promise<readonly ScreeningList[]>): Promise<void> {
  if (await repo.getSetting<boolean>(INSTALLED)) return;
  const { lists } = await loadLists(repo);
  if (lists.length === 0) await restoreBundledLists(repo, await readBundled());
  else await repo.setSetting(INSTALLED, true);
}

/** (Re)installs the bundled lists, replacing stored lists of the same names. */
export async function restoreBundledLists(repo: Repository, bundled: readonly ScreeningList[]): Promise<void> {
  for (const list of bundled) await saveList(repo, list);
  await repo.setSetting(INSTALLED, true);
}

/** "Lists as of": the oldest publication date among the lists in use, since the set is only complete up to it. */
export function listsAsOf(lists: readonly ScreeningList[]): string {
  return lists.map((l) => l.publishedAt).filter(Boolean).sort()[0] ?? '';
}
