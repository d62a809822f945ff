/**
 * The lookups the risk engine needs over a project snapshot: one entry per party holding the party,
 * its links in and out (each link with both end entries) and its questionnaires, overrides and hits,
 * plus which subjects have evidence attached. Deriving a party then reads its entry and its
 * neighbours' entries directly instead of doing a dozen lookups by id in project-wide maps, which
 * for 10,000 parties was a large share of the time. Built once per full scoring and patched in
 * place by the incremental session, so re-scoring after one edit does not rebuild everything.
 */
import type { Link, Party, Project } from '../model/schemas';
import type { IndicatorOverride, Questionnaire, ScreeningHit } from '../model/records';
import type { ProjectSnapshot } from '../model/snapshot';

export interface LinkEntry {
  readonly link: Link;
  /** The link's relation, kept beside its ends: walks over a party's links test it first, and reaching into each link for it missed the cache. */
  readonly relation: Link['relation'];
  readonly from: PartyEntry;
  readonly to: PartyEntry;
}

export interface PartyEntry {
  party: Party;
  /** Position in the engine's id-ordered party list (-1 until the engine sets it). */
  index: number;
  out: LinkEntry[];
  in: LinkEntry[];
  questionnaires: Questionnaire[];
  overrides: IndicatorOverride[];
  hits: ScreeningHit[];
  /** `[party id]`, the references of every evidence item about the party itself, made once (evidence.ts). */
  selfRefs: readonly string[] | null;
}

export interface RiskIndex {
  project: Project;
  /** YYYY-MM-DD used by date rules, or ''. */
  asOf: string;
  readonly parties: Map<string, PartyEntry>;
  /** Links between existing parties, in insertion order (edits re-insert at the end). */
  readonly links: Map<string, LinkEntry>;
  /** Party and link ids that have at least one evidence file attached. */
  readonly evidenced: Map<string, number>;
}

/** Most parties have no records of a kind: they share this empty list until their first one. */
const NONE: never[] = Object.freeze([]) as never[];

/** `list` with `value` appended: in place, or a new list when it is the shared empty one. */
function appended<T>(list: T[], value: T): T[] {
  if (list === NONE) return [value];
  list.push(value);
  return list;
}

function without<T>(list: T[], id: string, idOf: (x: T) => string): void {
  const i = list.findIndex((x) => idOf(x) === id);
  if (i >= 0) list.splice(i, 1);
}

const linkId = (e: LinkEntry) => e.link.id;
const recordId = (r: { id: string }) => r.id;

function newEntry(party: Party): PartyEntry {
  return { party, index: -1, out: NONE, in: NONE, questionnaires: NONE, overrides: NONE, hits: NONE, selfRefs: null };
}

/** Builds the index. Links whose endpoints are not parties are kept out (and reported as warnings). */
export function buildRiskIndex(snapshot: ProjectSnapshot, asOf: string): RiskIndex {
  const idx: RiskIndex = { project: snapshot.project, asOf, parties: new Map(), links: new Map(), evidenced: new Map() };
  for (const p of snapshot.parties) idx.parties.set(p.id, newEntry(p));
  for (const link of snapshot.links) addLink(idx, link);
  // Exact-size copies of the lists that grew by push (which leaves room for 17 items): the index
  // lives as long as the session, and 20,000 half-empty lists were a fifth of its memory.
  for (const entry of idx.parties.values()) {
    if (entry.out.length > 1) entry.out = entry.out.slice();
    if (entry.in.length > 1) entry.in = entry.in.slice();
  }
  for (const q of snapshot.questionnaires) replaceRecord(idx, 'questionnaires', undefined, q);
  for (const o of snapshot.overrides) replaceRecord(idx, 'overrides', undefined, o);
  for (const h of snapshot.hits) replaceRecord(idx, 'hits', undefined, h);
  for (const e of snapshot.evidence) idx.evidenced.set(e.subject.id, (idx.evidenced.get(e.subject.id) ?? 0) + 1);
  return idx;
}

export function addLink(idx: RiskIndex, link: Link): void {
  const from = idx.parties.get(link.from);
  const to = idx.parties.get(link.to);
  if (!from || !to) return;
  const entry: LinkEntry = { link, relation: link.relation, from, to };
  idx.links.set(link.id, entry);
  from.out = appended(from.out, entry);
  to.in = appended(to.in, entry);
}

export function removeLink(idx: RiskIndex, link: Link): void {
  const entry = idx.links.get(link.id);
  if (!entry) return;
  idx.links.delete(link.id);
  without(entry.from.out, link.id, linkId);
  without(entry.to.in, link.id, linkId);
}

/** Replaces a record of one party (questionnaire, override or hit) after an edit; records of unknown parties are never read. */
export function replaceRecord<K extends 'questionnaires' | 'overrides' | 'hits'>(idx: RiskIndex, key: K, before: PartyEntry[K][number] | undefined, after: PartyEntry[K][number] | undefined): void {
  const was = before && idx.parties.get(before.partyId);
  if (was && before) without(was[key] as { id: string }[], before.id, recordId);
  const now = after && idx.parties.get(after.partyId);
  if (now && after) (now[key] as { id: string }[]) = appended(now[key] as { id: string }[], after);
}
