/**
 * Scores one name against one listed name, part by part. Words are paired one to one (in any order,
 * also one word against two written apart), each pair scored by `compareTokens`, and the result is
 * the weighted share of agreeing parts, where words that say little (generic words, common family
 * names) weigh little and unpaired words cost according to their kind. Guards cap the score when
 * only generic words or the family name agree, or a one-word name agrees only approximately, and
 * lower it when both names have words the other lacks (Korea Daesong Bank, Korea Daesong Trading).
 */
import type { AnalyzedName, NameToken, TokenKind } from './name-analysis';
import { matchTokens } from './name-analysis';
import type { PartHow } from './token-match';
import { compareJoined, compareTokens } from './token-match';
import { FILLER_WORDS } from './vocabulary';

export interface MatchedPart {
  readonly query: string;
  readonly listed: string;
  readonly how: PartHow | 'acronym';
  readonly score: number;
  readonly weight: number;
}

export interface UnmatchedPart {
  readonly text: string;
  readonly kind: TokenKind;
}

export interface NameScore {
  readonly score: number;
  readonly parts: readonly MatchedPart[];
  readonly unmatchedQuery: readonly UnmatchedPart[];
  readonly unmatchedListed: readonly UnmatchedPart[];
  /** Guards and boosts that changed the score, in words. */
  readonly adjustments: readonly string[];
}

/**
 * Weight of a word; `family` is true for the family-name position of a person's name, `missing` when
 * the word has no partner (then what the word says about identity counts, not how common it is).
 */
export type WeightOf = (token: NameToken, family: boolean, missing: boolean) => number;

/** Cost of an unpaired word, by kind, on the query side and on the listed side (generic: filler words). */
const MISSING_QUERY: Readonly<Record<TokenKind, number>> = { content: 0.8, generic: 0.3, qualifier: 0.1, numeric: 1.2, initial: 0.2, legal: 0, stop: 0 };
const MISSING_LISTED: Readonly<Record<TokenKind, number>> = { content: 0.6, generic: 0.25, qualifier: 0.6, numeric: 1.2, initial: 0.2, legal: 0, stop: 0 };

export const GUARD_CAPS = { genericOnly: 0.7, surnameOnly: 0.6, oneWordApprox: 0.75 } as const;
/** Factor when each name has words the other lacks: the same root name on a different entity. */
export const CONFLICT_FACTOR = 0.88;
/** Factor when a person's given-name syllables agree but in another order (Min-sok is not Sok-min). */
export const GIVEN_ORDER_FACTOR = 0.8;

interface Pair {
  readonly q: readonly number[];
  readonly c: readonly number[];
  readonly score: number;
  readonly how: PartHow;
  readonly weight: number;
}

function isDistinctive(t: NameToken, family: boolean): boolean {
  return (t.kind === 'content' || t.kind === 'qualifier' || t.kind === 'numeric') && !family;
}

const SPEAKING: ReadonlySet<TokenKind> = new Set(['content', 'generic', 'numeric']);

/** A generic word that names what an entity is (bank, trading) costs like content when unpaired. */
function missingKind(t: NameToken): TokenKind {
  return t.kind === 'generic' && !FILLER_WORDS.has(t.canon) ? 'content' : t.kind;
}

