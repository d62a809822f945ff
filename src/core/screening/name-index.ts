/**
 * The in-memory index over every listed name and alias. Words are indexed by their Korean-folded
 * form, their phonetic key and their one-letter deletions (so a typo anywhere, even in the first
 * letters, still finds the name), plus adjacent words written together and organisation acronyms.
 * Word weights come from how many entries use a word: "Kim" and "Trading" weigh little.
 */
import type { AnalyzedName } from './name-analysis';
import { analyzeName, matchTokens } from './name-analysis';
import type { ListEntry, ScreeningList } from './types';

export interface IndexedName {
  readonly list: number;
  readonly entry: number;
  readonly text: string;
  readonly quality: 'primary' | 'strong' | 'weak';
  readonly analyzed: AnalyzedName;
}

const MIN_WEIGHT = 0.5, MAX_WEIGHT = 1.5;

/** One-letter deletions of a word of at least 4 letters (the symmetric-delete typo index). */
export function deletions(word: string): string[] {
  if (word.length < 4) return [];
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

export class NameIndex {
  readonly names: IndexedName[] = [];
  /** Folded word → its id in the vocabulary. */
  readonly vocab = new Map<string, number>();
  /** Vocabulary id → names that contain the word. */
  readonly postings: number[][] = [];
  readonly weights: number[] = [];
  readonly byKey = new Map<string, number[]>();
  /** Loose phonetic key (final ng as n) → vocabulary ids, for queries read from Cyrillic. */
  readonly byLooseKey = new Map<string, number[]>();
  readonly byDeletion = new Map<string, number[]>();
  /** Two adjacent folded words written together → names. */
  readonly byJoined = new Map<string, number[]>();
  readonly byAcronym = new Map<string, number[]>();
  readonly entryCount: number;

  constructor(readonly lists: readonly ScreeningList[]) {
    let entries = 0;
    const entriesOfWord: Set<number>[] = [];
    lists.forEach((list, li) => {
      list.entries.forEach((entry, ei) => {
        const entryKey = entries++;
        for (const { text, quality } of namesOf(entry)) {
          for (const analyzed of analyzeName(text, entry.type === 'individual')) {
            const id = this.names.length;
            this.names.push({ list: li, entry: ei, text, quality, analyzed });
            const tokens = matchTokens(analyzed);
            tokens.forEach((t, k) => {
              let v = this.vocab.get(t.fold);
              if (v === undefined) {
                v = this.postings.length;
                this.vocab.set(t.fold, v);
                this.postings.push([]);
                entriesOfWord.push(new Set());
              }
              const posting = this.postings[v]!;
              if (posting[posting.length - 1] !== id) posting.push(id);
              entriesOfWord[v]!.add(entryKey);
              const next = tokens[k + 1];
              if (next) push(this.byJoined, t.fold + next.fold, id);
            });
            for (const a of analyzed.acronyms) push(this.byAcronym, a, id);
          }
        }
      });
    });
    this.entryCount = entries;
    const logN = Math.log(entries + 2);
    for (const [word, v] of this.vocab) {
      const df = entriesOfWord[v]!.size;
      this.weights[v] = clampWeight((MAX_WEIGHT * Math.log((entries + 2) / (df + 1))) / logN);
      const token = tokenOf(this.names[this.postings[v]![0]!]!.analyzed, word);
      push(this.byKey, token?.key ?? word, v);
      push(this.byLooseKey, token?.loose ?? word, v);
      for (const d of deletions(word)) push(this.byDeletion, d, v);
    }
  }

  /** Weight of a folded word: high for rare or unseen words, low for common ones. */
  /** True when an acronym stands for several different listed names. */
  isAmbiguousAcronym(acronym: string): boolean {
    const ids = this.byAcronym.get(acronym);
    if (!ids || ids.length < 2) return false;
    const names = new Set(ids.map((id) => matchTokens(this.names[id]!.analyzed).map((t) => t.fold).join(' ')));
    return names.size > 1;
  }

  weightOf(fold: string): number {
    const v = this.vocab.get(fold);
    return v === undefined ? MAX_WEIGHT : this.weights[v]!;
  }

  entryOf(name: IndexedName): ListEntry {
    return this.lists[name.list]!.entries[name.entry]!;
  }
}

function tokenOf(analyzed: AnalyzedName, fold: string) {
  return matchTokens(analyzed).find((t) => t.fold === fold);
}

function clampWeight(w: number): number {
  return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, w));
}

/** The primary name and aliases of an entry, without repeats. */
export function namesOf(entry: ListEntry): { text: string; quality: IndexedName['quality'] }[] {
  const seen = new Set<string>();
  const out: { text: string; quality: IndexedName['quality'] }[] = [];
  for (const n of [{ text: entry.name, quality: 'primary' as const }, ...entry.aliases.map((a) => ({ text: a.name, quality: a.quality }))]) {
    const key = n.text.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}
