/**
 * Which records of the full official lists form the bundled DPRK snapshot, and the snapshot itself.
 * UN: every record of the 1718 Committee list (UN_LIST_TYPE DPRK). OFAC: every row with a DPRK program,
 * or whose remarks cite the North Korea Sanctions Regulations, or whose remarks say "Korea, North"
 * unless its only program is CUBA. Building is a pure function of the lists, so the same official
 * files always give the same snapshot bytes.
 */
import { canonicalJson } from '../model/hash';
import type { SanctionsSnapshot } from './list-schema';
import { SNAPSHOT_FORMAT } from './list-schema';
import type { ListEntry, ScreeningList } from './types';
import { collectPrograms, countEntries } from './types';

export const UN_SELECTION = 'UN records of the 1718 Committee (DPRK) list: UN_LIST_TYPE is DPRK.';
export const OFAC_SELECTION = 'OFAC rows with a DPRK program (DPRK, DPRK2, DPRK3, DPRK4, DPRK-NKSPEA), or whose remarks cite the '
  + '"North Korea Sanctions Regulations", or whose remarks say "Korea, North" unless the only program is CUBA.';

/** True for UN records of the DPRK regime. */
export function isUnDprk(entry: ListEntry): boolean {
  return entry.programs.includes('DPRK');
}

/** True for OFAC rows that belong to the DPRK selection. */
export function isOfacDprk(entry: ListEntry): boolean {
  if (entry.programs.some((p) => p.startsWith('DPRK'))) return true;
  if (entry.remarks.includes('North Korea Sanctions Regulations')) return true;
  return entry.remarks.includes('Korea, North') && !(entry.programs.length === 1 && entry.programs[0] === 'CUBA');
}

/** The list restricted to the entries `keep` accepts, with counts, programs and the rule recorded. */
export function selectEntries(list: ScreeningList, keep: (e: ListEntry) => boolean, selection: string): ScreeningList {
  const entries = list.entries.filter(keep);
  return { ...list, entries, counts: countEntries(entries), programs: collectPrograms(entries), selection };
}

/** Builds the bundled snapshot from the full UN and OFAC lists. */
export function buildDprkSnapshot(un: ScreeningList, ofac: ScreeningList): SanctionsSnapshot {
  const lists = [
    selectEntries(un, isUnDprk, UN_SELECTION),
    selectEntries(ofac, isOfacDprk, OFAC_SELECTION),
  ];
  // The oldest publication date: the set as a whole is only complete up to its oldest list.
  const asOf = lists.map((l) => l.publishedAt).filter(Boolean).sort()[0] ?? '';
  return { format: SNAPSHOT_FORMAT, version: 1, asOf, lists: lists.map((l) => ({ ...l, entries: [...l.entries] })) };
}

/** The snapshot as file text: canonical JSON, one list per line, so diffs between builds stay readable. */
export function serializeSnapshot(snapshot: SanctionsSnapshot): string {
  const { lists, ...head } = snapshot;
  const listLines = lists.map((l) => {
    const { entries, ...meta } = l;
    return `{"meta":${canonicalJson(meta)},"entries":[\n${entries.map((e) => canonicalJson(e)).join(',\n')}\n]}`;
  });
  return `{"head":${canonicalJson(head)},"lists":[\n${listLines.join(',\n')}\n]}\n`;
}
