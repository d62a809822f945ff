/**
 * Screening a whole project: every party's name and aliases, and for companies also the names of
 * their owners (via `owns` links), against the index. Produces the project's screening hits while
 * keeping every earlier decision: confirmed hits stay confirmed, dismissed hits stay dismissed unless
 * the list entry changed since (then they reopen), and unreviewed hits that no longer match go away.
 */
import type { Clock, IdGenerator, Party, ProjectSnapshot, ScreeningHit } from '../model';
import type { ScreeningConfig } from './config';
import { DEFAULT_SCREENING_CONFIG, MATCHER_VERSION } from './config';
import { entryFingerprint } from './fingerprint';
import type { MatchExplanation, NameMatch, QueryKind } from './matcher';
import { screenName } from './matcher';
import type { NameIndex } from './name-index';

/** What a stored hit keeps as its explanation: the matcher's, plus where the name came from. */
export interface HitExplanation extends MatchExplanation {
  readonly band: 'match' | 'review';
  readonly via: 'name' | 'alias' | 'owner';
  /** For hits found through an owner: the owning party's name and share. */
  readonly owner?: { readonly partyId: string; readonly name: string; readonly sharePct: number | null };
  readonly listPublishedAt: string;
  readonly entryType: string;
  readonly programs: readonly string[];
  /** Set when a dismissed hit was reopened because the list entry changed. */
  readonly reopened?: { readonly at: string; readonly previousReason: string; readonly previousReviewer: string };
}

export interface ScreeningQuery {
  readonly partyId: string;
  readonly name: string;
  readonly kind: QueryKind;
  readonly via: HitExplanation['via'];
  readonly owner?: HitExplanation['owner'];
}

export interface ProjectScreening {
  /** Hits to write (new, or changed since the last run). */
  readonly upserts: readonly ScreeningHit[];
  /** Ids of unreviewed hits that no longer match. */
  readonly removals: readonly string[];
  readonly counts: { readonly queries: number; readonly created: number; readonly updated: number; readonly reopened: number; readonly kept: number; readonly removed: number };
}

const kindOfParty = (p: Party): QueryKind => (p.kind === 'person' ? 'person' : 'organization');

/** The names to screen for a project, in a stable order (by party id, then name). */
export function projectQueries(snapshot: ProjectSnapshot): ScreeningQuery[] {
  const byId = new Map(snapshot.parties.map((p) => [p.id, p]));
  const out: ScreeningQuery[] = [];
  for (const party of snapshot.parties) {
    const kind = kindOfParty(party);
    out.push({ partyId: party.id, name: party.name, kind, via: 'name' });
    for (const alias of party.aliases) out.push({ partyId: party.id, name: alias, kind, via: 'alias' });
    if (party.kind === 'person') continue;
    for (const link of snapshot.links) {
      if (link.relation !== 'owns' || link.to !== party.id) continue;
      const owner = byId.get(link.from);
      if (!owner) continue;
      const ownerInfo = { partyId: owner.id, name: owner.name, sharePct: link.sharePct };
      for (const n of [owner.name, ...owner.aliases]) out.push({ partyId: party.id, name: n, kind: kindOfParty(owner), via: 'owner', owner: ownerInfo });
    }
  }
  return out;
}

const hitKey = (partyId: string, listName: string, ref: string) => `${partyId}\u0000${listName}\u0000${ref}`;

/**
 * Screens the project. `onProgress(done, total)` is called after each name, so a worker can report
 * progress. Pure apart from the injected clock and id generator.
 */
export function screenProject(
  snapshot: ProjectSnapshot,
  index: NameIndex,
  deps: { readonly clock: Clock; readonly ids: IdGenerator; readonly config?: ScreeningConfig; readonly onProgress?: (done: number, total: number) => void },
): ProjectScreening {
  const config = deps.config ?? DEFAULT_SCREENING_CONFIG;
  const queries = projectQueries(snapshot);
  const best = new Map<string, { q: ScreeningQuery; m: NameMatch }>();
  queries.forEach((q, i) => {
    for (const m of screenName(index, q.name, q.kind, config)) {
      const key = hitKey(q.partyId, m.listName, m.ref);
      const prev = best.get(key);
      if (!prev || m.score > prev.m.score) best.set(key, { q, m });
    }
    deps.onProgress?.(i + 1, queries.length);
  });

  const existing = new Map(snapshot.hits.map((h) => [hitKey(h.partyId, h.listSource, h.entryRef), h]));
  const now = deps.clock();
  const upserts: ScreeningHit[] = [];
  let created = 0, updated = 0, reopened = 0, kept = 0;
  const keys = [...best.keys()].sort();
  for (const key of keys) {
    const { q, m } = best.get(key)!;
    const list = index.lists.find((l) => l.id === m.listId)!;
    const entryHash = entryFingerprint(m.entry);
    const explanation: HitExplanation = {
      ...m.explanation, band: m.band, via: q.via, ...(q.owner ? { owner: q.owner } : {}),
      listPublishedAt: list.publishedAt, entryType: m.entryType, programs: m.entry.programs,
    };
    const fresh = {
      projectId: snapshot.project.id, partyId: q.partyId, queryName: q.name, listId: m.listId, listSource: m.listName,
      entryRef: m.ref, entryName: m.entryName, matchedName: m.matchedName, score: m.score, entryHash,
    };
    const prev = existing.get(key);
    if (!prev) {
      upserts.push({ ...fresh, id: deps.ids('hit'), createdAt: now, updatedAt: now, explanation, status: 'open', reason: '', reviewer: '', reviewedAt: '' });
      created++;
      continue;
    }
    existing.delete(key);
    if (prev.status === 'dismissed' && prev.entryHash !== entryHash) {
      upserts.push({
        ...prev, ...fresh, updatedAt: now, status: 'open', reason: '', reviewer: '', reviewedAt: '',
        explanation: { ...explanation, reopened: { at: now, previousReason: prev.reason, previousReviewer: prev.reviewer } },
      });
      reopened++;
      continue;
    }
    const same = prev.score === fresh.score && prev.entryHash === entryHash && prev.listId === fresh.listId
      && prev.queryName === fresh.queryName && prev.matchedName === fresh.matchedName && prev.entryName === fresh.entryName
      && algorithmOf(prev) === MATCHER_VERSION && bandOf(prev) === m.band;
    if (same) {
      kept++;
      continue;
    }
    // A reviewed hit keeps its decision; the match data is refreshed.
    upserts.push({ ...prev, ...fresh, updatedAt: now, explanation });
    updated++;
  }
  const removals = [...existing.values()].filter((h) => h.status === 'open').map((h) => h.id).sort();
  kept += [...existing.values()].filter((h) => h.status !== 'open').length;
  return { upserts, removals, counts: { queries: queries.length, created, updated, reopened, kept, removed: removals.length } };
}

/** The band a stored hit was put in; a changed policy can move it. */
function bandOf(hit: ScreeningHit): string {
  const e = hit.explanation as { band?: unknown } | null;
  return e && typeof e.band === 'string' ? e.band : '';
}

function algorithmOf(hit: ScreeningHit): string {
  const e = hit.explanation as { algorithm?: unknown } | null;
  return e && typeof e.algorithm === 'string' ? e.algorithm : '';
}
