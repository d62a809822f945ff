/**
 * How alike two name parts are, and why: the same word, the same Korean word in another
 * romanization, the same sound, a typo, or an initial. Each level has a fixed score so that a
 * score can always be read back as the reason behind it.
 */
import type { NameToken } from './name-analysis';
import { typoSimilarity } from './similarity';

export type PartHow = 'exact' | 'synonym' | 'romanization' | 'phonetic' | 'typo' | 'initial' | 'joined';

export interface PartScore {
  readonly score: number;
  readonly how: PartHow;
}

/** Scores of each kind of agreement; exported so the explanation and the docs can quote them. */
export const PART_SCORES = {
  exact: 1,
  synonym: 0.98,
  romanization: 0.96,
  phonetic: 0.9,
  joined: 0.95,
  initial: 0.6,
  /** Typo scores are scaled by this, so a typo never beats a romanization variant. */
  typoFactor: 0.98,
} as const;

const NONE: PartScore = { score: 0, how: 'exact' };

/** Similarity of two single words. */
export function compareTokens(q: NameToken, c: NameToken): PartScore {
  if (q.text === c.text) return { score: PART_SCORES.exact, how: 'exact' };
  if (q.canon === c.canon) return { score: PART_SCORES.synonym, how: 'synonym' };
  if (q.fold === c.fold) return { score: PART_SCORES.romanization, how: 'romanization' };
  if (q.kind === 'initial' || c.kind === 'initial') {
    // An initial stands for a given name: "K. Chol" for "Kim Chol". Never for numbers.
    const [one, other] = q.kind === 'initial' ? [q, c] : [c, q];
    return other.kind !== 'numeric' && other.text.startsWith(one.text) ? { score: PART_SCORES.initial, how: 'initial' } : NONE;
  }
  if (q.kind === 'numeric' || c.kind === 'numeric') return NONE;
  if (q.key.length >= 2 && (q.key === c.key || ((q.cyrillic || c.cyrillic) && q.loose === c.loose))) return { score: PART_SCORES.phonetic, how: 'phonetic' };
  // Typos are counted on the words as written: folding shortens words and would make near
  // misses of different words (Union, Unchon) look like one slip of the pen.
  const typo = typoSimilarity(q.canon, c.canon);
  if (typo.score > 0) return { score: typo.score * PART_SCORES.typoFactor, how: 'typo' };
  return NONE;
}

/**
 * Similarity of one word with two words written together, either way round:
 * "Jongun" and "Jong Un", "Hojin" and "Ho-jin". Compared on the folded forms.
 */
export function compareJoined(single: NameToken, first: NameToken, second: NameToken): PartScore {
  if (single.kind === 'numeric' || first.kind === 'numeric' || second.kind === 'numeric') return NONE;
  const joined = first.fold + second.fold;
  if (single.fold === joined) return { score: PART_SCORES.joined, how: 'joined' };
  if (single.key === first.key + second.key) return { score: PART_SCORES.joined * PART_SCORES.phonetic, how: 'joined' };
  // No typos across a join: two syllables run together and misspelt are too often another name.
  return NONE;
}
