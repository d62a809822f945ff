/**
 * The lookups the risk engine needs over a project snapshot: parties by id, links by endpoint,
 * records by party, which subjects have evidence attached. Built once per full scoring and patched
 * in place by the incremental session, so re-scoring after one edit does not rebuild everything.
 */
import type { Link, Party, Project } from '../model/schemas';
import type { IndicatorOverride, Questionnaire, ScreeningHit } from '../model/records';
import type { ProjectSnapshot } from '../model/snapshot';

export interface RiskIndex {
  project: Project;
  /** YYYY-MM-DD used by date rules, or ''. */
  asOf: string;
  readonly parties: Map<string, Party>;
  readonly links: Map<string, Link>;
  readonly out: Map<string, Link[]>;
  readonly in: Map<string, Link[]>;
  readonly questionnaires: Map<string, Questionnaire[]>;
  readonly overrides: Map<string, IndicatorOverride[]>;
  readonly hits: Map<string, ScreeningHit[]>;
  /** Party and link ids that have at least one evidence file attached. */
  readonly evidenced: Map<string, number>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const remove = <T extends { id: string }>(map: Map<string, T[]>, key: string, id: string) => {
  const list = map.get(key);
  if (!list) return;
  const i = list.findIndex((x) => x.id === id);
  if (i >= 0) list.splice(i, 1);
};

/** Builds the index. Links whose endpoints are not parties are kept out (and reported as warnings). */
export function buildRiskIndex(snapshot: ProjectSnapshot, asOf: string): RiskIndex {
  const idx: RiskIndex = {
    project: snapshot.project, asOf,
    parties: new Map(snapshot.parties.map((p) => [p.id, p])),
    links: new Map(), out: new Map(), in: new Map(),
    questionnaires: new Map(), overrides: new Map(), hits: new Map(), evidenced: new Map(),
  };
  for (const link of snapshot.links) addLink(idx, link);
  for (const q of snapshot.questionnaires) push(idx.questionnaires, q.partyId, q);
  for (const o of snapshot.overrides) push(idx.overrides, o.partyId, o);
  for (const h of snapshot.hits) push(idx.hits, h.partyId, h);
  for (const e of snapshot.evidence) idx.evidenced.set(e.subject.id, (idx.evidenced.get(e.subject.id) ?? 0) + 1);
  return idx;
}

export function addLink(idx: RiskIndex, link: Link): void {
  if (!idx.parties.has(link.from) || !idx.parties.has(link.to)) return;
  idx.links.set(link.id, link);
  push(idx.out, link.from, link);
  push(idx.in, link.to, link);
}

export function removeLink(idx: RiskIndex, link: Link): void {
  if (!idx.links.delete(link.id)) return;
  remove(idx.out, link.from, link.id);
  remove(idx.in, link.to, link.id);
}

/** Replaces a record list of one party (questionnaires, overrides or hits) after an edit. */
export function replaceRecord<T extends { id: string; partyId: string }>(map: Map<string, T[]>, before: T | undefined, after: T | undefined): void {
  if (before) remove(map, before.partyId, before.id);
  if (after) push(map, after.partyId, after);
}

export const outOf = (idx: RiskIndex, id: string): readonly Link[] => idx.out.get(id) ?? [];
export const inOf = (idx: RiskIndex, id: string): readonly Link[] => idx.in.get(id) ?? [];
