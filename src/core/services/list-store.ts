/**
 * Sanctions lists in the database: one row per list in the `lists` table, holding its metadata and
 * entries, validated on the way in and out. Saving replaces any list of the same name (a newer UN
 * list replaces the older), in one transaction with an audit entry that records the metadata.
 */
import type { Repository } from './repository';
import type { Row } from './ports';
import { parseStoredList } from '../screening/list-schema';
import type { ScreeningList } from '../screening/types';

/** List metadata without entries: what the audit log and the list manager show. */
export function listSummary(list: ScreeningList): Omit<ScreeningList, 'entries'> {
  const { entries: _entries, ...meta } = list;
  return meta;
}

/** All stored lists that validate, sorted by name; invalid rows are reported, not thrown. */
export async function loadLists(repo: Repository): Promise<{ lists: ScreeningList[]; problems: string[] }> {
  const rows = await repo.backend.read((tx) => tx.all<unknown>('lists'));
  const lists: ScreeningList[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const { list, problems: p } = parseStoredList(row);
    if (list) lists.push(list);
    else problems.push(`a stored list is damaged and was skipped (${p.join('; ')})`);
  }
  lists.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { lists, problems };
}

/** Saves a list, replacing stored lists with the same name; returns the replaced lists. */
export async function saveList(repo: Repository, list: ScreeningList): Promise<ScreeningList[]> {
  const { list: valid, problems } = parseStoredList(list);
  if (!valid) throw new Error(`the list is not valid: ${problems.join('; ')}`);
  return repo.mutate('lists', '', async (tx) => {
    const replaced: ScreeningList[] = [];
    for (const row of await tx.all<ScreeningList>('lists')) {
      if (row.name !== valid.name || row.id === valid.id) continue;
      replaced.push(row);
      await tx.delete('lists', row.id);
      await repo.audit(tx, '', 'list', row.id, listSummary(row), null);
    }
    const before = await tx.get<ScreeningList>('lists', valid.id);
    await tx.put('lists', valid as unknown as Row);
    await repo.audit(tx, '', 'list', valid.id, before ? listSummary(before) : null, listSummary(valid));
    return replaced;
  });
}

/** Removes a stored list. */
export async function removeList(repo: Repository, id: string): Promise<void> {
  await repo.mutate('lists', '', async (tx) => {
    const before = await tx.get<ScreeningList>('lists', id);
    if (!before) return;
    await tx.delete('lists', id);
    await repo.audit(tx, '', 'list', id, listSummary(before), null);
  });
}
