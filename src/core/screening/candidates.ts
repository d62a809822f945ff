/**
 * Candidate retrieval: which listed names are worth scoring for a query. Each query word looks up
 * names sharing its folded form, its phonetic key, a one-letter deletion (typos anywhere in the word),
 * a two-word join, or an acronym; names collect the weight of the words they share and the best
 * ones go to the scorer. Accumulators are reused between queries so a batch allocates almost nothing.
 */
import type { AnalyzedName } from './name-analysis';
import { matchTokens } from './name-analysis';
import type { NameIndex } from './name-index';
import { deletions } from './name-index';

/** Postings beyond which a generic word is not walked when the query has more specific words. */
const COMMON_POSTINGS = 1500;
const STRENGTH = { exact: 1, phonetic: 0.9, joined: 0.9, deletion: 0.75, acronym: 0.9 } as const;

interface Scratch {
  total: Float64Array;
  best: Float64Array;
  touched: number[];
  touchedToken: number[];
}

const scratchOf = new WeakMap<NameIndex, Scratch>();

function scratch(index: NameIndex): Scratch {
  let s = scratchOf.get(index);
  if (!s) {
    s = { total: new Float64Array(index.names.length), best: new Float64Array(index.names.length), touched: [], touchedToken: [] };
    scratchOf.set(index, s);
  }
  return s;
}

/**
 * The ids of up to `limit` listed names most worth scoring for the query readings, best first
 * (ties by id, so results are deterministic).
 */
export function retrieveCandidates(index: NameIndex, readings: readonly AnalyzedName[], limit: number): number[] {
  const s = scratch(index);
  const credit = (ids: readonly number[] | undefined, amount: number) => {
    if (!ids) return;
    for (const id of ids) {
      if (s.best[id] === 0) s.touchedToken.push(id);
      if (amount > s.best[id]!) s.best[id] = amount;
    }
  };
  const creditVocab = (vocabIds: readonly number[] | undefined, strength: number) => {
    if (!vocabIds) return;
    for (const v of vocabIds) credit(index.postings[v], index.weights[v]! * strength);
  };
  const endToken = () => {
    for (const id of s.touchedToken) {
      if (s.total[id] === 0) s.touched.push(id);
      s.total[id]! += s.best[id]!;
      s.best[id] = 0;
    }
    s.touchedToken.length = 0;
  };

  for (const reading of readings) {
    const tokens = matchTokens(reading);
    // A generic word shared by thousands of names ("trading", "international") finds nothing the
    // query's other words would not; walking its postings only costs time. Kept when it is all there is.
    const hasSpecific = tokens.some((t) => t.kind === 'content' || t.kind === 'numeric');
    tokens.forEach((t, k) => {
      const exact = index.vocab.get(t.fold);
      const common = hasSpecific && t.kind === 'generic' && exact !== undefined && index.postings[exact]!.length > COMMON_POSTINGS;
      if (common) {
        endToken();
        return;
      }
      if (exact !== undefined) credit(index.postings[exact], index.weights[exact]! * STRENGTH.exact);
      creditVocab(index.byKey.get(t.key), STRENGTH.phonetic);
      if (t.cyrillic) creditVocab(index.byLooseKey.get(t.loose), STRENGTH.phonetic);
      const own = deletions(t.fold);
      creditVocab(index.byDeletion.get(t.fold), STRENGTH.deletion);
      for (const d of own) {
        const v = index.vocab.get(d);
        if (v !== undefined) credit(index.postings[v], index.weights[v]! * STRENGTH.deletion);
        creditVocab(index.byDeletion.get(d), STRENGTH.deletion);
      }
      credit(index.byJoined.get(t.fold), index.weightOf(t.fold) * STRENGTH.joined);
      const next = tokens[k + 1];
      if (next) {
        const joined = index.vocab.get(t.fold + next.fold);
        if (joined !== undefined) credit(index.postings[joined], index.weights[joined]! * STRENGTH.joined);
      }
      if (t.text.length >= 3) credit(index.byAcronym.get(t.text), 1.5 * STRENGTH.acronym);
      endToken();
    });
  }
  const ranked = s.touched.slice();
  ranked.sort((a, b) => s.total[b]! - s.total[a]! || a - b);
  for (const id of s.touched) s.total[id] = 0;
  s.touched.length = 0;
  return ranked.slice(0, limit);
}