/** Scores `query` against `listed`; `weightOf` gives each word's weight (from the index's word counts). */
export function scoreNames(query: AnalyzedName, listed: AnalyzedName, weightOf: WeightOf, isPerson: boolean): NameScore {
  const Q = matchTokens(query), C = matchTokens(listed);
  // Lists write a person's family name first; a query may have it first or last.
  const familyQ = Q.map((t, i) => isPerson && t.surname && (i === 0 || i === Q.length - 1));
  const familyC = C.map((t, j) => isPerson && t.surname && j === 0);
  const wq = Q.map((t, i) => weightOf(t, familyQ[i]!, false)), wc = C.map((t, j) => weightOf(t, familyC[j]!, false));
  const sum = (idx: readonly number[], w: readonly number[]) => idx.reduce((s, i) => s + w[i]!, 0);
  const candidates: Pair[] = [];
  const add = (q: number[], c: number[], score: number, how: PartHow) => {
    if (score >= 0.5) candidates.push({ q, c, score, how, weight: (sum(q, wq) + sum(c, wc)) / 2 });
  };
  for (let i = 0; i < Q.length; i++) {
    for (let j = 0; j < C.length; j++) {
      const s = compareTokens(Q[i]!, C[j]!);
      add([i], [j], s.score, s.how);
    }
  }
  for (let i = 0; i < Q.length; i++) {
    for (let j = 0; j + 1 < C.length; j++) {
      const s = compareJoined(Q[i]!, C[j]!, C[j + 1]!);
      add([i], [j, j + 1], s.score, s.how);
    }
  }
  for (let j = 0; j < C.length; j++) {
    for (let i = 0; i + 1 < Q.length; i++) {
      const s = compareJoined(C[j]!, Q[i]!, Q[i + 1]!);
      add([i, i + 1], [j], s.score, s.how);
    }
  }
  candidates.sort((a, b) => b.score - a.score || b.weight - a.weight || a.q[0]! - b.q[0]! || a.c[0]! - b.c[0]!);
  const usedQ = new Set<number>(), usedC = new Set<number>();
  const chosen: Pair[] = [];
  for (const p of candidates) {
    if (p.q.some((i) => usedQ.has(i)) || p.c.some((j) => usedC.has(j))) continue;
    chosen.push(p);
    p.q.forEach((i) => usedQ.add(i));
    p.c.forEach((j) => usedC.add(j));
  }
  let num = 0, den = 0;
  for (const p of chosen) {
    num += p.score * p.weight;
    den += p.weight;
  }
  const unmatchedQuery: UnmatchedPart[] = [];
  const unmatchedListed: UnmatchedPart[] = [];
  Q.forEach((t, i) => {
    if (usedQ.has(i)) return;
    den += weightOf(t, familyQ[i]!, true) * MISSING_QUERY[missingKind(t)];
    unmatchedQuery.push({ text: t.text, kind: t.kind });
  });
  C.forEach((t, j) => {
    if (usedC.has(j)) return;
    den += weightOf(t, familyC[j]!, true) * MISSING_LISTED[missingKind(t)];
    unmatchedListed.push({ text: t.text, kind: t.kind });
  });
  let score = den > 0 ? num / den : 0;
  const adjustments: string[] = [];
  const parts: MatchedPart[] = [...chosen].sort((a, b) => a.q[0]! - b.q[0]!).map((p) => ({
    query: p.q.map((i) => Q[i]!.text).join(' '),
    listed: p.c.map((j) => C[j]!.text).join(' '),
    how: p.how,
    score: round(p.score),
    weight: round(p.weight),
  }));

  const complete = unmatchedListed.length === 0 && unmatchedQuery.every((u) => u.kind === 'qualifier') && chosen.every((p) => p.score >= 0.95);
  const distinctive = chosen.filter((p) => p.c.some((j) => isDistinctive(C[j]!, familyC[j]!)) && p.score >= 0.8);
  if (chosen.length > 0 && distinctive.length === 0 && !complete) {
    const onlySurnames = isPerson && chosen.every((p) => p.c.every((j) => familyC[j]));
    const cap = onlySurnames ? GUARD_CAPS.surnameOnly : GUARD_CAPS.genericOnly;
    if (score > cap) {
      score = cap;
      adjustments.push(onlySurnames ? `only family names agree: capped at ${cap}` : `only generic words agree: capped at ${cap}`);
    }
  }
  const extraQ = unmatchedQuery.filter((u) => SPEAKING.has(u.kind));
  const extraC = unmatchedListed.filter((u) => SPEAKING.has(u.kind));
  if (extraQ.length > 0 && extraC.length > 0) {
    score *= CONFLICT_FACTOR;
    adjustments.push(`each name has words the other lacks (${extraQ.map((u) => u.text).join(' ')} / ${extraC.map((u) => u.text).join(' ')}): ×${CONFLICT_FACTOR}`);
  }
  if (isPerson) {
    // Family and given names may swap places, but the syllables of a Korean given name keep their order.
    const given = chosen.filter((p) => !p.q.some((i) => familyQ[i]) && !p.c.some((j) => familyC[j])).sort((a, b) => a.q[0]! - b.q[0]!);
    if (given.some((p, k) => k > 0 && p.c[0]! < given[k - 1]!.c[0]!)) {
      score *= GIVEN_ORDER_FACTOR;
      adjustments.push(`given-name syllables in another order: ×${GIVEN_ORDER_FACTOR}`);
    }
  }
  const listedCore = C.filter((t) => t.kind !== 'initial');
  if (listedCore.length === 1 && chosen.length > 0 && chosen.every((p) => p.how === 'typo' || p.how === 'phonetic' || p.how === 'initial') && score > GUARD_CAPS.oneWordApprox) {
    score = GUARD_CAPS.oneWordApprox;
    adjustments.push(`one-word name agrees only approximately: capped at ${GUARD_CAPS.oneWordApprox}`);
  }
  // The listed name found whole inside a longer one ("... Qatar Branch", "... c/o ..."): every listed
  // word paired, and at least two of them distinctive.
  if (unmatchedListed.length === 0 && distinctive.length >= 2 && unmatchedQuery.length > 0) {
    const avg = chosen.reduce((s, p) => s + p.score * p.weight, 0) / chosen.reduce((s, p) => s + p.weight, 0);
    const contained = avg * 0.9;
    if (contained > score) {
      score = contained;
      adjustments.push('the whole listed name appears within the longer name');
    }
  }
  return { score: round(score), parts, unmatchedQuery, unmatchedListed, adjustments };
}

/**
 * Scores a query word that equals the initials of a listed multi-word name (MOP for Mansudae
 * Overseas Project Group of Companies). Three letters collide often, so they stay in the review band.
 */
export function scoreAcronym(query: AnalyzedName, listed: AnalyzedName, weightOf: WeightOf, isAmbiguous: (acronym: string) => boolean): NameScore | null {
  const Q = matchTokens(query);
  for (let i = 0; i < Q.length; i++) {
    const t = Q[i]!;
    if (t.text.length < 3 || !listed.acronyms.includes(t.text)) continue;
    // An acronym shared by several listed names (KDTC: Daesong, Daizin...) cannot say which is meant.
    const ambiguous = isAmbiguous(t.text);
    const base = ambiguous ? 0.72 : t.text.length >= 4 ? 0.88 : 0.76;
    const acronymWeight = 1.5;
    let extra = 0;
    const unmatchedQuery: UnmatchedPart[] = [];
    Q.forEach((o, k) => {
      if (k === i) return;
      extra += weightOf(o, false, true) * MISSING_QUERY[missingKind(o)];
      unmatchedQuery.push({ text: o.text, kind: o.kind });
    });
    const score = (base * acronymWeight) / (acronymWeight + extra);
    const listedWords = listed.tokens.filter((w) => w.kind !== 'stop').map((w) => w.text).join(' ');
    return {
      score: round(score),
      parts: [{ query: t.text, listed: listedWords, how: 'acronym', score: base, weight: acronymWeight }],
      unmatchedQuery,
      unmatchedListed: [],
      adjustments: [ambiguous ? 'acronym shared by several listed names: kept in the review band' : t.text.length < 4 ? 'three-letter acronym: kept in the review band' : 'acronym of the listed name'],
    };
  }
  return null;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
