/**
 * Screens one name against the index: analyze the query (all its Latin readings), retrieve candidate
 * names, score each with `scoreNames` / `scoreAcronym`, keep each list entry's best name, and return
 * the entries in the match or review band, best first, each with its part-by-part explanation.
 */
import type { MatchBand, ScreeningConfig } from './config';
import { DEFAULT_SCREENING_CONFIG, MATCHER_VERSION, bandOf } from './config';
import { retrieveCandidates } from './candidates';
import type { AnalyzedName, NameToken } from './name-analysis';
import { analyzeName } from './name-analysis';
import type { NameIndex } from './name-index';
import type { MatchedPart, NameScore, UnmatchedPart } from './name-score';
import { scoreAcronym, scoreNames } from './name-score';
import type { EntryType, ListEntry, ListSource } from './types';
import { FILLER_WORDS } from './vocabulary';

/** What the query names: a person, an organisation, or unknown (the CLI). */
export type QueryKind = 'person' | 'organization' | 'any';

export interface MatchExplanation {
  readonly algorithm: string;
  /** How the query was read into Latin letters ('' when it already was). */
  readonly reading: string;
  readonly nameKind: 'primary' | 'alias' | 'weak alias';
  readonly parts: readonly MatchedPart[];
  readonly unmatchedQuery: readonly UnmatchedPart[];
  readonly unmatchedListed: readonly UnmatchedPart[];
  readonly legalForms: { readonly query: readonly string[]; readonly listed: readonly string[] };
  readonly adjustments: readonly string[];
  /** One line for people: "rungrado = rungrado (exact); general missing (generic)". */
  readonly summary: string;
}

export interface NameMatch {
  readonly listId: string;
  readonly listName: string;
  readonly source: ListSource;
  readonly entry: ListEntry;
  readonly ref: string;
  readonly entryName: string;
  readonly entryType: EntryType;
  readonly matchedName: string;
  readonly score: number;
  readonly band: MatchBand;
  readonly explanation: MatchExplanation;
}

/** Kinds of query and entry that name different things (a person and a company) cost this factor. */
const KIND_MISMATCH = 0.75;
/** A party is never a ship or an aircraft: a vessel named like a company is its asset, not the company. */
const ASSET_FACTOR = 0.8;
const WEAK_ALIAS = 0.95;

function kindFactor(kind: QueryKind, type: EntryType): number {
  if (kind === 'any') return 1;
  if (type === 'vessel' || type === 'aircraft') return ASSET_FACTOR;
  const individual = type === 'individual';
  return (kind === 'person') === individual ? 1 : KIND_MISMATCH;
}

/** Screens `query` and returns the entries in the match or review band, best first. */
export function screenName(index: NameIndex, query: string, kind: QueryKind = 'any', config: ScreeningConfig = DEFAULT_SCREENING_CONFIG): NameMatch[] {
  const readings = analyzeName(query, kind === 'person');
  if (readings.length === 0) return [];
  const ids = retrieveCandidates(index, readings, config.maxCandidates);
  const best = new Map<string, { id: number; score: number; result: NameScore; reading: AnalyzedName; factor: number }>();
  for (const id of ids) {
    const named = index.names[id]!;
    const entry = index.entryOf(named);
    const isPerson = entry.type === 'individual';
    const weightOf = (t: NameToken, family: boolean, missing: boolean) => tokenWeight(index, t, family, missing);
    const factor = kindFactor(kind, entry.type) * (named.quality === 'weak' ? WEAK_ALIAS : 1);
    for (const reading of readings) {
      let result = scoreNames(reading, named.analyzed, weightOf, isPerson);
      const acronym = isPerson ? null : scoreAcronym(reading, named.analyzed, weightOf, (a) => index.isAmbiguousAcronym(a));
      if (acronym && acronym.score > result.score) result = acronym;
      const score = Math.round(result.score * factor * 1000) / 1000;
      const key = `${named.list}:${named.entry}`;
      const prev = best.get(key);
      if (!prev || score > prev.score || (score === prev.score && id < prev.id)) best.set(key, { id, score, result, reading, factor });
    }
  }
  const out: NameMatch[] = [];
  for (const { id, score, result, reading } of best.values()) {
    const band = bandOf(score, config);
    if (!band) continue;
    const named = index.names[id]!;
    const list = index.lists[named.list]!;
    const entry = list.entries[named.entry]!;
    const adjustments = [...result.adjustments];
    if (named.quality === 'weak') adjustments.push(`weak alias: ×${WEAK_ALIAS}`);
    const typeFactor = kindFactor(kind, entry.type);
    if (typeFactor < 1) adjustments.push(`a ${kind === 'person' ? 'person' : 'organisation'} against a listed ${entry.type}: ×${typeFactor}`);
    out.push({
      listId: list.id, listName: list.name, source: list.source, entry, ref: entry.ref, entryName: entry.name,
      entryType: entry.type, matchedName: named.text, score, band,
      explanation: {
        algorithm: MATCHER_VERSION,
        reading: reading.via,
        nameKind: named.quality === 'primary' ? 'primary' : named.quality === 'weak' ? 'weak alias' : 'alias',
        parts: result.parts, unmatchedQuery: result.unmatchedQuery, unmatchedListed: result.unmatchedListed,
        legalForms: { query: reading.legalForms, listed: named.analyzed.legalForms },
        adjustments,
        summary: summarize(result, adjustments),
      },
    });
  }
  out.sort((a, b) => b.score - a.score || a.listName.localeCompare(b.listName) || a.ref.localeCompare(b.ref));
  return out.slice(0, config.maxResults);
}

/**
 * Weight of a word for scoring: the index weight, lowered for generic words, initials and common
 * family names when they pair up. A word without a partner keeps its index weight unless it is
 * filler, so a differing family name or a differing "Commercial" counts against a match.
 */
export function tokenWeight(index: NameIndex, t: NameToken, family: boolean, missing = false): number {
  const base = index.weightOf(t.fold);
  switch (t.kind) {
    case 'generic': return missing && !FILLER_WORDS.has(t.canon) ? base : Math.min(base, 0.35);
    case 'initial': return 0.3;
    case 'numeric': return 1;
    case 'legal': case 'stop': return 0.3;
    default: return family && !missing ? Math.min(base, 0.55) : base;
  }
}

function summarize(result: NameScore, adjustments: readonly string[]): string {
  const parts = result.parts.map((p) => (p.how === 'exact' ? `${p.listed} (exact)` : `${p.query} ~ ${p.listed} (${p.how} ${p.score.toFixed(2)})`));
  const missingQ = result.unmatchedQuery.map((u) => `${u.text} not in listed name (${u.kind})`);
  const missingL = result.unmatchedListed.map((u) => `${u.text} missing (${u.kind})`);
  return [...parts, ...missingQ, ...missingL, ...adjustments].join('; ');
}
